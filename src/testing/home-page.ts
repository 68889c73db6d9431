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
  ["GET /i/oauth2/authorize", "OAuth 2.0 sign-in with PKCE: redirects with code and state"],
  ["POST /2/oauth2/token", "OAuth 2.0: the code, refresh_token and 1.0a token-exchange grants"],
  ["POST /2/oauth2/revoke", "OAuth 2.0: revokes an access or refresh token"],
];

const CONTROL: ReadonlyArray<readonly [string, string, string]> = [
  ["POST /_fake/approve", "oauth_token, optional screen_name", "200: the callback URL, or the PIN for oob"],
  ["POST /_fake/deny", "oauth_token", "200: the callback URL with denied"],
  ["POST /_fake/approve", "authorize_url, optional screen_name", "200: the redirect_uri with code and state"],
  ["POST /_fake/deny", "authorize_url", "200: the redirect_uri with error=access_denied and state"],
  ["POST /_fake/revoke", "oauth_token (an access token)", "204"],
  ["POST /_fake/expire", "token (an OAuth 2.0 access token)", "204: it is expired from now on"],
  [
    "POST /_fake/fail",
    "status, code, error, message, path, times, delay_ms, drop, date_skew_seconds, resetSeconds",
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
  const clients = [...state.oauth2.clients.values()].map((c) => [
    c.clientId,
    `${c.clientSecret === undefined ? "public" : "confidential"} client of ${c.consumerKey}`,
  ]);
  return htmlPage(
    state.now(),
    200,
    "Fake X",
    `<h1>Fake X</h1>
<p>An X (Twitter) OAuth 1.0a and OAuth 2.0 provider for tests: it checks every signature as X does and answers X's
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
<h2>OAuth 2.0 clients</h2>
<table>
${rows(clients, 1)}
</table>
<h2>Users</h2>
<table>
${rows(users, 1)}
</table>
<p>Sign in on the pages with a user's screen name and password.${state.strict ? " Strict mode: RFC 5849 3.2 to the letter." : ""}</p>`,
  );
}
