// POST /2/oauth2/revoke (RFC 7009; X docs, OAuth 2.0 Authorization Code Flow with PKCE, "Revoking
// a token"): an access or refresh token of the authenticated client.
import type { IncomingRequest } from "../check-signed-request.js";
import type { FakeState } from "../store.js";
import { authenticateClient } from "./client-auth.js";
import { oauth2Error, revokeSuccess } from "./responses.js";
import { revokeToken } from "./revoke-token.js";
import { readTokenForm } from "./token-endpoint.js";

/** POST /2/oauth2/revoke: 200 whether or not the token was live (RFC 7009 2.2). @internal */
export function revokeEndpoint(state: FakeState, request: IncomingRequest): Response {
  const now = state.now();
  const form = readTokenForm(request);
  if (typeof form === "string") return oauth2Error(now, "invalid_request", form);
  const auth = authenticateClient(state.oauth2.clients, request.headers, form);
  if (!auth.ok) return oauth2Error(now, auth.error, auth.description);
  const token = form.get("token");
  if (!token) return oauth2Error(now, "invalid_request", "token is missing.");
  // RFC 7009 2.1: only a token issued to this client; another client's token is left alone.
  revokeToken(state, token, auth.client.clientId);
  return revokeSuccess(now);
}
