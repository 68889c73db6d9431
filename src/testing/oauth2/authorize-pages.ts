// GET and POST /i/oauth2/authorize: X's OAuth 2.0 sign-in and consent pages (X docs, OAuth 2.0
// Authorization Code Flow with PKCE, step 2), the same pages as the 1.0a flow with the scopes in words.
import { sameSecret, type IncomingRequest } from "../check-signed-request.js";
import { badPageRequest, consentPage, escapeHtml, htmlPage, loginPage, type ConsentDetails } from "../html.js";
import { randomToken } from "../random.js";
import { sessionUser, signInUser, startSession } from "../sign-in-pages.js";
import type { FakeState } from "../store.js";
import { AUTHORIZE_PATH, checkAuthorization, grantCode, refuseCode } from "./authorization-request.js";
import { SCOPE_WORDS, accessTypeOfScopes } from "./scopes.js";
import { PENDING_TTL_MS, setBounded, type PendingAuthorization } from "./store.js";

const FIELD = "authorization";

function redirect(state: FakeState, location: string, setCookie?: string): Response {
  const headers: Record<string, string> = { location };
  if (setCookie !== undefined) headers["set-cookie"] = setCookie;
  return htmlPage(
    state.now(),
    303,
    "Redirecting",
    `<h1>Redirecting you back to the application</h1>\n<p><a href="${escapeHtml(location)}">Continue</a></p>`,
    headers,
  );
}

function details(state: FakeState, request: IncomingRequest, pending: PendingAuthorization): ConsentDetails {
  const client = pending.request.client;
  const scopes = pending.request.scopes;
  return {
    origin: request.url.origin,
    appName: state.consumers.get(client.consumerKey)?.name ?? client.consumerKey,
    accessType: accessTypeOfScopes(scopes),
    requestToken: pending.id,
    formToken: pending.formToken,
    formPath: AUTHORIZE_PATH,
    tokenField: FIELD,
    permissionItems: scopes.map((s) => SCOPE_WORDS[s] ?? s),
  };
}

/** GET /i/oauth2/authorize: a login form with the consent, or the consent alone when signed in. @internal */
export function showAuthorization(state: FakeState, request: IncomingRequest): Response {
  const now = state.now();
  const checked = checkAuthorization(state, request.url.searchParams);
  if (checked.kind === "fatal") return badPageRequest(now, checked.message);
  if (checked.kind === "redirect") return redirect(state, checked.url);
  const pending: PendingAuthorization = {
    id: randomToken(32),
    formToken: randomToken(32),
    request: checked.request,
    expiresAt: now + PENDING_TTL_MS,
  };
  setBounded(state.oauth2.pending, pending.id, pending);
  const page = details(state, request, pending);
  const user = sessionUser(state, request);
  if (user === undefined || request.url.searchParams.get("force_login") === "true") return loginPage(now, page, "");
  const switchQuery = new URLSearchParams(request.url.searchParams);
  switchQuery.set("force_login", "true");
  const switchUrl = `${AUTHORIZE_PATH}?${switchQuery}`;
  return consentPage(now, page, user, switchUrl);
}

/** POST /i/oauth2/authorize: the form of those pages. Sign in, authorize or cancel. @internal */
export function submitAuthorization(state: FakeState, request: IncomingRequest): Response {
  const now = state.now();
  if (request.form === null) return badPageRequest(now, "This page expects a form submission.");
  const form = new URLSearchParams(request.form);
  const pending = state.oauth2.pending.get(form.get(FIELD) ?? "");
  if (pending === undefined || pending.expiresAt <= now) {
    return badPageRequest(
      now,
      "This sign-in has expired or was already answered. Go back to the application and sign in again.",
    );
  }
  if (!sameSecret(pending.formToken, form.get("authenticity_token"))) {
    return badPageRequest(
      now,
      "This form has expired or did not come from this page. Go back to the application and sign in again.",
    );
  }
  const action = form.get("action");
  if (action === "cancel") {
    state.oauth2.pending.delete(pending.id);
    return redirect(state, refuseCode(pending.request));
  }
  if (action !== "authorize") return badPageRequest(now, "Choose Sign in, Authorize app or Cancel.");
  const username = form.get("session[username_or_email]");
  const page = details(state, request, pending);
  if (username === null) {
    const user = sessionUser(state, request);
    if (user === undefined) return loginPage(now, page, "", "Sign in to continue.");
    state.oauth2.pending.delete(pending.id);
    return redirect(state, grantCode(state, pending.request, user));
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
  state.oauth2.pending.delete(pending.id);
  return redirect(state, grantCode(state, pending.request, user), startSession(state, request, user));
}
