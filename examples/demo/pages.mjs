// The demo site's pages: plain HTML, no script, everything echoed is escaped.

/** @param {string} value */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Narrow screens first: the card takes the width it has (375 px phones included), long values (an
// email, a 19-digit id, the fake X's URL) wrap instead of pushing the page sideways.
const STYLE = `*,*::before,*::after{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#111}
main{max-width:36rem;margin:1rem;padding:1.25rem;background:#fff;border:1px solid #ddd;border-radius:.75rem;overflow-wrap:anywhere}
@media (min-width:40rem){main{margin:3rem auto;padding:2rem}}
h1{margin-top:0;font-size:1.5rem}.button,button{display:inline-block;font:inherit;font-weight:700;padding:.6rem 1.4rem;border-radius:2rem;border:0;background:#000;color:#fff;text-decoration:none;cursor:pointer}
.secondary{background:#fff;color:#000;border:1px solid #000}.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.profile{display:flex;gap:1rem;align-items:center;margin-bottom:1rem}.avatar{flex:none;width:3.5rem;height:3.5rem;border-radius:50%;background:#000;color:#fff;display:grid;place-items:center;font-size:1.5rem;font-weight:700}
.profile h1{margin:0;font-size:1.35rem}.profile p{margin:0;color:#555}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem;margin:0 0 1.25rem}dt{font-weight:600}dd{margin:0;min-width:0}
@media (max-width:26rem){dl{grid-template-columns:minmax(0,1fr);gap:0}dd{margin-bottom:.5rem}}
.mode{font-size:.9rem;color:#555;border-top:1px solid #eee;margin:2rem 0 0;padding-top:1rem}[role=alert]{color:#b00020;font-weight:600}`;

/**
 * @param {{ status?: number, title: string, body: string, mode: string, headers?: Record<string, string | string[]> }} page
 * @returns {Response}
 */
export function htmlPage({ status = 200, title, body, mode, headers = {} }) {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} / twitter-oauth1 demo</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<p class="mode">${mode}</p>
</main>
</body>
</html>
`;
  const out = new Headers({
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : [value]) out.append(name, item);
  }
  return new Response(html, { status, headers: out });
}

/**
 * The first page, and the page after sign-out. "A different account" (force_login) is offered only
 * after a sign-out: on a first visit there is no account to differ from.
 * @param {string} mode
 * @param {{ signedOut?: boolean, base?: string }} [state] base: the callback's origin when the page was
 *   opened on another host (browsers keep cookies per host name, so signing in must happen there)
 */
export function signedOutPage(mode, { signedOut = false, base = "" } = {}) {
  const other = signedOut
    ? `<a class="button secondary" href="${escapeHtml(base)}/login?force_login=true">Sign in with a different X account</a>`
    : "";
  const elsewhere =
    base === "" ? "" : `<p role="note">Signing in happens on ${escapeHtml(base)}, where X sends you back.</p>`;
  return htmlPage({
    title: "Home",
    mode,
    body: `<h1>twitter-oauth1 demo</h1>
<p>${signedOut ? "You signed out. You are not signed in." : "You are not signed in."}</p>${elsewhere}
<p class="actions"><a class="button" href="${escapeHtml(base)}/login">Sign in with X</a>${other}</p>`,
  });
}

/**
 * The profile card.
 * @param {string} mode
 * @param {{ name: string, screen_name: string, id_str: string, email?: string | null }} user
 */
export function signedInPage(mode, user) {
  const email = typeof user.email === "string" ? `<dt>Email</dt><dd id="email">${escapeHtml(user.email)}</dd>` : "";
  const initial = escapeHtml(Array.from(user.name.trim() || user.screen_name)[0] ?? "?");
  return htmlPage({
    title: `Signed in as @${user.screen_name}`,
    mode,
    body: `<div class="profile"><div class="avatar" aria-hidden="true">${initial}</div>
<div><h1>Signed in as ${escapeHtml(user.name)}</h1><p>@${escapeHtml(user.screen_name)}</p></div></div>
<dl>
<dt>Name</dt><dd id="name">${escapeHtml(user.name)}</dd>
<dt>Screen name</dt><dd id="screen-name">@${escapeHtml(user.screen_name)}</dd>
<dt>User id</dt><dd id="user-id">${escapeHtml(user.id_str)}</dd>
${email}
</dl>
<div class="actions"><form method="post" action="/logout"><button type="submit">Sign out</button></form>
<a class="button secondary" href="/login?force_login=true">Sign in with a different X account</a></div>`,
  });
}

/** @param {string} mode */
export function cancelledPage(mode) {
  return htmlPage({
    status: 403,
    title: "Sign-in cancelled",
    mode,
    body: `<h1>Sign-in cancelled</h1>
<p>You cancelled the sign-in on X, so you are not signed in. Nothing was shared with this site.</p>
<p><a class="button" href="/">Back to the home page</a></p>`,
  });
}

/**
 * @param {string} mode
 * @param {number} status
 * @param {string} title
 * @param {string} message
 */
export function errorPage(mode, status, title, message) {
  return htmlPage({
    status,
    title,
    mode,
    body: `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="actions"><a class="button" href="/">Back to the home page</a><a class="button secondary" href="/login">Sign in again</a></p>`,
  });
}
