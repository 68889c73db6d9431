import type { TwitterOAuthError, TwitterOAuthErrorCode } from "../common/errors.js";
import { openHint } from "./flow.js";

// What an end user reads: what happened, in their words, and a way back. Never the error code or
// the developer message (which may name hosts, endpoints or X's error text): those go to the log.
// The status says whose fault it is.
// [status, title, text]; the text ends with what to do, which the status tells (AGAIN, LATER).
const AGAIN = "Please sign in again";
const FAILED = "Sign-in failed";
const BUSY = "X could not complete the sign-in right now.";
const PAGES: Record<TwitterOAuthErrorCode, [status: number, title: string, text: string]> = {
  AUTHORIZATION_DENIED: [
    403,
    "Sign-in cancelled",
    "You cancelled signing in with X. Nothing was shared with this site.",
  ],
  INVALID_STATE: [400, AGAIN, "This sign-in expired or was already used."],
  INVALID_CALLBACK: [400, AGAIN, "The link back from X was incomplete."],
  TOKEN_MISMATCH: [400, AGAIN, "This sign-in expired or was already used."],
  HTTP_ERROR: [502, FAILED, BUSY],
  INVALID_RESPONSE: [502, FAILED, BUSY],
  CALLBACK_NOT_CONFIRMED: [502, FAILED, BUSY],
  NETWORK_ERROR: [502, FAILED, BUSY],
  TIMEOUT: [504, FAILED, BUSY],
};
const NEXT_STEP: Record<number, string> = {
  400: " Please start signing in again.",
  502: " Please try again in a moment.",
  504: " Please try again in a moment.",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Small, self-contained and readable on a phone: no script, no external style sheet; the browser's
// own text and link colours, which keep their contrast in light and dark modes.
// <head> is implied by the elements before <body> (HTML's optional tags): the same document.
function page(title: string, text: string, link: { href: string; label: string }): string {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}</style>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>
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
  const [status, title, text] = PAGES[error.code] ?? [500, FAILED, "Signing in with X failed. Please try again."];
  const open = openHint(error);
  const body =
    open === undefined
      ? page(title, text + (NEXT_STEP[status] ?? ""), { href: tryAgainUrl, label: "Try again" })
      : page(
          `Continue signing in at ${new URL(open).host}`,
          `Signing in to this site happens at ${new URL(open).host}.`,
          {
            href: open,
            label: "Continue signing in",
          },
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
