import type { XApiError } from "../common/errors.js";

// What to do about X's OAuth-related codes: the v1.1 code table of X docs "Response codes and
// errors" (earlier at https://developer.twitter.com/en/docs/basics/response-codes).
// A hint may name the host the request went to: with baseUrl on a fake or a proxy, "api.x.com" would
// send the reader to the wrong server.
const HINTS: Record<number, string | ((host: string) => string)> = {
  32: (host) =>
    `check the consumer key and secret, the token secret, and that baseUrl is their host (this request went to ${host})`,
  64: "the account is suspended",
  88: "rate limit exceeded: wait until the time in the x-rate-limit-reset header",
  89: "the token is invalid, expired or revoked: sign the user in again",
  135: "the request timestamp is outside X's window: check the system clock (NTP)",
  215: "the Authorization header was missing or malformed",
  220: "these credentials may not access this resource",
  261: "give the app read and write permission, then sign the user in again",
  326: "the account is temporarily locked: the user must log in to x.com to unlock it",
  415: "the callback URL is not approved: register it exactly in the app's User authentication settings",
  416: "the app is invalid or suspended",
  417: 'a desktop app accepts only the callback "oob": use the PIN flow, or change the app type',
};

/** Advice for the first error X reported, or for the status alone; `host` is where the request went. @internal */
export function hintFor(status: number, errors: readonly XApiError[], host: string): string {
  for (const error of errors) {
    const hint = HINTS[error.code];
    if (hint) return typeof hint === "function" ? hint(host) : hint;
    if (/invalid oauth_verifier|invalid \/ expired token|invalid request token|expired/i.test(error.message)) {
      return "the request token or verifier is used or expired: start the sign-in again";
    }
  }
  if (status === 401) return "check the keys, tokens and system clock";
  if (status === 403) return "X refused the request: check the app's permissions and settings";
  if (status === 404) return "check the endpoint path and baseUrl";
  if (status === 429) return "rate limit exceeded: wait until the time in the x-rate-limit-reset header";
  if (status >= 500) return "X had a problem; try again later";
  return "see X's error details";
}
