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

/** The token to compare the callback's with, or undefined for an explicit `{ skipTokenCheck: true }`. */
function expectedToken(requestToken: unknown): string | undefined {
  if (typeof requestToken === "object" && requestToken !== null) {
    if ((requestToken as Partial<SkipTokenCheck>).skipTokenCheck === true) return undefined;
    const token = (requestToken as Partial<RequestToken>).token;
    if (typeof token === "string" && token !== "") return token;
  }
  if (typeof requestToken === "string") {
    if (requestToken === "") throw new TypeError("requestToken must be a RequestToken or a non-empty token string");
    return requestToken;
  }
  throw new TypeError(
    "parseCallback needs the request token of this sign-in (a RequestToken or its token string), to check the callback's oauth_token against it as X asks; pass { skipTokenCheck: true } only if the caller checks it itself",
  );
}

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
  const expected = expectedToken(requestToken);
  const query = callbackQuery(input, "callback");
  if (query.has("denied")) {
    throw new TwitterOAuthError(
      "AUTHORIZATION_DENIED",
      "The user declined to authorize the app on X (denied=…); let them try again",
    );
  }
  const token = query.get("oauth_token");
  const verifier = query.get("oauth_verifier");
  if (!token || !verifier) {
    const missing = [!token && "oauth_token", !verifier && "oauth_verifier"].filter(Boolean).join(" and ");
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      `The callback lacks ${missing}; pass the full URL X redirected the user to, query included`,
    );
  }
  if (expected !== undefined) {
    if (!timingSafeEqual(token, expected)) {
      throw new TwitterOAuthError(
        "TOKEN_MISMATCH",
        "The callback's oauth_token is not the request token of this sign-in (a stale tab, a replayed or forged callback); start the sign-in again",
      );
    }
  }
  return { token, verifier };
}
