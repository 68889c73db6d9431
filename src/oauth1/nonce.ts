const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// 22 characters of 62 = 131 bits, over the 128 a random identifier wants, and within the 20 to 30
// characters that common servers accept by default (oauthlib's RequestValidator.nonce_length).
const LENGTH = 22;

// crypto.getRandomValues costs microseconds per call in Node (more than the rest of a signature's
// string building), so draw random bytes a kilobyte at a time, about 45 nonces' worth, and use
// each byte once.
const pool = new Uint8Array(1024);
let used = pool.length;

/**
 * A fresh `oauth_nonce`: 22 ASCII letters and digits from `crypto.getRandomValues` (131 bits).
 * X accepts only ASCII nonces (X API reference, request_token), and RFC 5849 3.3 wants one that
 * is unique per timestamp, client and token.
 *
 * @example
 * ```ts
 * import { generateNonce } from "./nonce.js"; // internal: signRequest calls it
 * generateNonce(); // e.g. "q3Vx0c7XlJ2Hk9wYb1TzR8"
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
