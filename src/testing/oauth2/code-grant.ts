// The authorization_code grant with PKCE (RFC 6749 4.1.3, RFC 7636 4.5; X docs, OAuth 2.0
// Authorization Code Flow with PKCE, step 3).
import type { FakeState } from "../store.js";
import type { FakeClient } from "../types.js";
import { verifierMatches } from "./pkce.js";
import { oauth2Error } from "./responses.js";
import { startGrant } from "./tokens.js";

/** POST /2/oauth2/token with grant_type=authorization_code. The code is single use. @internal */
export async function codeGrant(state: FakeState, client: FakeClient, form: URLSearchParams): Promise<Response> {
  const now = state.now();
  const code = form.get("code");
  const redirectUri = form.get("redirect_uri");
  const verifier = form.get("code_verifier");
  if (!code || !redirectUri || !verifier) {
    return oauth2Error(now, "invalid_request", "The code grant needs code, redirect_uri and code_verifier.");
  }
  const record = state.oauth2.codes.get(code);
  // RFC 6749 4.1.2: a code is used once; the attempt spends it whatever the outcome.
  if (record !== undefined) state.oauth2.codes.delete(code);
  if (record === undefined || record.expiresAt <= now || record.clientId !== client.clientId) {
    return oauth2Error(
      now,
      "invalid_grant",
      "The authorization code is invalid, expired, already used or of another client.",
    );
  }
  // RFC 6749 4.1.3: the same redirect_uri as in the authorization request, exactly.
  if (record.redirectUri !== redirectUri) {
    return oauth2Error(now, "invalid_grant", "redirect_uri differs from the one of the authorization request.");
  }
  if (!(await verifierMatches(verifier, record.codeChallenge, record.codeChallengeMethod))) {
    return oauth2Error(now, "invalid_grant", "code_verifier does not match the code_challenge.");
  }
  return startGrant(state, {
    clientId: client.clientId,
    consumerKey: client.consumerKey,
    userId: record.userId,
    scopes: record.scopes,
    viaExchange: false,
  }).response;
}
