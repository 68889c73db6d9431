import { type RateLimit, TwitterOAuthError, type XApiError } from "../common/errors.js";
import { keepMessage, parseErrorBody } from "../twitter/error-body.js";
import { hintFor } from "../twitter/error-hints.js";

/** Which request failed, for advice that fits it. @internal */
export type Grant = "exchange" | "refresh" | "code" | "revoke" | "api";

/** RFC 6749 5.2: `error` is one or more of %x20-21 / %x23-5B / %x5D-7E; X's are short snake_case words. */
const ERROR_CODE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,64}$/;

/** What a token endpoint's error body says: the RFC 6749 5.2 code, and X's errors for `error.errors`. @internal */
export interface TokenErrorBody {
  oauthError: string | undefined;
  errors: XApiError[];
}

/**
 * Reads an error body of X's OAuth 2.0 endpoints: RFC 6749 5.2 JSON (`{"error","error_description"}`,
 * as docs.x.com "oauth-1-0a-token-exchange" shows), else any body the 1.0a parser knows (v2 problem
 * JSON, text). `clean` redacts secrets; an `error` that would need redacting, or is not RFC 6749 5.2's
 * charset, is dropped rather than kept.
 * @internal
 */
export function parseTokenError(text: string, clean: (text: string) => string): TokenErrorBody {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let body: unknown;
    try {
      body = JSON.parse(trimmed);
    } catch {
      body = undefined;
    }
    if (typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string") {
      const { error, error_description: description } = body as { error: string; error_description?: unknown };
      const oauthError = ERROR_CODE.test(error) && clean(error) === error ? error : undefined;
      const message = typeof description === "string" && description !== "" ? description : error;
      return { oauthError, errors: [{ code: 0, message: keepMessage(message, clean) }] };
    }
  }
  return { oauthError: undefined, errors: parseErrorBody(text, clean) };
}

/** What to do about each RFC 6749 5.2 code (and X's), by request. */
function adviceFor(oauthError: string | undefined, status: number, grant: Grant, host: string): string {
  switch (oauthError) {
    case "invalid_grant":
      if (grant === "refresh") {
        return "the refresh token was already used or rotated (each is single use, and a new exchange replaces the pair), revoked or expired: sign the user in again";
      }
      if (grant === "exchange") {
        return "the OAuth 1.0a token is revoked, invalid or another app's (X answers this on purpose without details): do not retry it; sign the user in again";
      }
      if (grant === "code") {
        return "the code is invalid, expired or already used, or code_verifier or redirect_uri differs from the sign-in's: start the sign-in again";
      }
      return "the token is invalid, expired or revoked: refresh it, or sign the user in again";
    case "invalid_client":
    case "unauthorized_client":
      return "check the client id and secret (the OAuth 2.0 Client ID and Client Secret, not the API key and secret), that a confidential client is given its clientSecret and a public one none, and that OAuth 2.0 is enabled in the app's User authentication settings";
    case "invalid_scope":
      return grant === "exchange"
        ? "ask for a subset of the scopes the OAuth 1.0a permission maps to, or leave scopes out"
        : "ask only for scopes X documents and the app may request";
    case "invalid_request":
      return "a parameter is missing, repeated or malformed; check the client's options and arguments";
    case "unsupported_grant_type":
      return "X does not accept this grant for the app: check that OAuth 2.0 is enabled in the app's settings";
    case "temporarily_unavailable":
      return grant === "exchange"
        ? "X is temporarily unavailable: retry later (exchanging the same token again is safe: it rotates the pair)"
        : "X is temporarily unavailable: retry later";
    case "server_error":
      return "X had a problem: retry later";
    case "rate_limited":
      return "rate limit exceeded: wait until the time in the x-rate-limit-reset header";
  }
  if (status === 503) return "X is temporarily unavailable: retry later";
  if (status === 401 && grant === "api")
    return "the access token is invalid, expired or revoked: refresh it, or sign the user in again";
  return hintFor(host);
}

/**
 * The HTTP_ERROR for a non-2xx answer of an OAuth 2.0 endpoint, with `oauthError`, X's errors
 * (redacted), its rate limit and a message that says what to do.
 * @internal
 */
export function oauth2HttpError(
  endpoint: string,
  grant: Grant,
  status: number,
  body: TokenErrorBody,
  rateLimit: RateLimit | undefined,
  now: number,
  tooLarge: boolean,
  host: string,
): TwitterOAuthError {
  const { oauthError, errors } = body;
  const first = errors.find((e) => e.message !== "");
  const says = tooLarge
    ? ` (an error body too large to read)`
    : first
      ? `: X says "${first.message}"${oauthError && oauthError !== first.message ? ` (${oauthError})` : ""}`
      : oauthError
        ? ` (${oauthError})`
        : "";
  let advice = adviceFor(oauthError, status, grant, host);
  if (rateLimit && (status === 429 || oauthError === "rate_limited")) {
    const seconds = Math.max(0, Math.ceil((rateLimit.reset.getTime() - now) / 1000));
    advice = `rate limit exceeded: retry in ${seconds} s, at ${rateLimit.reset.toISOString()} (x-rate-limit-reset)`;
  }
  return new TwitterOAuthError("HTTP_ERROR", `${endpoint} failed with HTTP ${status}${says}; ${advice}`, {
    status,
    errors,
    endpoint,
    rateLimit,
    oauthError,
  });
}
