// What a test does instead of a user or a clock on the OAuth 2.0 side: approve or deny a sign-in
// by its authorize URL, expire an access token.
import { findUserByScreenName, type FakeState } from "../store.js";
import type { FakeUser } from "../types.js";
import { AUTHORIZE_PATH, checkAuthorization, grantCode, refuseCode } from "./authorization-request.js";
import type { AuthorizationRequest } from "./store.js";

function checked(state: FakeState, authorizeUrl: string, what: string): AuthorizationRequest | string {
  let url: URL | undefined;
  try {
    url = typeof authorizeUrl === "string" ? new URL(authorizeUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || url.pathname !== AUTHORIZE_PATH) {
    throw new TypeError(`${what}: authorizeUrl must be the whole ${AUTHORIZE_PATH}?… URL the app redirected to`);
  }
  const result = checkAuthorization(state, url.searchParams);
  if (result.kind === "fatal") throw new TypeError(`${what}: ${result.message}`);
  return result.kind === "redirect" ? result.url : result.request;
}

function userFor(state: FakeState, screenName: string | undefined): FakeUser {
  const user = screenName === undefined ? state.users[0]! : findUserByScreenName(state, screenName);
  if (user === undefined) throw new TypeError(`approve: screenName "${screenName}" is not a user of this fake`);
  return user;
}

/**
 * Approves the sign-in as the user (default: the first): the `redirect_uri` with `code` and `state`,
 * or, for a request the page would refuse (a bad scope, say), the `redirect_uri` with its error.
 * @internal
 */
export function approveAuthorization(state: FakeState, authorizeUrl: string, screenName?: string): string {
  const request = checked(state, authorizeUrl, "approve");
  if (typeof request === "string") return request;
  return grantCode(state, request, userFor(state, screenName));
}

/** Refuses the sign-in: the `redirect_uri` with `error=access_denied` and `state`. @internal */
export function denyAuthorization(state: FakeState, authorizeUrl: string): string {
  const request = checked(state, authorizeUrl, "deny");
  return typeof request === "string" ? request : refuseCode(request);
}

/** Expires an OAuth 2.0 access token from now on. @internal */
export function expireAccessToken(state: FakeState, accessToken: string): void {
  const record = typeof accessToken === "string" ? state.oauth2.accessTokens.get(accessToken) : undefined;
  if (record === undefined || record.expiresAt <= state.now()) {
    throw new TypeError("expire: accessToken is not a live OAuth 2.0 access token of this fake");
  }
  record.expiresAt = state.now();
}
