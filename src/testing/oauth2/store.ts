// What the fake remembers of OAuth 2.0: its clients, the grants it issued and their tokens, the
// authorization codes and the pending sign-ins. Every map that grows with traffic is bounded.
import type { FakeClient } from "../types.js";

/**
 * One authorization of a client by a user: the tokens issued by one exchange or sign-in and by the
 * refreshes after it. A refresh rotates the refresh token; a new exchange ends the previous grant.
 * @internal
 */
export interface OAuth2Grant {
  id: string;
  clientId: string;
  consumerKey: string;
  userId: string;
  scopes: readonly string[];
  /** Issued by the token exchange: a new exchange for the same user and app ends it. */
  viaExchange: boolean;
  /** The one refresh token that works now, or undefined without `offline.access`. */
  refreshToken: string | undefined;
  /** When the refresh token (or, without one, the last access token) expires. */
  expiresAt: number;
  accessTokens: Set<string>;
}

/** An OAuth 2.0 access token. @internal */
export interface OAuth2AccessToken {
  token: string;
  grantId: string;
  expiresAt: number;
}

/** An authorization code waiting for the token request (RFC 6749 4.1.2, RFC 7636 4.4). @internal */
export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: "S256" | "plain";
  scopes: readonly string[];
  userId: string;
  expiresAt: number;
}

/** A checked authorization request (RFC 6749 4.1.1 with RFC 7636 4.3). @internal */
export interface AuthorizationRequest {
  client: FakeClient;
  redirectUri: string;
  scopes: readonly string[];
  state: string | undefined;
  codeChallenge: string;
  codeChallengeMethod: "S256" | "plain";
}

/** A sign-in page shown and not yet answered: its form carries `id` and `formToken`. @internal */
export interface PendingAuthorization {
  id: string;
  formToken: string;
  request: AuthorizationRequest;
  expiresAt: number;
}

/** The OAuth 2.0 side of the fake's memory. @internal */
export interface OAuth2State {
  clients: Map<string, FakeClient>;
  grants: Map<string, OAuth2Grant>;
  accessTokens: Map<string, OAuth2AccessToken>;
  /** Refresh token to grant id. */
  refreshTokens: Map<string, string>;
  /** `consumerKey + "\n" + userId` to the grant of the latest exchange. */
  exchanges: Map<string, string>;
  codes: Map<string, AuthorizationCode>;
  pending: Map<string, PendingAuthorization>;
  /** The token endpoint's window per app (consumer key). */
  rateWindows: Map<string, { resetsAt: number; used: number }>;
}

/** Access tokens live two hours (X docs, OAuth 2.0 Authorization Code Flow with PKCE). @internal */
export const ACCESS_TOKEN_TTL_MS = 7200 * 1000;
/** Refresh tokens: "valid for about 6 months" (X docs, OAuth 1.0a token exchange). @internal */
export const REFRESH_TOKEN_TTL_MS = 180 * 24 * 3600 * 1000;
/** An authorization code is short-lived (RFC 6749 4.1.2 recommends at most 10 minutes). @internal */
export const CODE_TTL_MS = 30 * 1000;
/** How long a sign-in page stays answerable. @internal */
export const PENDING_TTL_MS = 15 * 60 * 1000;
/** At most this many grants, codes or pending sign-ins are kept: the oldest go first. */
const MAX_ENTRIES = 100_000;

/** A fresh OAuth 2.0 memory for these clients. @internal */
export function createOAuth2State(clients: readonly FakeClient[]): OAuth2State {
  return {
    clients: new Map(clients.map((c) => [c.clientId, c])),
    grants: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    exchanges: new Map(),
    codes: new Map(),
    pending: new Map(),
    rateWindows: new Map(),
  };
}

/** Forgets every grant, token, code, pending sign-in and window; the clients stay. @internal */
export function resetOAuth2(state: OAuth2State): void {
  state.grants.clear();
  state.accessTokens.clear();
  state.refreshTokens.clear();
  state.exchanges.clear();
  state.codes.clear();
  state.pending.clear();
  state.rateWindows.clear();
}

/** Ends a grant: its access tokens and refresh token stop working at once. @internal */
export function endGrant(state: OAuth2State, grantId: string): void {
  const grant = state.grants.get(grantId);
  if (grant === undefined) return;
  for (const token of grant.accessTokens) state.accessTokens.delete(token);
  if (grant.refreshToken !== undefined) state.refreshTokens.delete(grant.refreshToken);
  const exchangeKey = `${grant.consumerKey}\n${grant.userId}`;
  if (state.exchanges.get(exchangeKey) === grantId) state.exchanges.delete(exchangeKey);
  state.grants.delete(grantId);
}

/** Adds a grant, ending the oldest one when the fake holds too many. @internal */
export function addGrant(state: OAuth2State, grant: OAuth2Grant): void {
  if (state.grants.size >= MAX_ENTRIES) {
    const oldest = state.grants.keys().next().value;
    if (oldest !== undefined) endGrant(state, oldest);
  }
  state.grants.set(grant.id, grant);
}

/** Sets `key` in a bounded map, dropping the oldest entry when it is full. @internal */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_ENTRIES && !map.has(key)) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

/** Drops what has expired by `now`. @internal */
export function pruneOAuth2(state: OAuth2State, now: number): void {
  for (const [token, record] of state.accessTokens) {
    if (record.expiresAt <= now) {
      state.accessTokens.delete(token);
      state.grants.get(record.grantId)?.accessTokens.delete(token);
    }
  }
  for (const [id, grant] of state.grants) if (grant.expiresAt <= now) endGrant(state, id);
  for (const [code, record] of state.codes) if (record.expiresAt <= now) state.codes.delete(code);
  for (const [id, record] of state.pending) if (record.expiresAt <= now) state.pending.delete(id);
  for (const [key, window] of state.rateWindows) if (window.resetsAt <= now) state.rateWindows.delete(key);
}

/** The live access token, or undefined when unknown, expired or revoked. @internal */
export function liveAccessToken(state: OAuth2State, token: string, now: number): OAuth2AccessToken | undefined {
  const record = state.accessTokens.get(token);
  if (record === undefined || record.expiresAt <= now) return undefined;
  return record;
}
