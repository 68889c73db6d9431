import { TwitterOAuthError } from "../errors.js";
import { base64UrlToBytes, bytesToBase64Url } from "../oauth1/base64.js";
import { describe } from "../oauth1/percent-encode.js";
import { checkPair } from "./token-pair.js";
import type { RequestToken } from "./types.js";

const VERSION = 1;
const IV_BYTES = 12; // AES-GCM's standard nonce size (NIST SP 800-38D)
const MIN_SECRET = 32;
const DEFAULT_MAX_AGE = 15 * 60;
const INFO = "twitter-oauth1 sealed request token v1";
const AAD = "twitter-oauth1/request-token";
// Encoded on use, not at module load: a module-level call would keep this file in bundles that never seal.
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

// Deriving the key (HKDF) on every call would double the cost of a seal; an app has one or two
// secrets, so a tiny cache is enough.
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle
      .importKey("raw", utf8(secret), "HKDF", false, ["deriveKey"])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: utf8(INFO) },
          material,
          { name: "AES-GCM", length: 256 },
          false,
          ["encrypt", "decrypt"],
        ),
      );
    if (keys.size >= 8) keys.delete(keys.keys().next().value!);
    keys.set(secret, key);
  }
  return key;
}

function checkSecret(secret: unknown): string {
  if (typeof secret !== "string") throw new TypeError(`secret must be a string, got ${describe(secret)}`);
  if (secret.length < MIN_SECRET) {
    throw new TypeError(
      `secret must be at least ${MIN_SECRET} characters; use a long random value kept on the server (for example 32 random bytes, base64)`,
    );
  }
  return secret;
}

/** Options of {@link sealRequestToken} and {@link unsealRequestToken}. */
export interface SealOptions {
  /** The clock in ms, default `Date.now`; tests pin it. */
  now?: () => number;
}

/** Options of {@link unsealRequestToken}. */
export interface UnsealOptions extends SealOptions {
  /** How old a sealed token may be, in seconds; default 900 (15 minutes). */
  maxAgeSeconds?: number;
}

/**
 * Seals a request token (its secret included) into a short opaque string for a cookie, so that
 * step 3 can be signed without a server-side session: AES-256-GCM under a key derived with
 * HKDF-SHA256 from `secret`, a random IV, the issue time inside, base64url out (about 150 to 200
 * characters). Put it in an `HttpOnly; Secure; SameSite=Lax` cookie.
 *
 * @param requestToken - the request token from `getRequestToken`.
 * @param secret - your app's sealing secret, at least 32 characters, never sent to the browser.
 * @returns the sealed string (base64url, cookie-safe).
 * @throws TypeError on a short secret or a malformed request token.
 *
 * @example
 * ```ts
 * import { sealRequestToken, unsealRequestToken } from "twitter-oauth1";
 * const secret = "a-long-random-secret-of-at-least-32-characters";
 * const sealed = await sealRequestToken({ token: "t", tokenSecret: "s", callbackConfirmed: true }, secret);
 * const requestToken = await unsealRequestToken(sealed, secret); // { token: "t", tokenSecret: "s", … }
 * ```
 */
export async function sealRequestToken(
  requestToken: RequestToken,
  secret: string,
  options: SealOptions = {},
): Promise<string> {
  const key = await keyFor(checkSecret(secret));
  checkPair(requestToken, "requestToken");
  const issuedAt = Math.floor((options.now ?? Date.now)() / 1000);
  const payload = JSON.stringify([
    requestToken.token,
    requestToken.tokenSecret,
    requestToken.callbackConfirmed !== false,
    issuedAt,
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: utf8(AAD) }, key, utf8(payload)),
  );
  const out = new Uint8Array(1 + IV_BYTES + cipher.byteLength);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(cipher, 1 + IV_BYTES);
  return bytesToBase64Url(out);
}

function invalid(message: string, cause?: unknown): TwitterOAuthError {
  return new TwitterOAuthError("INVALID_STATE", message, cause === undefined ? {} : { cause });
}

/**
 * Opens a string made by {@link sealRequestToken}.
 *
 * @param sealed - the cookie value.
 * @param secret - the same secret it was sealed with.
 * @param options - `maxAgeSeconds` (default 900) and a clock.
 * @returns the request token.
 * @throws TwitterOAuthError `INVALID_STATE` when the value is tampered, expired, from the future or
 *   sealed with another secret; TypeError on a short secret.
 */
export async function unsealRequestToken(
  sealed: string,
  secret: string,
  options: UnsealOptions = {},
): Promise<RequestToken> {
  const key = await keyFor(checkSecret(secret));
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE;
  if (typeof maxAge !== "number" || !(maxAge > 0))
    throw new TypeError("options.maxAgeSeconds must be a positive number");
  const bytes = typeof sealed === "string" ? base64UrlToBytes(sealed) : undefined;
  // Only the canonical encoding is accepted: a last character that differs in its unused bits
  // decodes to the same bytes, and a sealed value should have exactly one spelling.
  if (
    bytes === undefined ||
    bytesToBase64Url(bytes) !== sealed ||
    bytes.length < 1 + IV_BYTES + 16 ||
    bytes[0] !== VERSION
  ) {
    throw invalid("The sealed request token is malformed (not a value sealRequestToken made); start the sign-in again");
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.subarray(1, 1 + IV_BYTES), additionalData: utf8(AAD) },
      key,
      bytes.subarray(1 + IV_BYTES),
    );
  } catch {
    throw invalid(
      "The sealed request token could not be opened: it was altered, or sealed with another secret; start the sign-in again",
    );
  }
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder().decode(plain));
  } catch (error) {
    throw invalid("The sealed request token holds malformed data; start the sign-in again", error);
  }
  if (
    !Array.isArray(fields) ||
    typeof fields[0] !== "string" ||
    typeof fields[1] !== "string" ||
    typeof fields[2] !== "boolean" ||
    typeof fields[3] !== "number"
  ) {
    throw invalid("The sealed request token holds malformed data; start the sign-in again");
  }
  const age = Math.floor((options.now ?? Date.now)() / 1000) - fields[3];
  if (age > maxAge) {
    throw invalid(`The sealed request token expired (${age} s old, the limit is ${maxAge} s); start the sign-in again`);
  }
  if (age < -60) throw invalid("The sealed request token was issued in the future; check the server clock");
  return { token: fields[0], tokenSecret: fields[1], callbackConfirmed: fields[2] };
}
