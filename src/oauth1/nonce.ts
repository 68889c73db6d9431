const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 32; // 32 characters of 62 = 190 bits

// crypto.getRandomValues costs microseconds per call in Node (more than the rest of a signature's
// string building), so draw random bytes a kilobyte at a time, about 30 nonces' worth, and use
// each byte once.
const pool = new Uint8Array(1024);
let used = pool.length;

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
    if (used === pool.length) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    const byte = pool[used++]!;
    // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
    if (byte < 248) nonce += ALPHABET[byte % 62];
  }
  return nonce;
}
