// crypto.getRandomValues costs microseconds per call in Node (more than the rest of a signature's
// string building), so draw random bytes a kilobyte at a time, about 45 nonces' worth, and use
// each byte once.
const pool = new Uint8Array(1024);
let used = 1024;

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
  // 22 characters of 62 = 131 bits, over the 128 a random identifier wants, and within the 20 to
  // 30 characters that common servers accept by default (oauthlib's RequestValidator.nonce_length).
  while (nonce.length < 22) {
    if (used === 1024) {
      crypto.getRandomValues(pool);
      used = 0;
    }
    const byte = pool[used++]!;
    // Rejection sampling: 248 = 4 * 62, so every character is equally likely.
    // Then byte % 62 indexes A-Z, a-z, 0-9: from "A" (65), "a" (97 = 71 + 26) or "0" (48 = -4 + 52).
    if (byte < 248) {
      const i = byte % 62;
      nonce += String.fromCharCode(i + (i < 26 ? 65 : i < 52 ? 71 : -4));
    }
  }
  return nonce;
}
