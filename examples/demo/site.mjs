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
      // X refuses a request token it already exchanged, or one that expired: a replayed callback.
      if (error.status === 401 && error.endpoint === "POST /oauth/access_token") {
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
 * @param {object} options
 * @param {import("twitter-oauth1").TwitterOAuth} options.client its callbackUrl ends in /callback
 * @param {string} options.secret cookie secret, >= 32 characters, never sent to the browser
 * @param {string} options.mode HTML line saying which X this talks to
 * @returns {{ fetch(request: Request): Promise<Response>, sessions: Map<string, unknown> }}
 */
export function createDemoSite({ client, secret, mode }) {
  /** @type {Map<string, { user: any, accessToken: import("twitter-oauth1").TokenPair }>} */
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
    includeEmail: true,
    // The app's own session starts here; the handlers clear the sign-in's cookie on this answer.
    onSuccess({ accessToken, user, returnTo }) {
      const id = crypto.randomUUID();
      sessions.set(id, { user, accessToken });
      return redirect(returnTo, `${SESSION_COOKIE}=${id}; ${attributes}`);
    },
    onError: (error) => failurePage(mode, error),
  });

  /** @param {Request} request */
  async function logout(request) {
    const id = readCookie(request, SESSION_COOKIE);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session !== undefined && id !== undefined) {
      sessions.delete(id);
      // Sign-out also revokes the token at X (POST oauth/invalidate_token); a failure does not keep you signed in.
      await client.invalidateToken(session.accessToken).catch(() => undefined);
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
