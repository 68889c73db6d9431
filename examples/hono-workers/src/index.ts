// "Log in with X" with Hono on Cloudflare Workers. twitter-oauth1/handlers answers
// GET /auth/x/login and GET /auth/x/callback with Hono's own Request (c.req.raw) in and a Response
// out. A Worker keeps nothing between requests, and needs nothing: each sign-in in progress waits in
// a sealed cookie of its own. Secrets and settings arrive as bindings (wrangler.jsonc, `wrangler
// secret put`), so the handlers are made on the first request, once per isolate.
import { Hono } from "hono";
import { html } from "hono/html";
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";

interface Bindings {
  TWITTER_CONSUMER_KEY: string;
  TWITTER_CONSUMER_SECRET: string;
  /** Registered on X, e.g. https://your-worker.example.workers.dev/auth/x/callback */
  TWITTER_CALLBACK_URL: string;
  /** 32+ random characters that never leave the server. */
  COOKIE_SECRET: string;
  /** Unset: https://api.x.com; the tests point it at a fake X. */
  X_BASE_URL?: string;
  /** "oauth2": sign in over OAuth 2.0 with PKCE (X_CLIENT_ID, X_CLIENT_SECRET) instead of OAuth 1.0a. */
  X_AUTH?: string;
  X_CLIENT_ID?: string;
  X_CLIENT_SECRET?: string;
}

function setting(env: Bindings, name: Exclude<keyof Bindings, "X_AUTH" | "X_BASE_URL">): string {
  const value = env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

let signIn: SignInHandlers | undefined;

function handlers(env: Bindings): SignInHandlers {
  signIn ??= createSignInHandlers({
    client:
      env.X_AUTH === "oauth2"
        ? new TwitterOAuth2({
            clientId: setting(env, "X_CLIENT_ID"),
            clientSecret: setting(env, "X_CLIENT_SECRET"),
            callbackUrl: setting(env, "TWITTER_CALLBACK_URL"),
            baseUrl: env.X_BASE_URL || undefined,
          })
        : new TwitterOAuth({
            consumerKey: setting(env, "TWITTER_CONSUMER_KEY"),
            consumerSecret: setting(env, "TWITTER_CONSUMER_SECRET"),
            callbackUrl: setting(env, "TWITTER_CALLBACK_URL"),
            baseUrl: env.X_BASE_URL || undefined,
          }),
    cookieSecret: setting(env, "COOKIE_SECRET"),
    // A real app starts its session here (a cookie, KV, D1) and keeps accessToken server-side.
    // hono/html escapes what it interpolates: a display name is whatever the user typed on X.
    onSuccess: async (result) => {
      // OAuth 2.0's /2/users/me says username and id; OAuth 1.0a's verify_credentials screen_name and id_str.
      const { name, handle, id } =
        result.protocol === "oauth2"
          ? { name: result.user!.name, handle: result.user!.username, id: result.user!.id }
          : { name: result.user!.name, handle: result.user!.screen_name, id: result.user!.id_str };
      return new Response(
        await html`<!doctype html><title>Signed in</title><p>Signed in as ${name} (@${handle}), id ${id}.</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      );
    },
  });
  return signIn;
}

const app = new Hono<{ Bindings: Bindings }>();

app.get("/", (c) =>
  c.html(html`<!doctype html><title>Sign in with X</title><p><a href="/auth/x/login">Sign in with X</a></p>`),
);
app.get("/auth/x/*", async (c) => (await handlers(c.env).handle(c.req.raw)) ?? c.notFound());

export default app;
