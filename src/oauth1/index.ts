export { percentEncode } from "./percent-encode.js";
export { normalizeParameters } from "./normalize.js";
export { signatureBaseString } from "./base-string.js";
export { createSignature, type SignatureMethod } from "./signature.js";
export {
  buildAuthorizationHeader,
  parseAuthorizationHeader,
  type ParsedAuthorizationHeader,
} from "./authorization-header.js";
export {
  signRequest,
  type Credentials,
  type SignableRequest,
  type SignOptions,
  type SignedRequest,
} from "./sign-request.js";
export {
  verifySignature,
  type ReceivedRequest,
  type VerificationSecrets,
  type SecretLookup,
  type VerificationFailure,
  type VerificationResult,
  type VerifyOptions,
} from "./verify-signature.js";
export type { FormBody } from "./form.js";
