// Checking an authorization request (RFC 6749 4.1.1 and 4.1.2.1, RFC 7636 4.3; X docs, OAuth 2.0
// Authorization Code Flow with PKCE, step 2) and answering it with a code or a refusal.
import { appendToCallback } from "../callback-url.js";
import { randomToken } from "../random.js";
import type { FakeState } from "../store.js";
import type { FakeClient, FakeUser } from "../types.js";
import { PKCE_VALUE } from "./pkce.js";
import { SCOPE_WORDS, parseScope } from "./scopes.js";
import { CODE_TTL_MS, setBounded, type AuthorizationRequest } from "./store.js";

/** The path of X's authorize page. @internal */
export const AUTHORIZE_PATH = "/i/oauth2/authorize";

/**
 * The outcome of checking a request: a request to show, an error to send back to the app's
 * `redirect_uri`, or (unknown client, unregistered `redirect_uri`) an error for the user only, since
 * RFC 6749 4.1.2.1 forbids redirecting to an unchecked URI.
 * @internal
 */
export type CheckedAuthorization =
  | { kind: "ok"; request: AuthorizationRequest }
  | { kind: "redirect"; url: string }
  | { kind: "fatal"; message: string };

function redirectUriAllowed(client: FakeClient, uri: string): boolean {
  if (client.redirectUris !== undefined) return client.redirectUris.includes(uri);
  try {
    const url = new URL(uri);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hash === "";
  } catch {
    return false;
  }
}

/** Checks the query of an authorize URL against the fake's clients. @internal */
export function checkAuthorization(state: FakeState, query: URLSearchParams): CheckedAuthorization {
  const once = (name: string): string | undefined => {
    const values = query.getAll(name);
    return values.length === 1 ? values[0] : undefined;
  };
  const clientId = once("client_id");
  const client = clientId === undefined ? undefined : state.oauth2.clients.get(clientId);
  if (client === undefined) return { kind: "fatal", message: "client_id is missing or not a client of this fake." };
  const redirectUri = once("redirect_uri");
  if (redirectUri === undefined || !redirectUriAllowed(client, redirectUri)) {
    return { kind: "fatal", message: "redirect_uri is missing or not one of the client's callback URLs, exactly." };
  }
  const appState = once("state");
  const refuse = (error: string, description: string): CheckedAuthorization => {
    const params: Record<string, string> = { error, error_description: description };
    if (appState !== undefined) params.state = appState;
    return { kind: "redirect", url: appendToCallback(redirectUri, params) };
  };
  // RFC 6749 3.1: no parameter more than once. Said as such: `once` reads a repeated one as absent,
  // which would otherwise be reported as missing.
  for (const name of ["response_type", "state", "scope", "code_challenge", "code_challenge_method"]) {
    if (query.getAll(name).length > 1)
      return refuse("invalid_request", `${name} is sent more than once (RFC 6749 3.1).`);
  }
  if (once("response_type") !== "code") return refuse("unsupported_response_type", "response_type must be code.");
  if (appState === undefined || appState === "" || appState.length > 500) {
    return refuse("invalid_request", "state is required: a random string of at most 500 characters.");
  }
  const scopeParam = once("scope");
  const scopes = scopeParam === undefined ? undefined : parseScope(scopeParam);
  if (scopes === undefined) return refuse("invalid_request", "scope is required: space-separated scopes.");
  if (scopes.some((s) => SCOPE_WORDS[s] === undefined)) return refuse("invalid_scope", "scope names an unknown scope.");
  const challenge = once("code_challenge");
  const method = once("code_challenge_method") ?? "plain";
  if (challenge === undefined || challenge === "") {
    return refuse("invalid_request", "code_challenge is required (RFC 7636 4.2).");
  }
  // Said apart from "missing": a client that sends a short or base64 (not base64url) challenge
  // needs to know what is wrong with the value it did send.
  if (!PKCE_VALUE.test(challenge)) {
    return refuse(
      "invalid_request",
      "code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636 4.2).",
    );
  }
  if (method !== "S256" && method !== "plain") {
    return refuse("invalid_request", "code_challenge_method must be S256 or plain.");
  }
  return {
    kind: "ok",
    request: { client, redirectUri, scopes, state: appState, codeChallenge: challenge, codeChallengeMethod: method },
  };
}

/** The user approved: a single-use code, and the `redirect_uri` with `code` and `state`. @internal */
export function grantCode(state: FakeState, request: AuthorizationRequest, user: FakeUser): string {
  const code = randomToken(43);
  setBounded(state.oauth2.codes, code, {
    code,
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    scopes: request.scopes,
    userId: user.id,
    expiresAt: state.now() + CODE_TTL_MS,
  });
  return appendToCallback(request.redirectUri, { state: request.state ?? "", code });
}

/** The user pressed Cancel: the `redirect_uri` with `error=access_denied` and `state` (RFC 6749 4.1.2.1). @internal */
export function refuseCode(request: AuthorizationRequest): string {
  return appendToCallback(request.redirectUri, { error: "access_denied", state: request.state ?? "" });
}
