import type { XApiError } from "../common/errors.js";

// What to do about X's OAuth-related codes: the v1.1 code table of X docs "Response codes and
// errors" (earlier at https://developer.twitter.com/en/docs/basics/response-codes).
// A hint may name the host the request went to: with baseUrl on a fake or a proxy, "api.x.com" would
// send the reader to the wrong server.
const RATE = "rate limit exceeded: wait until x-rate-limit-reset";
const HINTS: Record<number, string | ((host: string) => string)> = {
  32: (host) => `check the consumer key and secret, the token secret and baseUrl (sent to ${host})`,
  64: "the account is suspended",
  88: RATE,
  89: "the token is invalid or revoked: sign the user in again",
  135: "fix the system clock (NTP)",
  215: "the Authorization header is missing or malformed",
  220: "the app may not access this resource",
  261: "give the app write permission, then sign the user in again",
  326: "the user must log in to x.com to unlock the account",
  415: "register the callback URL exactly in the app's settings",
  416: "the app is invalid or suspended",
  417: 'a desktop app takes only "oob": use the PIN flow',
};

/** Advice for the first error X reported, or for the status alone; `host` is where the request went. @internal */
export function hintFor(status: number, errors: readonly XApiError[], host: string): string {
  for (const error of errors) {
    const hint = HINTS[error.code];
    if (hint) return typeof hint === "function" ? hint(host) : hint;
    // X's plain-text answers of oauth/access_token ("Invalid oauth_verifier parameter", "Invalid / expired Token")
    if (/invalid oauth_verifier|invalid request token|expired/i.test(error.message)) {
      return "the request token or verifier is used or expired: start the sign-in again";
    }
  }
  return status === 401
    ? "check the keys, tokens and clock"
    : status === 403
      ? "check the app's permissions"
      : status === 404
        ? "check the path and baseUrl"
        : status === 429
          ? RATE
          : status >= 500
            ? "X had a problem; retry later"
            : "see error.errors";
}
