/**
 * How long a migration waits before it asks X again: bounded and jittered, so a fleet of workers
 * that failed together does not come back together.
 * @module
 */

/** First backoff after a 503 or a network failure. */
export const BACKOFF_BASE_MS = 1_000;
/** No backoff is longer than this. */
export const BACKOFF_CAP_MS = 60_000;
/**
 * No rate-limit wait is longer than this: X's exchange window is 15 minutes
 * (docs.x.com oauth-1-0a-token-exchange, "Rate limits"), plus a minute for clock skew.
 */
export const RATE_LIMIT_WAIT_CAP_MS = 16 * 60_000;

/**
 * "Equal jitter" exponential backoff: half of the doubled step is fixed and half random, so a wait
 * never drops to zero and never passes {@link BACKOFF_CAP_MS}.
 *
 * @param attempt - how many tries failed before this one (0, 1, 2, …).
 * @param random - a number in [0, 1).
 * @returns the wait, in ms.
 */
export function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(step / 2 + (step / 2) * clampUnit(random()));
}

/**
 * The wait until a 429's `x-rate-limit-reset`, plus up to a second of jitter so that workers do
 * not all fire in the reset's first millisecond. A reset in the past (clock skew) or missing falls
 * back to {@link backoffMs}.
 *
 * @param reset - the window's end from `x-rate-limit-reset`, if X sent it.
 * @param now - the current time in ms since the epoch.
 * @param attempt - how many tries failed before this one.
 * @param random - a number in [0, 1).
 * @returns the wait, in ms, at most {@link RATE_LIMIT_WAIT_CAP_MS}.
 */
export function rateLimitWaitMs(reset: Date | undefined, now: number, attempt: number, random: () => number): number {
  const until = reset === undefined ? Number.NaN : reset.getTime() - now;
  if (!Number.isFinite(until) || until <= 0) return backoffMs(attempt, random);
  return Math.min(RATE_LIMIT_WAIT_CAP_MS, Math.ceil(until + 1_000 * clampUnit(random())));
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0.5;
}
