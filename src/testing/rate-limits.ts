// X's per-user rate limits, counted per app, user and endpoint in fixed windows (X API "Rate limits":
// "Per-user limits apply with OAuth 1.0a or OAuth 2.0 user tokens", "Each endpoint has its own limits").
import { type FakeState, STORE_LIMITS, remember } from "./store.js";

/** One endpoint's limit: `limit` requests per `windowSeconds`. @internal */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** The state of one window as X reports it in `x-rate-limit-*` headers. @internal */
export interface RateLimitStatus {
  limit: number;
  remaining: number;
  /** Unix time in seconds when the window resets. */
  reset: number;
}

// X API "Rate limits" tables (per user), and the v1.1 reference pages for the v1.1 endpoints.
const LIMITS: Readonly<Record<string, RateLimit>> = {
  "GET /2/users/me": { limit: 75, windowSeconds: 900 },
  "POST /2/tweets": { limit: 100, windowSeconds: 900 },
  "GET /1.1/account/verify_credentials.json": { limit: 75, windowSeconds: 900 },
  "POST /1.1/statuses/update.json": { limit: 300, windowSeconds: 3 * 3600 },
};

/** X publishes no figure for these (invalidate_token, the OAuth endpoints): the fake's own choice. @internal */
export const FALLBACK_LIMIT: RateLimit = { limit: 15, windowSeconds: 900 };

/** invalidate_token is served with and without ".json": one window for both. */
function endpointKey(method: string, path: string): string {
  return `${method} ${path === "/1.1/oauth/invalidate_token.json" ? "/1.1/oauth/invalidate_token" : path}`;
}

/** The limit of an endpoint. @internal */
export function limitOf(method: string, path: string): RateLimit {
  return LIMITS[endpointKey(method, path)] ?? FALLBACK_LIMIT;
}

/**
 * Counts one request of `consumerKey` for `userId` to an endpoint. Returns the window after it, or
 * `exceeded: true` (not counted) when the window was already used up: X then answers 429 code 88.
 * @internal
 */
export function countRequest(
  state: FakeState,
  consumerKey: string,
  userId: string,
  method: string,
  path: string,
): RateLimitStatus & { exceeded: boolean } {
  const { limit, windowSeconds } = limitOf(method, path);
  const key = `${consumerKey}\n${userId}\n${endpointKey(method, path)}`;
  const now = state.now();
  let window = state.rateWindows.get(key);
  if (window === undefined || window.resetsAt <= now) {
    window = { resetsAt: now + windowSeconds * 1000, used: 0 };
    remember(state.rateWindows, key, window, STORE_LIMITS.rateWindows);
  }
  const reset = Math.ceil(window.resetsAt / 1000);
  if (window.used >= limit) return { limit, remaining: 0, reset, exceeded: true };
  window.used++;
  return { limit, remaining: limit - window.used, reset, exceeded: false };
}

/** The window an injected 429 reports: the endpoint's limit, nothing left, reset at its window's end. @internal */
export function exhaustedStatus(state: FakeState, method: string, path: string): RateLimitStatus {
  const { limit, windowSeconds } = limitOf(method, path);
  return { limit, remaining: 0, reset: Math.ceil((state.now() + windowSeconds * 1000) / 1000) };
}

/** Sets X's `x-rate-limit-limit`, `x-rate-limit-remaining` and `x-rate-limit-reset` headers. @internal */
export function setRateLimitHeaders(headers: Headers, status: RateLimitStatus): void {
  headers.set("x-rate-limit-limit", String(status.limit));
  headers.set("x-rate-limit-remaining", String(status.remaining));
  headers.set("x-rate-limit-reset", String(status.reset));
}
