import { TwitterOAuthError } from "../common/errors.js";
import { timingSafeEqual } from "../oauth1/constant-time.js";
import { describe } from "../common/describe.js";
import { type CallbackInput, callbackQuery } from "../common/callback-query.js";

/** RFC 6749 4.1.2.1: `error` is %x20-21 / %x23-5B / %x5D-7E; anything else is not shown. */
const ERROR_CODE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,64}$/;

/**
 * Reads the redirect back from X's authorize page (RFC 6749 4.1.2; docs.x.com "OAuth 2.0
 * Authorization Code Flow with PKCE", step 2): checks `state` first, in constant time, so that a
 * callback of another sign-in is refused whatever it carries; then `error`; then `code`.
 *
 * - `state` missing: `INVALID_CALLBACK`; another sign-in's `state`: `TOKEN_MISMATCH` (RFC 6749 10.12).
 * - `error=access_denied` (the user pressed Cancel): `AUTHORIZATION_DENIED`.
 * - any other `error` (RFC 6749 4.1.2.1: `invalid_request`, `invalid_scope`, `server_error`, …):
 *   `INVALID_CALLBACK`, with the code in `oauthError`: the sign-in cannot go on, start it again.
 * - no `code`: `INVALID_CALLBACK`.
 * @internal
 */
export function parseOAuth2Callback(input: CallbackInput, expectedState: string): { code: string } {
  if (typeof expectedState !== "string" || expectedState === "") {
    throw new TypeError(
      `expectedState must be the non-empty state of this sign-in (from createAuthorization), got ${describe(expectedState)}`,
    );
  }
  const query = callbackQuery(input, "input");
  const state = query.get("state");
  if (!state) {
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      "The callback lacks state; pass the full URL X redirected the user to, query included",
    );
  }
  if (!timingSafeEqual(state, expectedState)) {
    throw new TwitterOAuthError(
      "TOKEN_MISMATCH",
      "The callback's state is not the state of this sign-in (a stale tab, a replayed or forged callback); start the sign-in again",
    );
  }
  const error = query.get("error");
  if (error !== null) {
    const oauthError = ERROR_CODE.test(error) ? error : undefined;
    if (error === "access_denied") {
      throw new TwitterOAuthError(
        "AUTHORIZATION_DENIED",
        "The user declined to authorize the app on X (the callback carries error=access_denied); show a signed-out page and let them try again",
        { oauthError },
      );
    }
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      `X ended the sign-in with error=${oauthError ?? "(unreadable)"} (RFC 6749 4.1.2.1); check the client id, redirect URI and scopes in the app's settings, then start the sign-in again`,
      { oauthError },
    );
  }
  const code = query.get("code");
  if (!code) {
    throw new TwitterOAuthError(
      "INVALID_CALLBACK",
      "The callback lacks code; pass the full URL X redirected the user to, query included",
    );
  }
  return { code };
}
