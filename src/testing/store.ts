import type { OAuth2State } from "./oauth2/store.js";
import type { FakeConsumer, FakeUser } from "./types.js";

/** The access level a token grants (`x_auth_access_type`, X API reference, request_token). @internal */
export type AccessType = "read" | "write";

/** A request token from step 1, through approval, until it is exchanged or expires. @internal */
export interface RequestTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  /** `"oob"` or the URL the user goes back to. */
  callback: string;
  accessType: AccessType;
  expiresAt: number;
  /** A per-token secret the fake's forms carry, so another site cannot post them. */
  formToken: string;
  state: "pending" | "approved" | "denied" | "used";
  verifier?: string;
  userId?: string;
}

/** An access token from step 3; X's do not expire, they are revoked. @internal */
export interface AccessTokenRecord {
  token: string;
  secret: string;
  consumerKey: string;
  userId: string;
  accessType: AccessType;
}

/** Everything the fake remembers. Every map that grows with traffic is pruned by expiry and bounded by {@link STORE_LIMITS}. @internal */
export interface FakeState {
  now: () => number;
  windowSeconds: number;
  requestTokenTtlMs: number;
  consumers: Map<string, FakeConsumer>;
  users: FakeUser[];
  requestTokens: Map<string, RequestTokenRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  /** `consumerKey + "\n" + userId` for each app a user has approved ("Sign in with X" skips the prompt). */
  approvals: Set<string>;
  /** The fake's own sign-in sessions (cookie value to user id and expiry). */
  sessions: Map<string, { userId: string; expiresAt: number }>;
  /** Seen nonces (consumer, token, timestamp, nonce: RFC 5849 3.3) until their timestamp leaves the window. */
  nonces: Map<string, number>;
  /** Tweets posted per user, for `statuses_count`. */
  tweetCounts: Map<string, number>;
  /** RFC 5849 3.2 to the letter (no merged duplicates, `oauth_version` "1.0" only). */
  strict: boolean;
  /** An extra origin signatures may be made for (e.g. `https://api.x.com`), or undefined. */
  origin: string | undefined;
  /** Injected failures, oldest first. */
  failures: InjectedFailure[];
  /** Rate-limit windows per app, user and endpoint. */
  rateWindows: Map<string, { resetsAt: number; used: number }>;
  /** The OAuth 2.0 clients, grants, tokens and codes. */
  oauth2: OAuth2State;
  lastPrune: number;
  sequence: number;
}

/** A failure waiting for matching requests (see `FailOptions`), normalised. @internal */
export interface InjectedFailure {
  status: number | undefined;
  code: number | undefined;
  /** The OAuth 2.0 `error` on the OAuth 2.0 endpoints, when given. */
  error: string | undefined;
  /** Seconds to the `x-rate-limit-reset` of a 429, when given. */
  resetSeconds: number | undefined;
  message: string | undefined;
  path: string | undefined;
  remaining: number;
  delayMs: number;
  drop: boolean;
  dateSkewSeconds: number;
}

/**
 * How many entries each store keeps at most. Past its limit a store drops its oldest entries first:
 * an evicted request token is unknown (as an expired one), an evicted access token is refused with
 * code 89 (as a revoked one), an evicted nonce could be replayed once. Far above what a test suite
 * holds at once, far below what a flood of requests would grow to. Listed in docs/testing.md.
 * Mutable only so that tests can lower it. @internal
 */
export const STORE_LIMITS = {
  requestTokens: 10_000,
  accessTokens: 10_000,
  sessions: 10_000,
  approvals: 10_000,
  nonces: 100_000,
  rateWindows: 10_000,
};

/**
 * Stores `key` (with `value` in a map) as the newest entry, then drops the oldest past `max`. A Map
 * and a Set iterate in insertion order, so the first key is the oldest (ECMAScript 24.1.3.5).
 * @internal
 */
export function remember<K, V>(store: Map<K, V> | Set<K>, key: K, value: V, max: number): void {
  store.delete(key);
  if (store instanceof Map) store.set(key, value);
  else store.add(key);
  for (const oldest of store.keys()) {
    if (store.size <= max) break;
    store.delete(oldest);
  }
}

/** Forgets everything learnt from traffic; the apps and users stay. @internal */
export function resetState(state: FakeState): void {
  state.requestTokens.clear();
  state.accessTokens.clear();
  state.approvals.clear();
  state.sessions.clear();
  state.nonces.clear();
  state.tweetCounts.clear();
  state.rateWindows.clear();
  state.failures.length = 0;
}

/** Session lifetime of the fake's sign-in cookie. @internal */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** Drops expired request tokens, sessions and nonces; runs at most once per clock second. @internal */
export function prune(state: FakeState): void {
  const now = state.now();
  if (now >= state.lastPrune && now - state.lastPrune < 1000) return;
  state.lastPrune = now;
  for (const [key, record] of state.requestTokens) if (record.expiresAt <= now) state.requestTokens.delete(key);
  for (const [key, session] of state.sessions) if (session.expiresAt <= now) state.sessions.delete(key);
  for (const [key, expiresAt] of state.nonces) if (expiresAt <= now) state.nonces.delete(key);
}

/** The live request token, or undefined when it is unknown or expired. @internal */
export function liveRequestToken(state: FakeState, token: string | null | undefined): RequestTokenRecord | undefined {
  if (typeof token !== "string") return undefined;
  const record = state.requestTokens.get(token);
  if (record === undefined) return undefined;
  if (record.expiresAt <= state.now()) {
    state.requestTokens.delete(token);
    return undefined;
  }
  return record;
}

/** The user with this screen name (case-insensitive, as on X), or undefined. @internal */
export function findUserByScreenName(state: FakeState, screenName: string): FakeUser | undefined {
  const wanted = screenName.replace(/^@/, "").toLowerCase();
  return state.users.find((user) => user.screenName.toLowerCase() === wanted);
}

/** The user with this id, or undefined. @internal */
export function findUserById(state: FakeState, id: string): FakeUser | undefined {
  return state.users.find((user) => user.id === id);
}
