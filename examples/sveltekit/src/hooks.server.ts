// "Log in with X" in a SvelteKit server hook: twitter-oauth1/handlers answers GET /auth/x/login and
// GET /auth/x/callback (SvelteKit's Request in, a Response out) and every other request goes on to
// the app's routes. Each sign-in in progress waits in a sealed cookie of its own: no session store.
import type { Handle, ServerInit } from "@sveltejs/kit";
import { env } from "$env/dynamic/private";
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";

function setting(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

let signIn: SignInHandlers;

// SvelteKit runs init once when the server starts: a missing setting fails there, naming it.
export const init: ServerInit = () => {
  signIn = createSignInHandlers({
    client: new TwitterOAuth({
      consumerKey: setting("TWITTER_CONSUMER_KEY"),
      consumerSecret: setting("TWITTER_CONSUMER_SECRET"),
      callbackUrl: setting("TWITTER_CALLBACK_URL"), // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
      baseUrl: env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
    }),
    cookieSecret: setting("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess({ user }) {
      // A real app starts its own session here (event.cookies, a database) and keeps accessToken server-side.
      return new Response(
        `<!doctype html><meta charset="utf-8"><title>Signed in</title><p>Signed in as ${escapeHtml(user!.name)} (@${escapeHtml(user!.screen_name)}), id ${user!.id_str}.</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      );
    },
  });
};

export const handle: Handle = async ({ event, resolve }) => (await signIn.handle(event.request)) ?? resolve(event);
