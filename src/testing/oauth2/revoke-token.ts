// Revoking an OAuth 2.0 token, by the revocation endpoint or a test.
import type { FakeState } from "../store.js";
import { endGrant } from "./store.js";

/**
 * Revokes an access or refresh token (of `clientId` when given). A refresh token ends its whole
 * grant, and so do its access tokens (RFC 7009 2.1: "SHOULD also invalidate the access tokens").
 * @returns whether it was a live token.
 * @internal
 */
export function revokeToken(state: FakeState, token: string, clientId?: string): boolean {
  const oauth2 = state.oauth2;
  const access = oauth2.accessTokens.get(token);
  if (access !== undefined) {
    const grant = oauth2.grants.get(access.grantId);
    if (clientId !== undefined && grant?.clientId !== clientId) return false;
    oauth2.accessTokens.delete(token);
    grant?.accessTokens.delete(token);
    return true;
  }
  const grantId = oauth2.refreshTokens.get(token);
  const grant = grantId === undefined ? undefined : oauth2.grants.get(grantId);
  if (grant === undefined || (clientId !== undefined && grant.clientId !== clientId)) return false;
  endGrant(oauth2, grant.id);
  return true;
}
