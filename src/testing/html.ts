// The fake's sign-in pages: plain semantic HTML, no script, every echoed value escaped.
import type { AccessType } from "./store.js";
import { baseHeaders } from "./x-responses.js";

/** Escapes text for HTML element content and double-quoted attributes. @internal */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f8fa;color:#0f1419}
main{max-width:32rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:1rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.5rem;margin-top:0}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #8899a6;border-radius:.25rem}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button,.button{font:inherit;font-weight:700;padding:.5rem 1.25rem;border-radius:2rem;border:1px solid #0f1419;cursor:pointer;text-decoration:none}
button[value=authorize]{background:#0f1419;color:#fff}button[value=cancel]{background:#fff;color:#0f1419}
[role=alert]{color:#b00020;font-weight:600}.pin{font-size:2.5rem;letter-spacing:.3rem;font-family:monospace}
footer{margin-top:1.5rem;font-size:.85rem;color:#536471}`;

/** A whole page with the headers of X's pages: no framing, nothing but inline style. @internal */
export function htmlPage(
  now: number,
  status: number,
  title: string,
  body: string,
  extraHeaders?: Record<string, string>,
): Response {
  const headers = baseHeaders(now, "text/html; charset=utf-8");
  headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  headers.set("x-frame-options", "DENY");
  headers.set("referrer-policy", "no-referrer");
  for (const [name, value] of Object.entries(extraHeaders ?? {})) headers.append(name, value);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} / Fake X</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<footer>This is <a href="/"><strong>Fake X</strong></a> from <code>twitter-oauth1/testing</code>, not x.com. Nothing you type here leaves this machine.</footer>
</main>
</body>
</html>
`;
  return new Response(html, { status, headers });
}

/** What the consent part of a page needs. @internal */
export interface ConsentDetails {
  origin: string;
  appName: string;
  accessType: AccessType;
  requestToken: string;
  formToken: string;
  /** Where the form posts. Default `/oauth/authorize`. */
  formPath?: string;
  /** The name of the hidden field that carries `requestToken`. Default `oauth_token`. */
  tokenField?: string;
  /** What the app will be able to do, in words. Default: the sentences of `accessType`. */
  permissionItems?: readonly string[];
}

function permissions(accessType: AccessType, permissionItems?: readonly string[]): string {
  const read = [
    "See posts from your timeline, as well as your Lists and collections.",
    "See your X profile information and account settings.",
    "See accounts you follow, mute and block.",
  ];
  const write = [
    "Post and delete posts for you, and engage with posts created by others.",
    "Follow and unfollow accounts for you.",
  ];
  const items = permissionItems ?? (accessType === "write" ? [...read, ...write] : read);
  return `<h2>This app will be able to</h2>
<ul>
${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}
</ul>
<p>It will not be able to see your password.</p>`;
}

function hiddenFields(details: ConsentDetails): string {
  return `<input type="hidden" name="${escapeHtml(details.tokenField ?? "oauth_token")}" value="${escapeHtml(details.requestToken)}">
<input type="hidden" name="authenticity_token" value="${escapeHtml(details.formToken)}">`;
}

function actions(submitLabel: string): string {
  return `<div class="actions">
<button type="submit" name="action" value="authorize">${escapeHtml(submitLabel)}</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>`;
}

/** X's "not signed in" state: credentials and consent on one page (X docs, Log in with X). @internal */
export function loginPage(now: number, details: ConsentDetails, prefill: string, error?: string): Response {
  const alert = error === undefined ? "" : `<p role="alert">${escapeHtml(error)}</p>\n`;
  return htmlPage(
    now,
    error === undefined ? 200 : 401,
    `Authorize ${details.appName}`,
    `<h1>Authorize <strong>${escapeHtml(details.appName)}</strong> to access your account?</h1>
${alert}<form method="post" action="${escapeHtml(details.origin)}${escapeHtml(details.formPath ?? "/oauth/authorize")}">
${hiddenFields(details)}
<label for="username">Username or email</label>
<input id="username" name="session[username_or_email]" autocomplete="username" required value="${escapeHtml(prefill)}">
<label for="password">Password</label>
<input id="password" name="session[password]" type="password" autocomplete="current-password" required>
${actions("Sign in")}
</form>
${permissions(details.accessType, details.permissionItems)}`,
  );
}

/** X's "signed in, not yet approved" state: the consent prompt. @internal */
export function consentPage(
  now: number,
  details: ConsentDetails,
  user: { screenName: string; name: string },
  switchUrl: string,
): Response {
  return htmlPage(
    now,
    200,
    `Authorize ${details.appName}`,
    `<h1>Authorize <strong>${escapeHtml(details.appName)}</strong> to access your account?</h1>
<p>Signed in as <strong>${escapeHtml(user.name)}</strong> (@${escapeHtml(user.screenName)}). <a href="${escapeHtml(switchUrl)}">Not you? Sign in as someone else</a></p>
<form method="post" action="${escapeHtml(details.origin)}${escapeHtml(details.formPath ?? "/oauth/authorize")}">
${hiddenFields(details)}
${actions("Authorize app")}
</form>
${permissions(details.accessType, details.permissionItems)}`,
  );
}

/** After Cancel: a page with a link back to `callback?denied=<token>`, as passport-twitter documents it. @internal */
export function cancelledPage(now: number, appName: string, deniedUrl: string | undefined): Response {
  const back =
    deniedUrl === undefined
      ? "<p>You can close this window.</p>"
      : `<p><a class="button" href="${escapeHtml(deniedUrl)}">Return to ${escapeHtml(appName)}</a></p>`;
  return htmlPage(
    now,
    200,
    "You cancelled",
    `<h1>You cancelled</h1>
<p>You have not signed in to <strong>${escapeHtml(appName)}</strong>, and it has no access to your account.</p>
${back}`,
  );
}

/** The out-of-band flow's PIN (X docs, PIN-based OAuth). @internal */
export function pinPage(now: number, appName: string, pin: string, extraHeaders?: Record<string, string>): Response {
  return htmlPage(
    now,
    200,
    "Your PIN",
    `<h1>You authorized <strong>${escapeHtml(appName)}</strong></h1>
<p>Next, return to ${escapeHtml(appName)} and enter this PIN to complete the authorization process:</p>
<p class="pin" aria-label="PIN"><output>${escapeHtml(pin)}</output></p>`,
    extraHeaders,
  );
}

/** A stale, used or unknown request token (the text X shows for one). @internal */
export function invalidTokenPage(now: number): Response {
  return htmlPage(
    now,
    403,
    "Invalid request token",
    `<h1>Whoa there!</h1>
<p role="alert">The request token for this page is invalid. It may have already been used, or expired because it is too old. Please go back to the site or application that sent you here and try again; it was probably just a mistake.</p>`,
  );
}

/** A malformed page request (no token, wrong form). @internal */
export function badPageRequest(now: number, message: string): Response {
  return htmlPage(
    now,
    400,
    "Bad request",
    `<h1>Something is wrong with this request</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
  );
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: "Something is technically wrong.",
  502: "X is down for maintenance.",
  503: "X is over capacity.",
  504: "X took too long to answer.",
};

/** An injected 5xx: an HTML page, as X's front end answers when the API behind it fails. @internal */
export function failurePage(now: number, status: number): Response {
  const text = STATUS_TEXT[status] ?? "Something went wrong.";
  return htmlPage(now, status, text, `<h1>${escapeHtml(text)}</h1>\n<p>Please wait a moment and try again.</p>`);
}
