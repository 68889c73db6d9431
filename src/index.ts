/**
 * `twitter-oauth1`: "Log in with X (Twitter)" over OAuth 1.0a, with zero dependencies, on
 * WebCrypto and fetch. The RFC 5849 signing core, the X client and the error type.
 * @module twitter-oauth1
 */
// The documented surface only: the layers' own index files also list what other layers and the
// tests use (normalizeParameters, createSignature, buildAuthorizationHeader), which
// users reach through signRequest, signatureBaseString and verifySignature.
export {
  percentEncode,
  signatureBaseString,
  parseAuthorizationHeader,
  signRequest,
  verifySignature,
  type Credentials,
  type FormBody,
  type ParsedAuthorizationHeader,
  type ReceivedRequest,
  type SecretLookup,
  type SignableRequest,
  type SignatureMethod,
  type SignedRequest,
  type SignOptions,
  type VerificationFailure,
  type VerificationResult,
  type VerificationSecrets,
  type VerifyOptions,
} from "./oauth1/index.js";
export {
  TwitterOAuthError,
  isTwitterOAuthError,
  type RateLimit,
  type TwitterOAuthErrorCode,
  type TwitterOAuthErrorOptions,
  type XApiError,
} from "./common/errors.js";
export * from "./twitter/index.js";
