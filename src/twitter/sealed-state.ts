import { TwitterOAuthError } from "../common/errors.js";
import { type SealPurpose, checkSecret, sealJson, unsealJson } from "./seal.js";
import { checkPair } from "./token-pair.js";
import type { RequestToken } from "./types.js";

const DEFAULT_MAX_AGE = 15 * 60;
const PURPOSE: SealPurpose = { context: "twitter-oauth1/request-token", noun: "sealed request token" };

/** Options of {@link sealRequestToken} and {@link unsealRequestToken}. */
export interface SealOptions {
  /** The clock in ms, default `Date.now`; tests pin it. */
  now?: () => number;
}

/** Options of {@link unsealRequestToken}. */
export interface UnsealOptions extends SealOptions {
  /** How old a sealed token may be, in seconds: a positive, finite number; default 900 (15 minutes). */
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
 * @throws TypeError on a short secret, a malformed request token, or one too large for a cookie
 *   (sealed values are at most 3,968 characters, so that name and value stay under the 4096 bytes
 *   browsers keep per cookie).
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
  checkSecret(secret);
  checkPair(requestToken, "requestToken");
  const issuedAt = Math.floor((options.now ?? Date.now)() / 1000);
  return sealJson(
    [requestToken.token, requestToken.tokenSecret, requestToken.callbackConfirmed !== false, issuedAt],
    secret,
    PURPOSE,
  );
}

/**
 * Opens a string made by {@link sealRequestToken}.
 *
 * @param sealed - the cookie value.
 * @param secret - the same secret it was sealed with.
 * @param options - `maxAgeSeconds` (default 900) and a clock.
 * @returns the request token.
 * @throws TwitterOAuthError `INVALID_STATE` when the value is tampered, expired, from the future or
 *   sealed with another secret; TypeError on a short secret or a maxAgeSeconds that is not a positive, finite number.
 */
export async function unsealRequestToken(
  sealed: string,
  secret: string,
  options: UnsealOptions = {},
): Promise<RequestToken> {
  checkSecret(secret);
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE;
  if (!Number.isFinite(maxAge) || maxAge <= 0) {
    throw new TypeError("options.maxAgeSeconds must be a positive, finite number of seconds");
  }
  const [token, tokenSecret, callbackConfirmed, issuedAt] = (await unsealJson(
    sealed,
    secret,
    PURPOSE,
    "string,string,boolean,number",
  )) as [string, string, boolean, number];
  const age = Math.floor((options.now ?? Date.now)() / 1000) - issuedAt;
  // Past the limit, or issued more than a minute ahead of this clock.
  if (age > maxAge || age < -60) {
    throw new TwitterOAuthError(
      "INVALID_STATE",
      `The sealed request token is ${age} s old, outside -60 to ${maxAge} s (expired, or a wrong server clock); start the sign-in again`,
    );
  }
  return { token, tokenSecret, callbackConfirmed };
}
