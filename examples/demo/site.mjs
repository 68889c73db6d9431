// The demo site as a Web-standard handler: twitter-oauth1/handlers answers /login and /callback (each
// sign-in in progress in a sealed cookie of its own), and this file keeps the app's own part: the
// sessions, the pages, sign-out.
import { createSignInHandlers } from "twitter-oauth1/handlers";
import { cancelledPage, errorPage, signedInPage, signedOutPage } from "./pages.mjs";

const SESSION_COOKIE = "demo_session";

/** @param {Request} request @param {string} name */
function readCookie(request, name) {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** What the demo shows for each way a sign-in can fail (`error.code`), never the developer message. */
function failurePage(mode, error) {
  switch (error.code) {
    case "AUTHORIZATION_DENIED":
      return cancelledPage(mode);
    case "INVALID_STATE":
    case "INVALID_CALLBACK":
      return errorPage(
        mode,
        400,
        "This sign-in link is stale",
        "This sign-in has expired, was already used (a replayed callback), or was started in another browser. Start the sign-in again.",
      );
    case "HTTP_ERROR":
      // X refuses a request token it already exchanged, or one that expired: a replayed callback
      // (over OAuth 2.0: a code already used, invalid_grant).
      if (
        (error.status === 401 && error.endpoint === "POST /oauth/access_token") ||
        error.oauthError === "invalid_grant"
      ) {
        return errorPage(
          mode,
          400,
          "This sign-in link is stale",
          "X says this sign-in was already completed or has expired (a replayed callback). Start the sign-in again.",
        );
      }
      return errorPage(
        mode,
        502,
        "X refused the sign-in",
        `X could not complete the sign-in (${error.code}). Try again.`,
      );
    case "NETWORK_ERROR":
    case "TIMEOUT":
      return errorPage(mode, 502, "X is not answering", "X could not be reached. Try again in a moment.");
    default:
      return errorPage(
        mode,
        502,
        "X refused the sign-in",
        `X could not complete the sign-in (${error.code}). Try again.`,
      );
  }
}

/**
 * The user as the pages show them, from either protocol's result: OAuth 1.0a's verify_credentials
 * (`screen_name`, `id_str`, `email`) or OAuth 2.0's /2/users/me (`username`, `id`).
 * @param {import("twitter-oauth1/handlers").SignInResult} result
 */
function shownUser(result) {
  if (result.protocol === "oauth2") {
    const { name, username, id } = result.user;
    return { name, screen_name: username, id_str: id };
  }
  return result.user;
}

/**
 * @param {object} options
 * @param {import("twitter-oauth1").TwitterOAuth | import("twitter-oauth1/oauth2").TwitterOAuth2} options.client
 *   OAuth 1.0a or OAuth 2.0 (X_AUTH=oauth2); its callbackUrl ends in /callback
 * @param {string} options.secret cookie secret, >= 32 characters, never sent to the browser
 * @param {string} options.mode HTML line saying which X this talks to
 * @returns {{ fetch(request: Request): Promise<Response>, sessions: Map<string, unknown> }}
 */
export function createDemoSite({ client, secret, mode }) {
  /** @type {Map<string, { user: any, result: import("twitter-oauth1/handlers").SignInResult }>} */
  const sessions = new Map();
  const callback = new URL(client.callbackUrl ?? "http://localhost/callback");
  const secure = callback.protocol === "https:";
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

  const redirect = (location, cookie) => {
    const headers = new Headers({ location, "cache-control": "no-store" });
    if (cookie !== undefined) headers.append("set-cookie", cookie);
    return new Response(null, { status: 303, headers });
  };

  const signIn = createSignInHandlers({
    client,
    cookieSecret: secret,
    loginPath: "/login",
    // verify_credentials gives the email over OAuth 1.0a; /2/users/me of OAuth 2.0 has none.
    includeEmail: !("exchangeCode" in client),
    // The app's own session starts here; the handlers clear the sign-in's cookie on this answer.
    onSuccess(result) {
      const id = crypto.randomUUID();
      sessions.set(id, { user: shownUser(result), result });
      return redirect(result.returnTo, `${SESSION_COOKIE}=${id}; ${attributes}`);
    },
    onError: (error) => failurePage(mode, error),
  });

  /** @param {Request} request */
  async function logout(request) {
    const id = readCookie(request, SESSION_COOKIE);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session !== undefined && id !== undefined) {
      sessions.delete(id);
      // Sign-out also revokes the token at X (POST oauth/invalidate_token, or POST /2/oauth2/revoke
      // over OAuth 2.0); a failure does not keep you signed in.
      const { result } = session;
      const revoked =
        result.protocol === "oauth2"
          ? client.revoke(result.tokens.accessToken)
          : client.invalidateToken(result.accessToken);
      await revoked.catch(() => undefined);
    }
    return redirect("/?signed_out=1", `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`);
  }

  return {
    sessions,
    /** @param {Request} request @returns {Promise<Response>} */
    async fetch(request) {
      const answer = await signIn.handle(request); // GET /login and GET /callback
      if (answer !== undefined) return answer;
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname}`;
      if (route === "GET /") {
        const id = readCookie(request, SESSION_COOKIE);
        const session = id === undefined ? undefined : sessions.get(id);
        if (session !== undefined) return signedInPage(mode, session.user);
        // Opened on another host than the callback's (localhost vs 127.0.0.1): sign in over there.
        const base = url.hostname === callback.hostname ? "" : callback.origin;
        return signedOutPage(mode, { signedOut: url.searchParams.has("signed_out"), base });
      }
      if (route === "POST /logout") return logout(request);
      return errorPage(mode, 404, "Not found", "There is no page here.");
    },
  };
}
