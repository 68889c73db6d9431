import { bytesToBase64Url } from "../oauth1/base64.js";

/** RFC 7636 4.1: a code verifier is 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * `bytes` as base64url without padding: from 32 bytes, 43 characters of the RFC 7636 4.1 set.
 * @internal
 */
export function verifierFromBytes(bytes: Uint8Array): string {
  return bytesToBase64Url(bytes);
}

/**
 * A fresh random value: 32 bytes (256 bits) of `crypto.getRandomValues` as base64url, 43 characters.
 * RFC 7636 4.1 recommends exactly this for a code verifier; it serves as `state` too (RFC 6749 10.12).
 * @internal
 */
export function randomToken(): string {
  return verifierFromBytes(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The PKCE S256 code challenge of a code verifier (RFC 7636 4.2):
 * `BASE64URL(SHA256(ASCII(code_verifier)))`, on WebCrypto.
 *
 * @param codeVerifier - 43 to 128 characters of letters, digits, "-", ".", "_" and "~".
 * @returns the challenge, 43 characters of base64url.
 * @throws TypeError when `codeVerifier` is not a verifier RFC 7636 4.1 allows.
 *
 * @example
 * ```ts
 * import { createCodeChallenge } from "twitter-oauth1/oauth2";
 * // RFC 7636 Appendix B:
 * await createCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"); // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
 * ```
 */
export async function createCodeChallenge(codeVerifier: string): Promise<string> {
  if (typeof codeVerifier !== "string" || !VERIFIER.test(codeVerifier)) {
    throw new TypeError(
      "codeVerifier must be 43 to 128 characters of letters, digits, '-', '.', '_' and '~' (RFC 7636 4.1)",
    );
  }
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return bytesToBase64Url(new Uint8Array(digest));
}

/** Whether a string is a code verifier RFC 7636 4.1 allows. @internal */
export function isCodeVerifier(value: unknown): value is string {
  return typeof value === "string" && VERIFIER.test(value);
}
