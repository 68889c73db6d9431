import { TwitterOAuthError } from "../common/errors.js";
import { timingSafeEqual } from "../oauth1/constant-time.js";
import { type CallbackInput, callbackQuery } from "../common/callback-query.js";
import type { RequestToken } from "./types.js";

/**
 * The explicit opt-out of `parseCallback`'s token check, for a caller that compares the
 * callback's `oauth_token` with its request token itself.
 */
export interface SkipTokenCheck {
  /** `true`: return the callback's token without comparing it with a request token. */
  skipTokenCheck: true;
}

export type { CallbackInput };

/** The token of a request token, or the token string itself; undefined for anything else. @internal */
export function tokenOf(requestToken: unknown): string | undefined {
  const token = typeof requestToken === "string" ? requestToken : (requestToken as Partial<RequestToken>)?.token;
  return typeof token === "string" && token !== "" ? token : undefined;
}

const NEEDS = "parseCallback needs this sign-in's request token (or its token string), or { skipTokenCheck: true }";

/**
 * Reads the callback of step 2 (X docs: "Log in with X", step 2): `oauth_token` and `oauth_verifier`
 * from the query. The callback's token must be `requestToken` (compared in constant time), as X
 * asks: "Your application should verify that the token matches the request token received in
 * step 1." Skipping that check takes an explicit `{ skipTokenCheck: true }`: without it a forged
 * or another tab's callback would be accepted silently.
 *
 * @param input - the callback URL (absolute or a path), a bare query string, a `URL`, `URLSearchParams` or a `Request`.
 * @param requestToken - the request token of this sign-in (or its token string), to check the callback
 *   against; or `{ skipTokenCheck: true }` when the caller checks the token itself.
 * @returns the token and the verifier to pass to `exchangeVerifier`.
 * @throws TwitterOAuthError `AUTHORIZATION_DENIED` (the user pressed Cancel: `denied=…`), `INVALID_CALLBACK`
 *   (no token or verifier), `TOKEN_MISMATCH` (another sign-in's token, or a replay).
 * @throws TypeError when `requestToken` is missing (neither a request token nor `{ skipTokenCheck: true }`).
 */
export function parseCallback(
  input: CallbackInput,
  requestToken: RequestToken | string | SkipTokenCheck,
): {
  /** `oauth_token` from the callback (the request token of this sign-in). */
  token: string;
  /** `oauth_verifier` from the callback: pass it to `exchangeVerifier`. */
  verifier: string;
} {
  const skip = (requestToken as Partial<SkipTokenCheck>)?.skipTokenCheck === true;
  const expected = tokenOf(requestToken);
  if (!skip && expected === undefined) throw new TypeError(NEEDS);
  const query = callbackQuery(input, "callback");
  if (query.has("denied")) {
    throw new TwitterOAuthError("AUTHORIZATION_DENIED", "The user declined on X (denied); offer to sign in again");
  }
  const token = query.get("oauth_token");
  const verifier = query.get("oauth_verifier");
  if (!token || !verifier) {
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      `The callback lacks ${token ? "oauth_verifier" : "oauth_token"}; pass the whole callback URL, query included`,
    );
  }
  if (!skip && !timingSafeEqual(token, expected!)) {
    throw new TwitterOAuthError(
      "TOKEN_MISMATCH",
      "The callback's oauth_token is not this sign-in's request token; start the sign-in again",
    );
  }
  return { token, verifier };
}
