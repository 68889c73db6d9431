// "Log in with X" in a SvelteKit server hook: twitter-oauth1/handlers answers GET /auth/x/login and
// GET /auth/x/callback (SvelteKit's Request in, a Response out) and every other request goes on to
// the app's routes. Each sign-in in progress waits in a sealed cookie of its own: no session store.
import type { Handle, ServerInit } from "@sveltejs/kit";
import { env } from "$env/dynamic/private";
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";

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
    // X_AUTH=oauth2 signs in over OAuth 2.0 with PKCE instead of OAuth 1.0a: only the client changes.
    client:
      env.X_AUTH === "oauth2"
        ? new TwitterOAuth2({
            clientId: setting("X_CLIENT_ID"),
            clientSecret: setting("X_CLIENT_SECRET"),
            callbackUrl: setting("TWITTER_CALLBACK_URL"),
            baseUrl: env.X_BASE_URL || undefined,
          })
        : new TwitterOAuth({
            consumerKey: setting("TWITTER_CONSUMER_KEY"),
            consumerSecret: setting("TWITTER_CONSUMER_SECRET"),
            callbackUrl: setting("TWITTER_CALLBACK_URL"), // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
            baseUrl: env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
          }),
    cookieSecret: setting("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess(result) {
      // A real app starts its own session here (event.cookies, a database) and keeps the tokens
      // server-side: result.accessToken over OAuth 1.0a, result.tokens over OAuth 2.0.
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
};

export const handle: Handle = async ({ event, resolve }) => (await signIn.handle(event.request)) ?? resolve(event);
