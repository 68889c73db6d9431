const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 32; // 32 characters of 62 = 190 bits

/**
 * A fresh `oauth_nonce`: 32 ASCII letters and digits from `crypto.getRandomValues` (190 bits).
 * X accepts only ASCII nonces (X API reference, request_token), and RFC 5849 3.3 wants one that
 * is unique per timestamp, client and token.
 *
 * @example
 * ```ts
 * import { generateNonce } from "twitter-oauth1";
 * generateNonce(); // e.g. "q3Vx0c7XlJ2Hk9wYb1TzR8mN4aPdE6sF"
 * ```
 */
export function generateNonce(): string {
  let nonce = "";
  while (nonce.length < LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(LENGTH + 8));
    for (let i = 0; i < bytes.length && nonce.length < LENGTH; i++) {
      // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
      if (bytes[i]! < 248) nonce += ALPHABET[bytes[i]! % 62];
    }
  }
  return nonce;
}
