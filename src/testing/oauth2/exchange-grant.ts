// The token exchange (X docs, "Migrating OAuth 1.0a user tokens to OAuth 2.0"; RFC 8693 2.1): a
// stored OAuth 1.0a access token and secret of the client's own app become an OAuth 2.0 pair.
import { sameSecret } from "../check-signed-request.js";
import { findUserById, type FakeState } from "../store.js";
import type { FakeClient } from "../types.js";
import { oauth2Error } from "./responses.js";
import { parseScope, scopesForAccessType } from "./scopes.js";
import { endGrant } from "./store.js";
import { startGrant } from "./tokens.js";

/** The grant type of the exchange (RFC 8693 2.1). @internal */
export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
/** X's subject token type for an OAuth 1.0a access token. @internal */
export const OAUTH1_TOKEN_TYPE = "urn:x:params:oauth:token-type:oauth1_token";

/** POST /2/oauth2/token with the token-exchange grant. @internal */
export function exchangeGrant(state: FakeState, client: FakeClient, form: URLSearchParams): Response {
  const now = state.now();
  const subject = form.get("subject_token");
  const secret = form.get("oauth_token_secret");
  const type = form.get("subject_token_type");
  if (!subject || !secret || !type) {
    return oauth2Error(
      now,
      "invalid_request",
      "The exchange needs subject_token, subject_token_type and oauth_token_secret.",
    );
  }
  if (type !== OAUTH1_TOKEN_TYPE) {
    return oauth2Error(now, "invalid_request", `subject_token_type must be ${OAUTH1_TOKEN_TYPE}.`);
  }
  // Deliberately one answer for an unknown, revoked or other app's token, or a wrong secret (X docs:
  // invalid_grant is generic, so it reveals nothing about tokens of other apps).
  const token = state.accessTokens.get(subject);
  const user = token === undefined ? undefined : findUserById(state, token.userId);
  if (
    token === undefined ||
    user === undefined ||
    token.consumerKey !== client.consumerKey ||
    !sameSecret(token.secret, secret)
  ) {
    return oauth2Error(now, "invalid_grant", "The OAuth 1.0a token is invalid, revoked or not of this app.");
  }
  const mapped = scopesForAccessType(token.accessType);
  let scopes = mapped;
  const scopeParam = form.get("scope");
  if (scopeParam !== null) {
    const asked = parseScope(scopeParam);
    if (asked === undefined || asked.some((s) => !mapped.includes(s))) {
      return oauth2Error(now, "invalid_scope", "scope asks for more than the OAuth 1.0a token's permission maps to.");
    }
    // offline.access always: the exchange always returns a refresh token.
    scopes = mapped.filter((s) => asked.includes(s) || s === "offline.access");
  }
  // A new exchange for the same user and app ends the pair of the previous one, refreshed or not.
  const key = `${client.consumerKey}\n${user.id}`;
  const previous = state.oauth2.exchanges.get(key);
  if (previous !== undefined) endGrant(state.oauth2, previous);
  const { grant, response } = startGrant(state, {
    clientId: client.clientId,
    consumerKey: client.consumerKey,
    userId: user.id,
    scopes,
    viaExchange: true,
  });
  state.oauth2.exchanges.set(key, grant.id);
  return response;
}
