// The refresh_token grant (RFC 6749 6; X docs, OAuth 2.0 Authorization Code Flow with PKCE, step 5).
import type { FakeState } from "../store.js";
import type { FakeClient } from "../types.js";
import { oauth2Error } from "./responses.js";
import { parseScope } from "./scopes.js";
import { rotateGrant } from "./tokens.js";

/** POST /2/oauth2/token with grant_type=refresh_token: single use, it rotates. @internal */
export function refreshGrant(state: FakeState, client: FakeClient, form: URLSearchParams): Response {
  const now = state.now();
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) return oauth2Error(now, "invalid_request", "refresh_token is missing.");
  const grantId = state.oauth2.refreshTokens.get(refreshToken);
  const grant = grantId === undefined ? undefined : state.oauth2.grants.get(grantId);
  // RFC 6749 6: the refresh token must have been issued to this client.
  if (grant === undefined || grant.refreshToken !== refreshToken || grant.clientId !== client.clientId) {
    return oauth2Error(
      now,
      "invalid_grant",
      "The refresh token is invalid: already used, rotated, revoked or expired. Sign the user in again.",
    );
  }
  // RFC 6749 6: a refresh may narrow the scope, never widen it.
  const scopeParam = form.get("scope");
  if (scopeParam !== null) {
    const asked = parseScope(scopeParam);
    if (asked === undefined || asked.some((s) => !grant.scopes.includes(s))) {
      return oauth2Error(now, "invalid_scope", "scope asks for more than the user granted.");
    }
    grant.scopes = grant.scopes.filter((s) => asked.includes(s));
  }
  return rotateGrant(state, grant);
}
