// The demo site as a Web-standard handler: /, /login, /callback and /logout.
import { isTwitterOAuthError, sealRequestToken, unsealRequestToken } from "twitter-oauth1";
import { cancelledPage, errorPage, signedInPage, signedOutPage } from "./pages.mjs";

const STATE_COOKIE = "demo_request_token";
const SESSION_COOKIE = "demo_session";
const STATE_MAX_AGE = 900;

/** @param {Request} request @param {string} name */
function readCookie(request, name) {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * @param {object} options
 * @param {import("twitter-oauth1").TwitterOAuth} options.client
 * @param {string} options.secret sealing secret, >= 32 characters, never sent to the browser
 * @param {string} options.mode HTML line saying which X this talks to
 * @param {boolean} options.secure whether the site is served over https (adds Secure to cookies)
 * @returns {{ fetch(request: Request): Promise<Response>, sessions: Map<string, unknown> }}
 */
export function createDemoSite({ client, secret, mode, secure }) {
  /** @type {Map<string, { user: any, accessToken: import("twitter-oauth1").TokenPair }>} */
  const sessions = new Map();
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  const clearState = `${STATE_COOKIE}=; ${attributes}; Max-Age=0`;

  const redirect = (location, cookies = []) => {
    const headers = new Headers({ location, "cache-control": "no-store" });
    for (const cookie of cookies) headers.append("set-cookie", cookie);
    return new Response(null, { status: 303, headers });
  };

  /** @param {Request} request @param {URL} url */
  async function login(_request, url) {
    let requestToken;
    try {
      requestToken = await client.getRequestToken();
    } catch (error) {
      return errorPage(
        mode,
        502,
        "X is not answering",
        isTwitterOAuthError(error) ? error.message : "Getting a request token failed.",
      );
    }
    // Step 1's token and secret go into a sealed, HttpOnly cookie: no server-side state until sign-in.
    const sealed = await sealRequestToken(requestToken, secret);
    const forceLogin = url.searchParams.get("force_login") === "true";
    return redirect(client.buildAuthenticateUrl(requestToken, { forceLogin }), [
      `${STATE_COOKIE}=${sealed}; ${attributes}; Max-Age=${STATE_MAX_AGE}`,
    ]);
  }

  /** @param {Request} request @param {URL} url */
  async function callback(request, url) {
    // The request token cookie is single-use: every outcome below clears it.
    const headers = { "set-cookie": clearState };
    if (url.searchParams.has("denied")) return cancelledPage(mode, headers);
    const sealed = readCookie(request, STATE_COOKIE);
    if (sealed === undefined || sealed === "") {
      return errorPage(
        mode,
        400,
        "This sign-in link is stale",
        "This sign-in link has expired or was already used (a replayed callback). Start the sign-in again.",
        headers,
      );
    }
    let requestToken;
    try {
      requestToken = await unsealRequestToken(sealed, secret, { maxAgeSeconds: STATE_MAX_AGE });
    } catch (error) {
      if (!isTwitterOAuthError(error)) throw error;
      return errorPage(
        mode,
        400,
        "We could not verify this sign-in",
        "The sign-in cookie was changed, has expired or comes from another server. Start the sign-in again.",
        headers,
      );
    }
    let verifier;
    try {
      ({ verifier } = client.parseCallback(url, requestToken));
    } catch (error) {
      if (!isTwitterOAuthError(error)) throw error;
      const message =
        error.code === "TOKEN_MISMATCH"
          ? "This callback does not belong to the sign-in you started in this browser."
          : "The callback from X is missing its oauth_token or oauth_verifier.";
      return errorPage(mode, 400, "We could not verify this sign-in", message, headers);
    }
    let accessToken;
    let user;
    try {
      accessToken = await client.exchangeVerifier(requestToken, verifier);
      user = await client.verifyCredentials(accessToken, { includeEmail: true });
    } catch (error) {
      if (!isTwitterOAuthError(error)) throw error;
      const stale = error.code === "HTTP_ERROR" && error.status === 401;
      return errorPage(
        mode,
        stale ? 400 : 502,
        stale ? "This sign-in link is stale" : "X refused the sign-in",
        stale
          ? "X says this sign-in was already completed or has expired (a replayed callback). Start the sign-in again."
          : error.message,
        headers,
      );
    }
    const id = randomId();
    sessions.set(id, { user, accessToken });
    return redirect("/", [clearState, `${SESSION_COOKIE}=${id}; ${attributes}`]);
  }

  /** @param {Request} request */
  async function logout(request) {
    const id = readCookie(request, SESSION_COOKIE);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session !== undefined && id !== undefined) {
      sessions.delete(id);
      // Sign-out also revokes the token at X (POST oauth/invalidate_token); a failure does not keep you signed in.
      await client.invalidateToken(session.accessToken).catch(() => undefined);
    }
    return redirect("/", [`${SESSION_COOKIE}=; ${attributes}; Max-Age=0`]);
  }

  return {
    sessions,
    /** @param {Request} request @returns {Promise<Response>} */
    async fetch(request) {
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname}`;
      if (route === "GET /") {
        const id = readCookie(request, SESSION_COOKIE);
        const session = id === undefined ? undefined : sessions.get(id);
        return session === undefined ? signedOutPage(mode) : signedInPage(mode, session.user);
      }
      if (route === "GET /login") return login(request, url);
      if (route === "GET /callback") return callback(request, url);
      if (route === "POST /logout") return logout(request);
      return errorPage(mode, 404, "Not found", "There is no page here.");
    },
  };
}
