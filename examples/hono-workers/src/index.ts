// "Log in with X" with Hono on Cloudflare Workers. twitter-oauth1/handlers answers
// GET /auth/x/login and GET /auth/x/callback with Hono's own Request (c.req.raw) in and a Response
// out. A Worker keeps nothing between requests, and needs nothing: each sign-in in progress waits in
// a sealed cookie of its own. Secrets and settings arrive as bindings (wrangler.jsonc, `wrangler
// secret put`), so the handlers are made on the first request, once per isolate.
import { Hono } from "hono";
import { html } from "hono/html";
import { TwitterOAuth } from "twitter-oauth1";
import { createSignInHandlers, type SignInHandlers } from "twitter-oauth1/handlers";

interface Bindings {
  TWITTER_CONSUMER_KEY: string;
  TWITTER_CONSUMER_SECRET: string;
  /** Registered on X, e.g. https://your-worker.example.workers.dev/auth/x/callback */
  TWITTER_CALLBACK_URL: string;
  /** 32+ random characters that never leave the server. */
  COOKIE_SECRET: string;
  /** Unset: https://api.x.com; the tests point it at a fake X. */
  X_BASE_URL?: string;
}

function setting(env: Bindings, name: keyof Bindings): string {
  const value = env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

let signIn: SignInHandlers | undefined;

function handlers(env: Bindings): SignInHandlers {
  signIn ??= createSignInHandlers({
    client: new TwitterOAuth({
      consumerKey: setting(env, "TWITTER_CONSUMER_KEY"),
      consumerSecret: setting(env, "TWITTER_CONSUMER_SECRET"),
      callbackUrl: setting(env, "TWITTER_CALLBACK_URL"),
      baseUrl: env.X_BASE_URL || undefined,
    }),
    cookieSecret: setting(env, "COOKIE_SECRET"),
    // A real app starts its session here (a cookie, KV, D1) and keeps accessToken server-side.
    // hono/html escapes what it interpolates: a display name is whatever the user typed on X.
    onSuccess: async ({ user }) =>
      new Response(
        await html`<!doctype html><title>Signed in</title><p>Signed in as ${user!.name} (@${user!.screen_name}), id ${user!.id_str}.</p>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      ),
  });
  return signIn;
}

const app = new Hono<{ Bindings: Bindings }>();

app.get("/", (c) =>
  c.html(html`<!doctype html><title>Sign in with X</title><p><a href="/auth/x/login">Sign in with X</a></p>`),
);
app.get("/auth/x/*", async (c) => (await handlers(c.env).handle(c.req.raw)) ?? c.notFound());

export default app;
