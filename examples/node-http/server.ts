// "Log in with X" on Node's own http server, no framework. twitter-oauth1/handlers answers
// GET /auth/x/login and GET /auth/x/callback; each sign-in in progress waits in a sealed cookie of
// its own, so there is no session store to set up for it. X_AUTH=oauth2 signs in over OAuth 2.0
// with PKCE instead of OAuth 1.0a: only the client changes.
import { createServer } from "node:http";
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers } from "twitter-oauth1/handlers";
import { toNodeListener } from "twitter-oauth1/node";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const page = (body: string, status = 200): Response =>
  new Response(`<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

const callbackUrl = env("TWITTER_CALLBACK_URL"); // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
const baseUrl = process.env.X_BASE_URL || undefined; // unset: https://api.x.com; the tests point it at a fake X

const signIn = createSignInHandlers({
  client:
    process.env.X_AUTH === "oauth2"
      ? new TwitterOAuth2({ clientId: env("X_CLIENT_ID"), clientSecret: env("X_CLIENT_SECRET"), callbackUrl, baseUrl })
      : new TwitterOAuth({
          consumerKey: env("TWITTER_CONSUMER_KEY"),
          consumerSecret: env("TWITTER_CONSUMER_SECRET"),
          callbackUrl,
          baseUrl,
        }),
  cookieSecret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
  onSuccess(result) {
    // A real app starts its own session here and keeps the tokens server-side: result.accessToken
    // (token and secret) over OAuth 1.0a, result.tokens (access and refresh token) over OAuth 2.0.
    const { name, handle, id } =
      result.protocol === "oauth2"
        ? { name: result.user!.name, handle: result.user!.username, id: result.user!.id }
        : { name: result.user!.name, handle: result.user!.screen_name, id: result.user!.id_str };
    return page(`<p>Signed in as ${escapeHtml(name)} (@${escapeHtml(handle)}), id ${escapeHtml(id)}.</p>`);
  },
});

const server = createServer(
  toNodeListener(async (request) => {
    const answer = await signIn.handle(request);
    if (answer) return answer;
    if (new URL(request.url).pathname === "/") return page(`<p><a href="/auth/x/login">Sign in with X</a></p>`);
    return page("<p>Not found</p>", 404);
  }),
);

const port = Number(process.env.PORT ?? 3000);
server.listen(port, "127.0.0.1", () => console.log(`Open http://127.0.0.1:${port}/`));
