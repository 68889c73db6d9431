// "Log in with X" on Deno.serve. No session store: the request token (with its secret) waits
// between the steps in a sealed, HttpOnly cookie, and the callback checks that X came back with
// that very token before it exchanges the verifier.
import { TwitterOAuth, isTwitterOAuthError, sealRequestToken, unsealRequestToken } from "twitter-oauth1";

const env = (name: string): string => {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
};

const callbackUrl = env("TWITTER_CALLBACK_URL"); // registered in the X developer portal, e.g. http://127.0.0.1:8000/auth/callback
const cookieSecret = env("COOKIE_SECRET"); // 32+ random characters that never leave the server
const x = new TwitterOAuth({
  consumerKey: env("TWITTER_CONSUMER_KEY"),
  consumerSecret: env("TWITTER_CONSUMER_SECRET"),
  callbackUrl,
  baseUrl: Deno.env.get("X_BASE_URL") || undefined, // unset: https://api.x.com; the tests point it at a fake X
});

const COOKIE = "x_request_token";
// HttpOnly keeps it from scripts; Lax lets it ride along on X's top-level redirect to the callback.
const cookieFlags = `Path=/auth; HttpOnly; SameSite=Lax${callbackUrl.startsWith("https:") ? "; Secure" : ""}`;
const clearCookie = `${COOKIE}=; Max-Age=0; ${cookieFlags}`;

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(`<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...headers },
  });
}

async function login(): Promise<Response> {
  // Step 1: a request token for this sign-in, bound to our callback.
  const requestToken = await x.getRequestToken();
  const sealed = await sealRequestToken(requestToken, cookieSecret);
  // Step 2: send the browser to X. A user who already approved the app comes straight back.
  return new Response(null, {
    status: 302,
    headers: {
      location: x.buildAuthenticateUrl(requestToken),
      "set-cookie": `${COOKIE}=${sealed}; Max-Age=900; ${cookieFlags}`,
    },
  });
}

async function callback(request: Request): Promise<Response> {
  const sealed = readCookie(request, COOKIE);
  if (sealed === undefined) {
    return page(400, `<p>This sign-in expired or began in another browser. <a href="/auth/login">Start again</a></p>`);
  }
  const requestToken = await unsealRequestToken(sealed, cookieSecret);
  // Step 3: the callback must carry our request token, then the verifier buys the access token.
  const { verifier } = x.parseCallback(request, requestToken);
  const accessToken = await x.exchangeVerifier(requestToken, verifier);
  const user = await x.verifyCredentials(accessToken);
  // A real app now keeps accessToken (token and secret) in its session or database, server-side.
  return page(
    200,
    `<p>Signed in as ${escapeHtml(user.name)} (@${escapeHtml(user.screen_name)}), id ${user.id_str}.</p>`,
    {
      "set-cookie": clearCookie,
    },
  );
}

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  try {
    if (pathname === "/") return page(200, `<p><a href="/auth/login">Sign in with X</a></p>`);
    if (pathname === "/auth/login") return await login();
    if (pathname === "/auth/callback") return await callback(request);
    return page(404, "<p>Not found</p>");
  } catch (error) {
    if (!isTwitterOAuthError(error)) throw error; // Deno.serve logs it and answers 500
    // The library's errors carry a stable code and a message that never holds a secret. Those with
    // an endpoint came from a call to X; the rest are about this browser's callback or cookie.
    const status = error.code === "AUTHORIZATION_DENIED" ? 403 : error.endpoint === undefined ? 400 : 502;
    return page(
      status,
      `<p>${escapeHtml(error.code)}: ${escapeHtml(error.message)}</p><p><a href="/auth/login">Try again</a></p>`,
      {
        "set-cookie": clearCookie,
      },
    );
  }
}

Deno.serve({ hostname: "127.0.0.1", port: Number(Deno.env.get("PORT") ?? 8000) }, handle);
