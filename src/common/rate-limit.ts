import type { RateLimit } from "./errors.js";

/**
 * X's rate-limit headers (X API "Rate limits": `x-rate-limit-limit`, `-remaining`, `-reset` in Unix
 * epoch seconds), when all three are there and well formed; `undefined` otherwise.
 * @internal
 */
export function rateLimitOf(headers: Headers): RateLimit | undefined {
  const [limit, remaining, reset] = ["limit", "remaining", "reset"].map((name) => headers.get(`x-rate-limit-${name}`));
  if (![limit, remaining, reset].every((value) => /^\d{1,15}$/.test(value ?? ""))) return undefined;
  const resetAt = new Date(Number(reset) * 1000);
  if (Number.isNaN(resetAt.getTime())) return undefined;
  return { limit: Number(limit), remaining: Number(remaining), reset: resetAt };
}
