// The demo site's pages: plain HTML, no script, everything echoed is escaped.

/** @param {string} value */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#111}
main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #ddd;border-radius:.75rem}
h1{margin-top:0;font-size:1.6rem}.button,button{display:inline-block;font:inherit;font-weight:700;padding:.6rem 1.4rem;border-radius:2rem;border:0;background:#000;color:#fff;text-decoration:none;cursor:pointer}
.secondary{background:#fff;color:#000;border:1px solid #000}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
.mode{font-size:.9rem;color:#555;border-top:1px solid #eee;margin-top:2rem;padding-top:1rem}[role=alert]{color:#b00020;font-weight:600}`;

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

/** @param {string} mode */
export function signedOutPage(mode, headers) {
  return htmlPage({
    title: "Home",
    mode,
    headers,
    body: `<h1>twitter-oauth1 demo</h1>
<p>You are not signed in.</p>
<p><a class="button" href="/login">Sign in with X</a></p>
<p><a href="/login?force_login=true">Sign in with a different X account</a></p>`,
  });
}

/**
 * @param {string} mode
 * @param {{ name: string, screen_name: string, id_str: string, email?: string | null }} user
 */
export function signedInPage(mode, user) {
  const email = typeof user.email === "string" ? `<dt>Email</dt><dd id="email">${escapeHtml(user.email)}</dd>` : "";
  return htmlPage({
    title: `Signed in as @${user.screen_name}`,
    mode,
    body: `<h1>Signed in as ${escapeHtml(user.name)}</h1>
<dl>
<dt>Name</dt><dd id="name">${escapeHtml(user.name)}</dd>
<dt>Screen name</dt><dd id="screen-name">@${escapeHtml(user.screen_name)}</dd>
<dt>User id</dt><dd id="user-id">${escapeHtml(user.id_str)}</dd>
${email}
</dl>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  });
}

/** @param {string} mode */
export function cancelledPage(mode, headers) {
  return htmlPage({
    title: "Sign-in cancelled",
    mode,
    headers,
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
export function errorPage(mode, status, title, message, headers) {
  return htmlPage({
    status,
    title,
    mode,
    headers,
    body: `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p><a class="button" href="/">Back to the home page</a> <a class="button secondary" href="/login">Sign in again</a></p>`,
  });
}
