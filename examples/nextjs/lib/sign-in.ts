// The sign-in handlers of twitter-oauth1/handlers, made once per server from the environment (on
// first use, so that `next build` needs no secrets). Each sign-in in progress waits in a sealed
// cookie of its own: no session store, so this also runs on the Edge runtime.
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

let signIn: SignInHandlers | undefined;

export function signInHandlers(): SignInHandlers {
  signIn ??= createSignInHandlers({
    client: new TwitterOAuth({
      consumerKey: env("TWITTER_CONSUMER_KEY"),
      consumerSecret: env("TWITTER_CONSUMER_SECRET"),
      callbackUrl: env("TWITTER_CALLBACK_URL"), // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
      baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
    }),
    cookieSecret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess({ user }) {
      // A real app starts its own session here (a cookie, a database) and keeps accessToken server-side.
      return new Response(
        `<!doctype html><meta charset="utf-8"><title>Signed in</title><p>Signed in as ${escapeHtml(user!.name)} (@${escapeHtml(user!.screen_name)}), id ${user!.id_str}.</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      );
    },
  });
  return signIn;
}
