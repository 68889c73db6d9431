/**
 * One user off OAuth 1.0a: X's token-exchange grant, its answer sorted into what to record and
 * what to retry. docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange.
 * @module
 */
import { isTwitterOAuthError, type TwitterOAuthError } from "../common/errors.js";
import { backoffMs, rateLimitWaitMs } from "./migrate-backoff.js";
import type { MigrateUserOptions, MigrationOutcome, MigrationUser, TokenExchanger } from "./migrate-types.js";

/**
 * Exchanges one user's stored OAuth 1.0a token for an OAuth 2.0 pair and says what to do next.
 *
 * Safe to call again for the same user at any time, even after a crash between X's answer and your
 * write: X's page says a new exchange of the same 1.0a token returns a new pair and invalidates the
 * one it issued before, so a pair you did not record dies with the next exchange. The other side of
 * that: never run two migrations over the same users at once (the later pair kills the earlier).
 *
 * - 200: `migrated`, with the line to store.
 * - 400 `invalid_grant` (revoked, invalid or another app's token), `invalid_scope`, `invalid_request`
 *   and other 4xx: `failed`, with X's `error` and a message; retrying cannot help.
 * - 429: `retry` with `rateLimited` and the wait until `x-rate-limit-reset` (X allows 10,000
 *   exchanges per 15 minutes per app and source IP).
 * - 503 `temporarily_unavailable`, other 5xx, a network failure, a timeout or a garbled 2xx:
 *   `retry` after a bounded, jittered backoff that doubles with `attempt`.
 * - `invalid_client`, `unauthorized_client`, 401: `halt`; the client id or secret is wrong, or
 *   OAuth 2.0 is not enabled for the app.
 *
 * @param client - a `TwitterOAuth2` (or anything with its `exchangeOAuth1Token`).
 * @param user - the app's key for the user, the 1.0a access token and its secret.
 * @param options - scopes, an abort signal, the attempt number for the backoff.
 * @returns what happened; never a token or a secret in `reason` or `message`.
 * @throws TypeError when `user` lacks a non-empty `id`, `token` or `tokenSecret`; the signal's reason
 *   when `options.signal` aborts; any error that is not a `TwitterOAuthError`, as it came.
 *
 * @example
 * ```ts
 * import { migrateUser, TwitterOAuth2 } from "twitter-oauth1/oauth2";
 *
 * const client = new TwitterOAuth2({ clientId: "client-id", clientSecret: "client-secret" });
 * async function migrateOne(user: { id: string; token: string; tokenSecret: string }, attempt: number) {
 *   const outcome = await migrateUser(client, user, { attempt });
 *   if (outcome.status === "migrated" || outcome.status === "failed") return outcome.line; // store it
 *   if (outcome.status === "retry") return { retryInMs: outcome.retryAfterMs }; // requeue the user
 *   throw new Error(outcome.reason); // halt: fix the client credentials
 * }
 * ```
 */
export async function migrateUser(
  client: TokenExchanger,
  user: MigrationUser,
  options: MigrateUserOptions = {},
): Promise<MigrationOutcome> {
  for (const field of ["id", "token", "tokenSecret"] as const) {
    if (typeof user?.[field] !== "string" || user[field] === "") {
      throw new TypeError(`user.${field} must be a non-empty string`);
    }
  }
  const attempt = options.attempt ?? 0;
  if (!Number.isInteger(attempt) || attempt < 0) throw new TypeError("options.attempt must be an integer >= 0");
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  try {
    const tokens = await client.exchangeOAuth1Token(
      { token: user.token, tokenSecret: user.tokenSecret },
      { ...(options.scopes && { scopes: options.scopes }), ...(options.signal && { signal: options.signal }) },
    );
    return {
      status: "migrated",
      line: {
        id: user.id,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        scopes: [...tokens.scopes],
      },
    };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (!isTwitterOAuthError(error)) throw error;
    return classify(user.id, error, attempt, now(), random);
  }
}

/** The RFC 6749 5.2 `error` of a token-endpoint failure, if the client parsed one. */
function oauthErrorOf(error: TwitterOAuthError): string | undefined {
  return error.oauthError === "" ? undefined : error.oauthError;
}

function classify(
  id: string,
  error: TwitterOAuthError,
  attempt: number,
  now: number,
  random: () => number,
): MigrationOutcome {
  const retry = (reason: string): MigrationOutcome => ({
    status: "retry",
    retryAfterMs: backoffMs(attempt, random),
    rateLimited: false,
    reason,
  });
  if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return retry(`${error.code}: ${error.message}`);
  // A 2xx without a pair: the exchange may have issued one, and the next exchange rotates it away.
  if (error.code === "INVALID_RESPONSE") return retry(`INVALID_RESPONSE: ${error.message}`);
  if (error.code !== "HTTP_ERROR" || error.status === undefined) {
    return { status: "failed", line: { id, error: error.code.toLowerCase(), message: error.message } };
  }
  const status = error.status;
  const oauthError = oauthErrorOf(error);
  if (status === 429) {
    return {
      status: "retry",
      retryAfterMs: rateLimitWaitMs(error.rateLimit?.reset, now, attempt, random),
      rateLimited: true,
      reason: `429 ${oauthError ?? "rate_limited"}: X's exchange rate limit`,
    };
  }
  if (status >= 500 || oauthError === "temporarily_unavailable") {
    return retry(`${status} ${oauthError ?? "server error"}: ${error.message}`);
  }
  if (oauthError === "invalid_client" || oauthError === "unauthorized_client" || status === 401) {
    return { status: "halt", reason: `${status} ${oauthError ?? "unauthorized"}: ${error.message}` };
  }
  return { status: "failed", line: { id, error: oauthError ?? `http_${status}`, message: error.message } };
}
