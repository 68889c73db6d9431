/**
 * `twitter-oauth1/testing`: a fake X (Twitter) OAuth 1.0a provider for tests and demos.
 * @module
 */
export { verifySignature } from "../oauth1/verify-signature.js";
