// The sign-in handlers of twitter-oauth1/handlers, made once per server from the environment (on
// first use, so that `next build` needs no secrets). Each sign-in in progress waits in a sealed
// cookie of its own: no session store, so this also runs on the Edge runtime.
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

let signIn: SignInHandlers | undefined;

export function signInHandlers(): SignInHandlers {
  signIn ??= createSignInHandlers({
    // X_AUTH=oauth2 signs in over OAuth 2.0 with PKCE instead of OAuth 1.0a: only the client changes.
    client:
      process.env.X_AUTH === "oauth2"
        ? new TwitterOAuth2({
            clientId: env("X_CLIENT_ID"),
            clientSecret: env("X_CLIENT_SECRET"),
            callbackUrl: env("TWITTER_CALLBACK_URL"),
            baseUrl: process.env.X_BASE_URL || undefined,
          })
        : new TwitterOAuth({
            consumerKey: env("TWITTER_CONSUMER_KEY"),
            consumerSecret: env("TWITTER_CONSUMER_SECRET"),
            callbackUrl: env("TWITTER_CALLBACK_URL"), // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
            baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
          }),
    cookieSecret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess(result) {
      // A real app starts its own session here (a cookie, a database) and keeps the tokens server-side:
      // result.accessToken over OAuth 1.0a, result.tokens over OAuth 2.0.
      const { name, handle, id } =
        result.protocol === "oauth2"
          ? { name: result.user!.name, handle: result.user!.username, id: result.user!.id }
          : { name: result.user!.name, handle: result.user!.screen_name, id: result.user!.id_str };
      return new Response(
        `<!doctype html><meta charset="utf-8"><title>Signed in</title><p>Signed in as ${escapeHtml(name)} (@${escapeHtml(handle)}), id ${escapeHtml(id)}.</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      );
    },
  });
  return signIn;
}
