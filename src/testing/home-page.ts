// GET /: what this server is, what it serves and how tests drive it.
import { escapeHtml, htmlPage } from "./html.js";
import type { FakeState } from "./store.js";

const ENDPOINTS: ReadonlyArray<readonly [string, string]> = [
  ["POST /oauth/request_token", "step 1: a request token (signed with the consumer secret)"],
  ["GET /oauth/authenticate", 'step 2, "Log in with X": signs in, asks once, then redirects at once'],
  ["GET /oauth/authorize", "step 2: always asks"],
  ["POST /oauth/access_token", "step 3: the verifier for an access token"],
  ["GET /1.1/account/verify_credentials.json", "the signed-in user (v1.1)"],
  ["POST /1.1/oauth/invalidate_token", "revokes the access token that signs it"],
  ["POST /1.1/statuses/update.json", "posts a status (form body)"],
  ["GET /2/users/me", "the signed-in user (v2)"],
  ["POST /2/tweets", "posts (JSON body)"],
];

const CONTROL: ReadonlyArray<readonly [string, string, string]> = [
  ["POST /_fake/approve", "oauth_token, optional screen_name", "200: the callback URL, or the PIN for oob"],
  ["POST /_fake/deny", "oauth_token", "200: the callback URL with denied"],
  ["POST /_fake/revoke", "oauth_token (an access token)", "204"],
  [
    "POST /_fake/fail",
    "status, code, message, path, times, delay_ms, drop, date_skew_seconds",
    "204: the next matching answers fail as X does",
  ],
  ["POST /_fake/reset", "", "204: tokens, sessions, nonces, rate limits and failures forgotten"],
];

function rows(cells: ReadonlyArray<ReadonlyArray<string>>, code: number): string {
  return cells
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td>${i < code ? `<code>${escapeHtml(cell)}</code>` : escapeHtml(cell)}</td>`).join("")}</tr>`,
    )
    .join("\n");
}

/** The index page of the fake. @internal */
export function homePage(state: FakeState, origin: string): Response {
  const apps = [...state.consumers.values()].map((c) => [c.key, c.name ?? c.key]);
  const users = state.users.map((u) => [`@${u.screenName}`, u.name]);
  return htmlPage(
    state.now(),
    200,
    "Fake X",
    `<h1>Fake X</h1>
<p>An X (Twitter) OAuth 1.0a provider for tests: it checks every signature as X does and answers X's
own errors, with no network and no account. Point your app at <code>${escapeHtml(origin)}</code>
instead of <code>https://api.x.com</code>.</p>
<h2>Endpoints</h2>
<table>
${rows(ENDPOINTS, 1)}
</table>
<h2>Control API, for tests in any language</h2>
<p>Form or JSON bodies; errors are 4xx with a plain-text explanation.</p>
<table>
${rows(CONTROL, 2)}
</table>
<h2>Apps</h2>
<table>
${rows(apps, 1)}
</table>
<h2>Users</h2>
<table>
${rows(users, 1)}
</table>
<p>Sign in on the pages with a user's screen name and password.${state.strict ? " Strict mode: RFC 5849 3.2 to the letter." : ""}</p>`,
  );
}
