// Issuing OAuth 2.0 tokens: a grant's first pair, and the rotation of a refresh.
import { randomToken } from "../random.js";
import type { FakeState } from "../store.js";
import { tokenSuccess } from "./responses.js";
import { ACCESS_TOKEN_TTL_MS, REFRESH_TOKEN_TTL_MS, addGrant, setBounded, type OAuth2Grant } from "./store.js";

// X's tokens are base64url text ("…OjE2MjIxNDc3NDM5MTQ6MToxOmF0OjE", X docs, refresh example) of a
// random part, the issue time and the token's kind: the fake's look the same and are as opaque.
function newToken(now: number, kind: "at" | "rt"): string {
  const text = `${randomToken(43)}:${Math.floor(now)}:1:1:${kind}:1`;
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function issueAccessToken(state: FakeState, grant: OAuth2Grant, now: number): string {
  const token = newToken(now, "at");
  grant.accessTokens.add(token);
  setBounded(state.oauth2.accessTokens, token, { token, grantId: grant.id, expiresAt: now + ACCESS_TOKEN_TTL_MS });
  return token;
}

function issueRefreshToken(state: FakeState, grant: OAuth2Grant, now: number): void {
  if (!grant.scopes.includes("offline.access")) {
    grant.refreshToken = undefined;
    grant.expiresAt = now + ACCESS_TOKEN_TTL_MS;
    return;
  }
  const token = newToken(now, "rt");
  grant.refreshToken = token;
  grant.expiresAt = now + REFRESH_TOKEN_TTL_MS;
  state.oauth2.refreshTokens.set(token, grant.id);
}

function answer(state: FakeState, grant: OAuth2Grant, accessToken: string): Response {
  return tokenSuccess(state.now(), {
    accessToken,
    refreshToken: grant.refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_MS / 1000,
    scopes: grant.scopes,
  });
}

/**
 * Starts a grant and answers its first pair (a refresh token only with `offline.access`, X docs,
 * OAuth 2.0 Authorization Code Flow with PKCE, "Refresh tokens").
 * @internal
 */
export function startGrant(
  state: FakeState,
  fields: Pick<OAuth2Grant, "clientId" | "consumerKey" | "userId" | "scopes" | "viaExchange">,
): { grant: OAuth2Grant; response: Response } {
  const now = state.now();
  const grant: OAuth2Grant = {
    ...fields,
    id: randomToken(24),
    refreshToken: undefined,
    expiresAt: now,
    accessTokens: new Set(),
  };
  addGrant(state.oauth2, grant);
  const accessToken = issueAccessToken(state, grant, now);
  issueRefreshToken(state, grant, now);
  return { grant, response: answer(state, grant, accessToken) };
}

/**
 * A refresh (RFC 6749 6): a new access token and a new refresh token; the one used stops working
 * (X docs: refresh tokens are single use, "each refresh returns a new one").
 * @internal
 */
export function rotateGrant(state: FakeState, grant: OAuth2Grant): Response {
  const now = state.now();
  if (grant.refreshToken !== undefined) state.oauth2.refreshTokens.delete(grant.refreshToken);
  const accessToken = issueAccessToken(state, grant, now);
  issueRefreshToken(state, grant, now);
  return answer(state, grant, accessToken);
}
