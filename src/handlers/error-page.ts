import type { TwitterOAuthError, TwitterOAuthErrorCode } from "../shared/errors.js";
import { openHint } from "./flow.js";

// What an end user reads: what happened and what to do, never the developer message (which may name
// hosts, endpoints or X's error text). The status says whose fault it is.
const PAGES: Record<TwitterOAuthErrorCode, [status: number, text: string]> = {
  AUTHORIZATION_DENIED: [403, "You cancelled signing in with X. Nothing was shared with this site."],
  INVALID_STATE: [400, "This sign-in expired or was already used. Please start signing in again."],
  INVALID_CALLBACK: [400, "The link back from X was incomplete. Please start signing in again."],
  TOKEN_MISMATCH: [400, "The link back from X belongs to another sign-in. Please start signing in again."],
  HTTP_ERROR: [502, "X could not complete the sign-in right now. Please try again in a moment."],
  INVALID_RESPONSE: [502, "X could not complete the sign-in right now. Please try again in a moment."],
  CALLBACK_NOT_CONFIRMED: [502, "X could not complete the sign-in right now. Please try again in a moment."],
  NETWORK_ERROR: [502, "X could not be reached. Please try again in a moment."],
  TIMEOUT: [504, "X did not answer in time. Please try again in a moment."],
};

/**
 * The answer when no `onError` is given: `text/plain`, the code, a sentence for the end user, never
 * cached. Every error but Cancel is logged for the developer.
 * @internal
 */
export function defaultErrorResponse(error: TwitterOAuthError): Response {
  if (error.code !== "AUTHORIZATION_DENIED") {
    console.error(`twitter-oauth1/handlers: sign-in failed, ${error.code}: ${error.message}`);
  }
  const [status, text] = PAGES[error.code] ?? [500, "Signing in with X failed. Please try again."];
  const open = openHint(error);
  const body = `${error.code}: ${open === undefined ? text : `Open ${open} to sign in.`}\n`;
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
