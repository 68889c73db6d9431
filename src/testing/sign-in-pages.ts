import { timingSafeEqual } from "../oauth1/constant-time.js";
import { readCookieHeader } from "../common/cookie-header.js";
import { approveRequestToken, denyRequestToken, hasApproved, type Approval } from "./approval.js";
import { sameSecret, type IncomingRequest } from "./check-signed-request.js";
import {
  badPageRequest,
  escapeHtml,
  cancelledPage,
  consentPage,
  htmlPage,
  invalidTokenPage,
  loginPage,
  pinPage,
  type ConsentDetails,
} from "./html.js";
import { randomToken } from "./random.js";
import {
  SESSION_TTL_MS,
  STORE_LIMITS,
  remember,
  findUserById,
  findUserByScreenName,
  liveRequestToken,
  type FakeState,
  type RequestTokenRecord,
} from "./store.js";
import type { FakeUser } from "./types.js";

/** The fake's sign-in cookie, on its own origin. @internal */
export const SESSION_COOKIE = "fake_x_session";

function readCookie(headers: Headers, name: string): string | undefined {
  return readCookieHeader(headers.get("cookie"), (candidate) => candidate === name, 1).get(name);
}

/** The user signed in on the fake's own origin (its session cookie), if any. @internal */
export function sessionUser(state: FakeState, request: IncomingRequest): FakeUser | undefined {
  const id = readCookie(request.headers, SESSION_COOKIE);
  if (id === undefined) return undefined;
  const session = state.sessions.get(id);
  if (session === undefined || session.expiresAt <= state.now()) return undefined;
  return findUserById(state, session.userId);
}

/** Starts a session for `user`: the `set-cookie` value. @internal */
export function startSession(state: FakeState, request: IncomingRequest, user: FakeUser): string {
  const id = randomToken(32);
  remember(state.sessions, id, { userId: user.id, expiresAt: state.now() + SESSION_TTL_MS }, STORE_LIMITS.sessions);
  const secure = request.url.protocol === "https:" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL_MS / 1000}${secure}`;
}

function details(state: FakeState, request: IncomingRequest, record: RequestTokenRecord): ConsentDetails {
  const consumer = state.consumers.get(record.consumerKey);
  return {
    origin: request.url.origin,
    appName: consumer?.name ?? record.consumerKey,
    accessType: record.accessType,
    requestToken: record.token,
    formToken: record.formToken,
  };
}

function isTrue(value: string | null): boolean {
  return value !== null && /^(true|1|yes)$/i.test(value);
}

function answerApproval(
  state: FakeState,
  record: RequestTokenRecord,
  approval: Approval,
  setCookie?: string,
): Response {
  const now = state.now();
  const appName = state.consumers.get(record.consumerKey)?.name ?? record.consumerKey;
  const cookie: Record<string, string> = setCookie === undefined ? {} : { "set-cookie": setCookie };
  if (approval.kind === "pin") return pinPage(now, appName, approval.pin, cookie);
  // 303 after a form post (and the same for the silent GET redirect): the browser GETs the callback.
  return htmlPage(
    now,
    303,
    "Redirecting",
    `<h1>Redirecting you back to the application</h1>\n<p><a href="${escapeHtml(approval.url)}">Continue</a></p>`,
    {
      location: approval.url,
      ...cookie,
    },
  );
}

/**
 * GET /oauth/authenticate and /oauth/authorize (X API reference, GET oauth/authenticate). The three states
 * of X's "Log in with X" guide: signed in and approved, `authenticate` redirects at once; signed in
 * but not approved, a consent page; not signed in, a login form with the consent. `force_login`
 * always shows the form; `authorize`, a desktop app or an app without "Sign in with X" always asks.
 * @internal
 */
export function showSignIn(
  state: FakeState,
  request: IncomingRequest,
  endpoint: "authenticate" | "authorize",
): Response {
  const now = state.now();
  const query = request.url.searchParams;
  const record = liveRequestToken(state, query.get("oauth_token"));
  if (record === undefined || record.state !== "pending") return invalidTokenPage(now);
  const consumer = state.consumers.get(record.consumerKey);
  if (consumer === undefined) return invalidTokenPage(now);
  const user = sessionUser(state, request);
  const page = details(state, request, record);
  if (user === undefined || isTrue(query.get("force_login"))) {
    return loginPage(now, page, (query.get("screen_name") ?? "").slice(0, 100));
  }
  const mayRedirect = endpoint === "authenticate" && consumer.signInWithX !== false && consumer.desktop !== true;
  if (mayRedirect && hasApproved(state, consumer.key, user)) {
    return answerApproval(state, record, approveRequestToken(state, record, user));
  }
  const switchUrl = new URL(request.url.href);
  switchUrl.searchParams.set("force_login", "true");
  return consentPage(now, page, user, switchUrl.pathname + switchUrl.search);
}

/** The user whose screen name or email and password these are, or undefined. @internal */
export function signInUser(state: FakeState, username: string, password: string): FakeUser | undefined {
  const wanted = username.trim().toLowerCase();
  const user =
    findUserByScreenName(state, wanted) ??
    state.users.find((candidate) => candidate.email !== undefined && candidate.email.toLowerCase() === wanted);
  // Compare against a dummy when the user is unknown, so both failures take the same path.
  const passwordMatches = timingSafeEqual(user?.password ?? "\u0000no-such-user", password);
  return user !== undefined && passwordMatches ? user : undefined;
}

/**
 * POST /oauth/authorize: the form of the login and consent pages. Checks the form's per-token
 * secret (so another site cannot post it), then signs in, approves or cancels.
 * @internal
 */
export function submitSignIn(state: FakeState, request: IncomingRequest): Response {
  const now = state.now();
  if (request.form === null) return badPageRequest(now, "This page expects a form submission.");
  const form = new URLSearchParams(request.form);
  const record = liveRequestToken(state, form.get("oauth_token"));
  if (record === undefined || record.state !== "pending") return invalidTokenPage(now);
  if (!sameSecret(record.formToken, form.get("authenticity_token"))) {
    return badPageRequest(
      now,
      "This form has expired or did not come from this page. Go back to the application and sign in again.",
    );
  }
  const action = form.get("action");
  const page = details(state, request, record);
  if (action === "cancel") {
    return cancelledPage(now, page.appName, denyRequestToken(record));
  }
  if (action !== "authorize") return badPageRequest(now, "Choose Sign in, Authorize app or Cancel.");

  const username = form.get("session[username_or_email]");
  if (username === null) {
    const user = sessionUser(state, request);
    if (user === undefined) return loginPage(now, page, "", "Sign in to continue.");
    return answerApproval(state, record, approveRequestToken(state, record, user));
  }
  const user = signInUser(state, username, form.get("session[password]") ?? "");
  if (user === undefined) {
    return loginPage(
      now,
      page,
      username.slice(0, 100),
      "The username and password you entered did not match our records.",
    );
  }
  const cookie = startSession(state, request, user);
  return answerApproval(state, record, approveRequestToken(state, record, user), cookie);
}
