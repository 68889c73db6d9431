/**
 * The one error class the package throws on purpose, and its stable codes.
 * Each code, when it is thrown and what to do about it: docs/errors.md.
 * @module
 */

/**
 * Every failure a caller can meet, as a stable string. Match on `error.code`, never on the message.
 *
 * - `CALLBACK_NOT_CONFIRMED`: request_token answered 200 without `oauth_callback_confirmed=true`.
 * - `AUTHORIZATION_DENIED`: the callback carries `denied` (the user pressed Cancel).
 * - `TOKEN_MISMATCH`: the callback's `oauth_token` is not the request token it was checked against.
 * - `INVALID_CALLBACK`: the callback lacks `oauth_token` or `oauth_verifier`.
 * - `HTTP_ERROR`: X answered with a non-2xx status, or a redirect (see `status`, `errors`, `rateLimit`
 *   and, from an OAuth 2.0 token endpoint, `oauthError`).
 * - `INVALID_RESPONSE`: a 2xx body without the fields it must have, or too large to be one.
 * - `NETWORK_ERROR`: `fetch` rejected, or the connection dropped while the body arrived; the original error is `cause`.
 * - `TIMEOUT`: the client's timeout elapsed.
 * - `INVALID_STATE`: a sealed request token is tampered, expired or sealed with another secret.
 */
export type TwitterOAuthErrorCode =
  | "CALLBACK_NOT_CONFIRMED"
  | "AUTHORIZATION_DENIED"
  | "TOKEN_MISMATCH"
  | "INVALID_CALLBACK"
  | "HTTP_ERROR"
  | "INVALID_RESPONSE"
  | "NETWORK_ERROR"
  | "TIMEOUT"
  | "INVALID_STATE";

/** One error as X reports it in a body: `{"errors":[{"code":32,"message":"Could not authenticate you."}]}`. */
export interface XApiError {
  /** X's numeric error code (0 when the body carried a message without a code). */
  code: number;
  /** X's message, as sent. */
  message: string;
}

/**
 * X's rate-limit window for the endpoint, from the `x-rate-limit-limit`, `x-rate-limit-remaining`
 * and `x-rate-limit-reset` headers (X API "Rate limits": every answer carries them).
 */
export interface RateLimit {
  /** Requests allowed in the current window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** When the window resets (the header is in Unix epoch seconds). */
  reset: Date;
}

/** What {@link TwitterOAuthError}'s constructor accepts besides the code and the message. */
export interface TwitterOAuthErrorOptions {
  /** HTTP status of X's answer, for `HTTP_ERROR` and `INVALID_RESPONSE`. */
  status?: number;
  /** Errors parsed from X's body, for `HTTP_ERROR`. */
  errors?: readonly XApiError[];
  /** The underlying error, for `NETWORK_ERROR` and `INVALID_STATE`. */
  cause?: unknown;
  /** X's rate-limit headers, for `HTTP_ERROR`. */
  rateLimit?: RateLimit | undefined;
  /** The request that failed, as `"POST /oauth/request_token"`. */
  endpoint?: string;
  /** The OAuth 2.0 `error` code (RFC 6749 4.1.2.1 and 5.2), such as `"invalid_grant"`. */
  oauthError?: string | undefined;
}

const BRAND = Symbol.for("twitter-oauth1.TwitterOAuthError");

/**
 * Thrown for every failure the package reports on purpose. Carries a stable {@link TwitterOAuthErrorCode}.
 * Its message, properties and serialisations never contain a secret or a signature.
 *
 * @example
 * ```ts
 * import { isTwitterOAuthError } from "twitter-oauth1";
 * try {
 *   // await client.exchangeVerifier(requestToken, verifier);
 * } catch (error) {
 *   if (isTwitterOAuthError(error) && error.code === "AUTHORIZATION_DENIED") {
 *     // the user pressed Cancel on X
 *   }
 * }
 * ```
 */
export class TwitterOAuthError extends Error {
  /** The stable code; see {@link TwitterOAuthErrorCode}. */
  declare readonly code: TwitterOAuthErrorCode;
  /** HTTP status of X's answer, when there was one. */
  declare readonly status: number | undefined;
  /** Errors X reported in its body (`HTTP_ERROR`); empty otherwise. */
  declare readonly errors: readonly XApiError[];
  /** The request that failed, as `"POST /oauth/request_token"`, when there was one. */
  declare readonly endpoint: string | undefined;
  /**
   * X's rate-limit window when the answer carried all three `x-rate-limit-*` headers, well formed
   * (`HTTP_ERROR`); `undefined` otherwise. After a 429 (code 88), retry at `rateLimit.reset`.
   */
  declare readonly rateLimit: RateLimit | undefined;
  /**
   * The OAuth 2.0 `error` code X answered with, when there was one: from a token endpoint's JSON
   * body (RFC 6749 5.2: `"invalid_request"`, `"invalid_grant"`, `"invalid_scope"`, `"invalid_client"`,
   * `"unauthorized_client"`, X's `"rate_limited"`, `"temporarily_unavailable"`, …) for `HTTP_ERROR`, or
   * from a sign-in callback (RFC 6749 4.1.2.1: `"access_denied"`, …) for `AUTHORIZATION_DENIED` and
   * `INVALID_CALLBACK`. A code, never a secret; `undefined` for OAuth 1.0a errors.
   */
  declare readonly oauthError: string | undefined;

  /**
   * Creates the error. The package throws these; create one yourself only to test your own handling.
   *
   * @param code - the stable code.
   * @param message - what happened and what to do about it; must not contain a secret.
   * @param options - status, parsed errors, rate limit, OAuth 2.0 error code, cause and endpoint.
   */
  constructor(code: TwitterOAuthErrorCode, message: string, options: TwitterOAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TwitterOAuthError";
    this.code = code;
    this.status = options.status;
    this.errors = Object.freeze([...(options.errors ?? [])]);
    this.endpoint = options.endpoint;
    this.rateLimit = options.rateLimit && Object.freeze({ ...options.rateLimit });
    this.oauthError = options.oauthError;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain summary for logs: name, code, message, status, endpoint, errors, rateLimit and oauthError (no cause, no secrets). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      endpoint: this.endpoint,
      errors: this.errors,
      rateLimit: this.rateLimit,
      oauthError: this.oauthError,
    };
  }
}

/**
 * Whether `value` is a {@link TwitterOAuthError}. Works across realms and across two copies of the
 * package in one bundle, where `instanceof` does not.
 */
export function isTwitterOAuthError(value: unknown): value is TwitterOAuthError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
