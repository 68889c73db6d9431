// "Log in with X" on Node's own http server: no framework, no session store. The request token
// (with its secret) waits between the steps in a sealed, HttpOnly cookie; the callback checks that
// X came back with that very token before it exchanges the verifier.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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
// Secure whenever the site is served over https; HttpOnly keeps it from scripts; Lax lets it ride
// along on X's top-level redirect back to the callback.
const cookieFlags = `Path=/auth; HttpOnly; SameSite=Lax${callbackUrl.startsWith("https:") ? "; Secure" : ""}`;

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
  response.end(`<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`);
}

async function login(response: ServerResponse): Promise<void> {
  // Step 1: a request token for this sign-in, bound to our callback.
  const requestToken = await x.getRequestToken();
  const sealed = await sealRequestToken(requestToken, cookieSecret);
  // Step 2: send the browser to X. A user who already approved the app comes straight back.
  response.writeHead(302, {
    location: x.buildAuthenticateUrl(requestToken),
    "set-cookie": `${COOKIE}=${sealed}; Max-Age=900; ${cookieFlags}`,
  });
  response.end();
}

async function callback(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const sealed = readCookie(request, COOKIE);
  if (sealed === undefined) {
    return page(
      response,
      400,
      `<p>This sign-in expired or began in another browser. <a href="/auth/login">Start again</a></p>`,
    );
  }
  const clear = { "set-cookie": `${COOKIE}=; Max-Age=0; ${cookieFlags}` };
  const requestToken = await unsealRequestToken(sealed, cookieSecret);
  // Step 3: the callback must carry our request token, then the verifier buys the access token.
  const { verifier } = x.parseCallback(new URL(request.url ?? "/", "http://localhost"), requestToken);
  const accessToken = await x.exchangeVerifier(requestToken, verifier);
  const user = await x.verifyCredentials(accessToken);
  // A real app now keeps accessToken (token and secret) in its session or database, server-side.
  page(
    response,
    200,
    `<p>Signed in as ${escapeHtml(user.name)} (@${escapeHtml(user.screen_name)}), id ${user.id_str}.</p>`,
    clear,
  );
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  try {
    if (path === "/") return page(response, 200, `<p><a href="/auth/login">Sign in with X</a></p>`);
    if (path === "/auth/login") return await login(response);
    if (path === "/auth/callback") return await callback(request, response);
    page(response, 404, "<p>Not found</p>");
  } catch (error) {
    if (!isTwitterOAuthError(error)) {
      console.error(error);
      return page(response, 500, "<p>Something went wrong.</p>");
    }
    // The library's errors carry a stable code and a message that never holds a secret. Those with
    // an endpoint came from a call to X; the rest are about this browser's callback or cookie.
    const status = error.code === "AUTHORIZATION_DENIED" ? 403 : error.endpoint === undefined ? 400 : 502;
    page(
      response,
      status,
      `<p>${escapeHtml(error.code)}: ${escapeHtml(error.message)}</p><p><a href="/auth/login">Try again</a></p>`,
      {
        "set-cookie": `${COOKIE}=; Max-Age=0; ${cookieFlags}`,
      },
    );
  }
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, "127.0.0.1", () => console.log(`Listening on http://127.0.0.1:${port}/`));
