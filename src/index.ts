/**
 * `twitter-oauth1`: "Log in with X (Twitter)" over OAuth 1.0a, with zero dependencies, on
 * WebCrypto and fetch. The RFC 5849 signing core, the X client and the error type.
 * @module twitter-oauth1
 */
export * from "./oauth1/index.js";
export {
  TwitterOAuthError,
  isTwitterOAuthError,
  type RateLimit,
  type TwitterOAuthErrorCode,
  type TwitterOAuthErrorOptions,
  type XApiError,
} from "./shared/errors.js";
export * from "./twitter/index.js";
