// "Log in with X" with Express 5. No session store: the request token (with its secret) waits
// between the steps in a sealed, HttpOnly cookie, and the callback checks that X came back with
// that very token before it exchanges the verifier. Express 5 passes rejected promises of async
// handlers to the error handler at the bottom.
import express, { type NextFunction, type Request, type Response } from "express";
import { TwitterOAuth, isTwitterOAuthError, sealRequestToken, unsealRequestToken } from "twitter-oauth1";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
};

const callbackUrl = env("TWITTER_CALLBACK_URL"); // registered in the X developer portal, e.g. http://127.0.0.1:3000/auth/callback
const cookieSecret = env("COOKIE_SECRET"); // 32+ random characters that never leave the server
const x = new TwitterOAuth({
  consumerKey: env("TWITTER_CONSUMER_KEY"),
  consumerSecret: env("TWITTER_CONSUMER_SECRET"),
  callbackUrl,
  baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
});

const COOKIE = "x_request_token";
// HttpOnly keeps it from scripts; Lax lets it ride along on X's top-level redirect to the callback.
const cookieOptions = {
  path: "/auth",
  httpOnly: true,
  sameSite: "lax",
  secure: callbackUrl.startsWith("https:"),
} as const;

// Express has no cookie reader built in; this is all the callback needs.
function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const page = (body: string): string => `<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`;

const app = express();

app.get("/", (_request, response) => {
  response.send(page(`<p><a href="/auth/login">Sign in with X</a></p>`));
});

app.get("/auth/login", async (_request, response) => {
  // Step 1: a request token for this sign-in, bound to our callback.
  const requestToken = await x.getRequestToken();
  response.cookie(COOKIE, await sealRequestToken(requestToken, cookieSecret), {
    ...cookieOptions,
    maxAge: 15 * 60 * 1000,
  });
  // Step 2: send the browser to X. A user who already approved the app comes straight back.
  response.redirect(x.buildAuthenticateUrl(requestToken));
});

app.get("/auth/callback", async (request, response) => {
  const sealed = readCookie(request, COOKIE);
  if (sealed === undefined) {
    response
      .status(400)
      .send(page(`<p>This sign-in expired or began in another browser. <a href="/auth/login">Start again</a></p>`));
    return;
  }
  response.clearCookie(COOKIE, cookieOptions);
  const requestToken = await unsealRequestToken(sealed, cookieSecret);
  // Step 3: the callback must carry our request token, then the verifier buys the access token.
  const { verifier } = x.parseCallback(request.originalUrl, requestToken);
  const accessToken = await x.exchangeVerifier(requestToken, verifier);
  const user = await x.verifyCredentials(accessToken);
  // A real app now keeps accessToken (token and secret) in its session or database, server-side.
  response.send(
    page(`<p>Signed in as ${escapeHtml(user.name)} (@${escapeHtml(user.screen_name)}), id ${user.id_str}.</p>`),
  );
});

app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
  if (!isTwitterOAuthError(error)) return next(error);
  // The library's errors carry a stable code and a message that never holds a secret. Those with
  // an endpoint came from a call to X; the rest are about this browser's callback or cookie.
  const status = error.code === "AUTHORIZATION_DENIED" ? 403 : error.endpoint === undefined ? 400 : 502;
  response.clearCookie(COOKIE, cookieOptions);
  response
    .status(status)
    .send(
      page(`<p>${escapeHtml(error.code)}: ${escapeHtml(error.message)}</p><p><a href="/auth/login">Try again</a></p>`),
    );
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, "127.0.0.1", () => console.log(`Listening on http://127.0.0.1:${port}/`));
