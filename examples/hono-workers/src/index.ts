// "Log in with X" with Hono on Cloudflare Workers. A Worker keeps nothing between requests and has
// no session store, so the request token (with its secret) waits between the steps in a sealed,
// HttpOnly cookie; the callback checks that X came back with that very token before it exchanges
// the verifier. Secrets and settings arrive as bindings (wrangler.jsonc, `wrangler secret put`).
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { TwitterOAuth, isTwitterOAuthError, sealRequestToken, unsealRequestToken } from "twitter-oauth1";

interface Bindings {
  TWITTER_CONSUMER_KEY: string;
  TWITTER_CONSUMER_SECRET: string;
  /** Registered in the X developer portal, e.g. https://your-worker.example.workers.dev/auth/callback */
  TWITTER_CALLBACK_URL: string;
  /** 32+ random characters that never leave the server. */
  COOKIE_SECRET: string;
  /** Unset: https://api.x.com; the tests point it at a fake X. */
  X_BASE_URL?: string;
}

const COOKIE = "x_request_token";

function client(env: Bindings): TwitterOAuth {
  return new TwitterOAuth({
    consumerKey: env.TWITTER_CONSUMER_KEY,
    consumerSecret: env.TWITTER_CONSUMER_SECRET,
    callbackUrl: env.TWITTER_CALLBACK_URL,
    baseUrl: env.X_BASE_URL || undefined,
  });
}

// HttpOnly keeps it from scripts; Lax lets it ride along on X's top-level redirect to the callback.
function cookieOptions(env: Bindings) {
  return {
    path: "/auth",
    httpOnly: true,
    sameSite: "Lax",
    secure: env.TWITTER_CALLBACK_URL.startsWith("https:"),
  } as const;
}

const app = new Hono<{ Bindings: Bindings }>();

app.get("/", (c) =>
  c.html(html`<!doctype html><title>Sign in with X</title><p><a href="/auth/login">Sign in with X</a></p>`),
);

app.get("/auth/login", async (c) => {
  const x = client(c.env);
  // Step 1: a request token for this sign-in, bound to our callback.
  const requestToken = await x.getRequestToken();
  setCookie(c, COOKIE, await sealRequestToken(requestToken, c.env.COOKIE_SECRET), {
    ...cookieOptions(c.env),
    maxAge: 15 * 60,
  });
  // Step 2: send the browser to X. A user who already approved the app comes straight back.
  return c.redirect(x.buildAuthenticateUrl(requestToken), 302);
});

app.get("/auth/callback", async (c) => {
  const sealed = getCookie(c, COOKIE);
  if (sealed === undefined) {
    return c.html(
      html`<!doctype html><p>This sign-in expired or began in another browser. <a href="/auth/login">Start again</a></p>`,
      400,
    );
  }
  deleteCookie(c, COOKIE, cookieOptions(c.env));
  const x = client(c.env);
  const requestToken = await unsealRequestToken(sealed, c.env.COOKIE_SECRET);
  // Step 3: the callback must carry our request token, then the verifier buys the access token.
  const { verifier } = x.parseCallback(c.req.raw, requestToken);
  const accessToken = await x.exchangeVerifier(requestToken, verifier);
  const user = await x.verifyCredentials(accessToken);
  // A real app now keeps accessToken (token and secret) server-side, e.g. in KV or D1.
  return c.html(
    html`<!doctype html><title>Signed in</title><p>Signed in as ${user.name} (@${user.screen_name}), id ${user.id_str}.</p>`,
  );
});

app.onError((error, c) => {
  if (!isTwitterOAuthError(error)) {
    console.error(error);
    return c.text("Something went wrong.", 500);
  }
  // The library's errors carry a stable code and a message that never holds a secret. Those with
  // an endpoint came from a call to X; the rest are about this browser's callback or cookie.
  const status = error.code === "AUTHORIZATION_DENIED" ? 403 : error.endpoint === undefined ? 400 : 502;
  deleteCookie(c, COOKIE, cookieOptions(c.env));
  return c.html(
    html`<!doctype html><p>${error.code}: ${error.message}</p><p><a href="/auth/login">Try again</a></p>`,
    status,
  );
});

export default app;
