// The token endpoint's limit: 10,000 requests per 15 minutes per app (X docs, OAuth 1.0a token
// exchange, "Rate limits"), reported in X's `x-rate-limit-*` headers on every answer.
import type { RateLimitStatus } from "../rate-limits.js";
import { setBounded } from "./store.js";
import type { OAuth2State } from "./store.js";

/** The token endpoint's limit per app and window. @internal */
export const TOKEN_LIMIT = 10_000;
/** The window, in seconds. @internal */
export const TOKEN_WINDOW_SECONDS = 900;

/**
 * Counts one token request of an app. A request whose client the fake does not know counts against
 * nothing (it cannot grow the fake's memory) and reports a fresh window.
 * @internal
 */
export function countTokenRequest(
  state: OAuth2State,
  consumerKey: string | undefined,
  now: number,
): RateLimitStatus & { exceeded: boolean } {
  const fresh = { resetsAt: now + TOKEN_WINDOW_SECONDS * 1000, used: 0 };
  let window = consumerKey === undefined ? fresh : state.rateWindows.get(consumerKey);
  if (window === undefined || window.resetsAt <= now) {
    window = fresh;
    if (consumerKey !== undefined) setBounded(state.rateWindows, consumerKey, window);
  }
  const reset = Math.ceil(window.resetsAt / 1000);
  if (window.used >= TOKEN_LIMIT) return { limit: TOKEN_LIMIT, remaining: 0, reset, exceeded: true };
  window.used++;
  return { limit: TOKEN_LIMIT, remaining: TOKEN_LIMIT - window.used, reset, exceeded: false };
}

/** The end of an app's current window (or of a fresh one), in ms: the default reset of an injected 429. @internal */
export function windowEnd(state: OAuth2State, consumerKey: string | undefined, now: number): number {
  const window = consumerKey === undefined ? undefined : state.rateWindows.get(consumerKey);
  return window !== undefined && window.resetsAt > now ? window.resetsAt : now + TOKEN_WINDOW_SECONDS * 1000;
}
