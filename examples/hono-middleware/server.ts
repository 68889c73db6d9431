// A Hono app on Node (@hono/node-server) that signs users in with X through the middleware in
// x-sign-in.ts, then keeps them signed in with a session cookie of its own.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { html } from "hono/html";
import { TwitterOAuth } from "twitter-oauth1";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";
import { xSignIn } from "./x-sign-in.ts";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const callbackUrl = env("TWITTER_CALLBACK_URL"); // registered on X, e.g. http://127.0.0.1:3000/auth/x/callback
const baseUrl = process.env.X_BASE_URL || undefined; // unset: https://api.x.com; the tests point it at a fake X
// The app's own sessions: in memory here; a database or KV in a real app.
const sessions = new Map<string, { name: string; screenName: string }>();

const app = new Hono();
app.use(
  xSignIn({
    // X_AUTH=oauth2 signs in over OAuth 2.0 with PKCE instead of OAuth 1.0a: only the client changes.
    client:
      process.env.X_AUTH === "oauth2"
        ? new TwitterOAuth2({
            clientId: env("X_CLIENT_ID"),
            clientSecret: env("X_CLIENT_SECRET"),
            callbackUrl,
            baseUrl,
          })
        : new TwitterOAuth({
            consumerKey: env("TWITTER_CONSUMER_KEY"),
            consumerSecret: env("TWITTER_CONSUMER_SECRET"),
            callbackUrl,
            baseUrl,
          }),
    cookieSecret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
    onSuccess(result) {
      const id = crypto.randomUUID();
      // OAuth 2.0's /2/users/me says username; OAuth 1.0a's verify_credentials says screen_name.
      const screenName = result.protocol === "oauth2" ? result.user!.username : result.user!.screen_name;
      sessions.set(id, { name: result.user!.name, screenName });
      const { returnTo } = result;
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
