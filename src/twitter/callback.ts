import { TwitterOAuthError } from "../shared/errors.js";
import { timingSafeEqual } from "../oauth1/constant-time.js";
import { describe } from "../shared/describe.js";
import type { RequestToken } from "./types.js";

/** What `parseCallback` accepts: the callback URL X redirected to, in any usual shape. */
export type CallbackInput = string | URL | URLSearchParams | Request;

function queryOf(input: CallbackInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  if (typeof Request !== "undefined" && input instanceof Request) return new URL(input.url).searchParams;
  if (typeof input !== "string") {
    throw new TypeError(`callback must be a URL string, URL, URLSearchParams or Request, got ${describe(input)}`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) {
    try {
      return new URL(input).searchParams;
    } catch {
      // not absolute after all: read it as a path or a bare query below
    }
  }
  const withoutFragment = input.split("#", 1)[0]!;
  const question = withoutFragment.indexOf("?");
  return new URLSearchParams(question === -1 ? withoutFragment : withoutFragment.slice(question + 1));
}

/**
 * Reads the callback of step 2 (X docs: "Log in with X", step 2): `oauth_token` and `oauth_verifier`
 * from the query. When `requestToken` is given, the callback's token must be it (compared in
 * constant time), as X asks: "Your application should verify that the token matches the request
 * token received in step 1."
 *
 * @param input - the callback URL (absolute or a path), a bare query string, a `URL`, `URLSearchParams` or a `Request`.
 * @param requestToken - the request token of this sign-in (or its token string), to check the callback against.
 * @returns the token and the verifier to pass to `exchangeVerifier`.
 * @throws TwitterOAuthError `AUTHORIZATION_DENIED` (the user pressed Cancel: `denied=…`), `INVALID_CALLBACK`
 *   (no token or verifier), `TOKEN_MISMATCH` (another sign-in's token, or a replay).
 */
export function parseCallback(
  input: CallbackInput,
  requestToken?: RequestToken | string,
): {
  /** `oauth_token` from the callback (the request token of this sign-in). */
  token: string;
  /** `oauth_verifier` from the callback: pass it to `exchangeVerifier`. */
  verifier: string;
} {
  const query = queryOf(input);
  if (query.has("denied")) {
    throw new TwitterOAuthError(
      "AUTHORIZATION_DENIED",
      "The user declined to authorize the app on X (the callback carries denied=…); show a signed-out page and let them try again",
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
  if (requestToken !== undefined) {
    const expected = typeof requestToken === "string" ? requestToken : requestToken?.token;
    if (typeof expected !== "string" || expected === "") {
      throw new TypeError("requestToken must be a RequestToken or a non-empty token string");
    }
    if (!timingSafeEqual(token, expected)) {
      throw new TwitterOAuthError(
        "TOKEN_MISMATCH",
        "The callback's oauth_token is not the request token of this sign-in (a stale tab, a replayed or forged callback); start the sign-in again",
      );
    }
  }
  return { token, verifier };
}
