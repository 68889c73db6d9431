// A Hono app on Node (@hono/node-server) that signs users in with X through the middleware in
// x-sign-in.ts, then keeps them signed in with a session cookie of its own.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { html } from "hono/html";
import { TwitterOAuth } from "twitter-oauth1";
import { xSignIn } from "./x-sign-in.ts";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const callbackUrl = env("TWITTER_CALLBACK_URL"); // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
// The app's own sessions: in memory here; a database or KV in a real app.
const sessions = new Map<string, { name: string; screenName: string }>();

const app = new Hono();
app.use(
  xSignIn({
    client: new TwitterOAuth({
      consumerKey: env("TWITTER_CONSUMER_KEY"),
      consumerSecret: env("TWITTER_CONSUMER_SECRET"),
      callbackUrl,
      baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
    }),
    cookieSecret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess({ user, returnTo }) {
      const id = crypto.randomUUID();
      sessions.set(id, { name: user!.name, screenName: user!.screen_name });
      const secure = callbackUrl.startsWith("https:") ? "; Secure" : "";
      return new Response(null, {
        status: 303,
        headers: { location: returnTo, "set-cookie": `session=${id}; Path=/; HttpOnly; SameSite=Lax${secure}` },
      });
    },
  }),
);

app.get("/", (c) => {
  const user = sessions.get(getCookie(c, "session") ?? "");
  // hono/html escapes what it interpolates: a display name is whatever the user typed on X.
  return c.html(
    user
      ? html`<!doctype html><title>Signed in</title><p>Signed in as ${user.name} (@${user.screenName}).</p>`
      : html`<!doctype html><title>Sign in with X</title><p><a href="/auth/x/login">Sign in with X</a></p>`,
  );
});

const port = Number(process.env.PORT ?? 3000);
serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, () => console.log(`Open http://127.0.0.1:${port}/`));
