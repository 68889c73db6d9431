import type { TwitterOAuthError, TwitterOAuthErrorCode } from "../common/errors.js";
import { errorHints } from "./flow.js";

// What an end user reads: what happened, in their words, and a way back. Never the error code or
// the developer message (which may name hosts, endpoints or X's error text): those go to the log.
// The status says whose fault it is.
const AGAIN = "Please sign in again";
const FAILED = "Sign-in failed";

/** [status, title, text] of the page for a code; a code this copy does not know (from a newer copy of the package) is a 500. */
function pageOf(code: TwitterOAuthErrorCode): [status: number, title: string, text: string] {
  if (code === "AUTHORIZATION_DENIED") {
    return [403, "Sign-in cancelled", "You cancelled signing in with X. Nothing was shared with this site."];
  }
  if (code === "INVALID_CALLBACK") {
    return [400, AGAIN, "The link back from X was incomplete. Please start signing in again."];
  }
  if (code === "INVALID_STATE" || code === "TOKEN_MISMATCH") {
    return [400, AGAIN, "This sign-in expired or was already used. Please start signing in again."];
  }
  // X refused, answered something unusable, could not be reached or did not answer in time.
  return /^(HTTP_ERROR|INVALID_RESPONSE|CALLBACK_NOT_CONFIRMED|NETWORK_ERROR|TIMEOUT)$/.test(code)
    ? [
        code === "TIMEOUT" ? 504 : 502,
        FAILED,
        "X could not complete the sign-in right now. Please try again in a moment.",
      ]
    : [500, FAILED, "Signing in with X failed. Please try again."];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Small, self-contained and readable on a phone: no script, no external style sheet; the browser's
// own text and link colours, which keep their contrast in light and dark modes.
// <head> is implied by the elements before <body> (HTML's optional tags): the same document.
function page(...parts: [title: string, text: string, href: string, label: string]): string {
  const [title, text, href, label] = parts.map(escapeHtml);
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font:1rem/1.5 system-ui;max-width:32rem;margin:2rem auto;padding:0 1rem}</style>
<body>
<h1>${title}</h1>
<p>${text}</p>
<p><a href="${href}">${label}</a></p>
</body>
</html>
`;
}

/**
 * The answer when no `onError` is given: a small HTML page (UTF-8, escaped, phone-width) in the end
 * user's words with a link that starts the sign-in again at `tryAgainUrl`, never cached. The code and
 * the developer message go to `console.error` for every error but Cancel (the user's choice).
 * @internal
 */
export function defaultErrorResponse(error: TwitterOAuthError, tryAgainUrl: string): Response {
  if (error.code !== "AUTHORIZATION_DENIED") {
    console.error(`twitter-oauth1/handlers: sign-in failed, ${error.code}: ${error.message}`);
  }
  const [status, title, text] = pageOf(error.code);
  const open = errorHints.get(error)?.open;
  const host = open && new URL(open).host;
  const body =
    open === undefined
      ? page(title, text, tryAgainUrl, "Try again")
      : page(
          `Continue signing in at ${host}`,
          `Signing in to this site happens at ${host}.`,
          open,
          "Continue signing in",
        );
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
