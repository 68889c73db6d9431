/** An app registered with the fake X (a "consumer" in RFC 5849 terms). */
export interface FakeConsumer {
  /** The API key (`oauth_consumer_key`). */
  key: string;
  /** The API key secret. */
  secret: string;
  /** The app name shown on the consent page. Default: the key. */
  name?: string;
  /**
   * The callback allow-list. X compares `oauth_callback` with each entry exactly (X developer-apps
   * docs: "an exact match"). `undefined` accepts any absolute URL or `"oob"`.
   */
  callbackUrls?: string[];
  /**
   * The "Use Sign in with X" setting. Default `true`; when `false`, `/oauth/authenticate` always
   * asks, like `/oauth/authorize` (X API reference, GET oauth/authenticate).
   */
  signInWithX?: boolean;
  /** A desktop app: only `oauth_callback=oob` is allowed, anything else answers 401 code 417. */
  desktop?: boolean;
}

/** A user account of the fake X. */
export interface FakeUser {
  /** The user id, a decimal string (X ids are 64-bit: "Always use string IDs", X docs "X IDs"). */
  id: string;
  /** The handle without "@", used to sign in on the login form. */
  screenName: string;
  /** The display name. */
  name: string;
  /** The verified email, returned by verify_credentials with `include_email=true`. */
  email?: string;
  /** The password for the fake's login form. */
  password: string;
}

/**
 * An OAuth 2.0 client of an app (X developer portal, "OAuth 2.0 Client ID and Client Secret"): one
 * app (consumer) has its OAuth 1.0a key and secret and, once OAuth 2.0 is set up, a client id.
 */
export interface FakeClient {
  /** The OAuth 2.0 Client ID (not the API key). */
  clientId: string;
  /**
   * The Client Secret of a confidential client, which authenticates with HTTP Basic (RFC 6749
   * 2.3.1). Omitted: a public client, which sends `client_id` in the body.
   */
  clientSecret?: string;
  /** The key of the app (consumer) this client belongs to: the token exchange takes only its tokens. */
  consumerKey: string;
  /**
   * The registered callback URLs; `redirect_uri` must be one of them exactly (X docs, OAuth 2.0
   * Authorization Code Flow with PKCE). `undefined` accepts any absolute http(s) URL.
   */
  redirectUris?: string[];
}

/** Options of {@link createFakeTwitter}. */
export interface FakeTwitterOptions {
  /** The registered apps. Default: `[defaultConsumer]`. */
  consumers?: FakeConsumer[];
  /**
   * The OAuth 2.0 clients, each of one of `consumers`. Default: a confidential client of the first
   * app: {@link defaultClient} when the apps are the default ones.
   */
  clients?: FakeClient[];
  /** The user accounts. Default: `[defaultUser]`. */
  users?: FakeUser[];
  /** The clock in milliseconds since the epoch. Default: `Date.now`. Tests pin it. */
  now?: () => number;
  /** How far `oauth_timestamp` may be from `now()`, in seconds, before 401 code 135. Default 300. */
  timestampWindowSeconds?: number;
  /** How long a request token lives before it is approved and exchanged, in seconds. Default 900. */
  requestTokenTtlSeconds?: number;
  /**
   * Refuse what X lets through but RFC 5849 3.2 does not: a protocol parameter sent in two places
   * with the same value (X's official SDK, twitter-api-v2's `login()`) and an `oauth_version` other
   * than `"1.0"` (npm `oauth` configured with `"1.0A"`). Default `false`: as lenient as X.
   */
  strict?: boolean;
  /**
   * The origin signatures are checked against, as well as the one the request arrived at, e.g.
   * `"https://api.x.com"` for clients that sign for X's host and reach the fake through a proxy or a
   * `fetch` override. Default: only the origin of `request.url`. The sign-in pages still link to the
   * origin they are served on.
   */
  origin?: string;
}

/**
 * An injected failure for {@link FakeTwitter.fail}: the next `times` requests to `path` answer as X
 * does when it fails, after an optional delay. Give at least one of `status`, `code`, `delayMs` or `drop`.
 *
 * | to test | options |
 * | --- | --- |
 * | a bad signature | `{ code: 32 }` (401) |
 * | a revoked token | `{ code: 89 }` (401) |
 * | a skewed clock | `{ code: 135 }` (401, `Date` 2 minutes ahead; see `dateSkewSeconds`) |
 * | a callback not on the allow-list | `{ code: 415 }` (403) |
 * | a desktop app that may only use `oob` | `{ code: 417 }` (401) |
 * | the rate limit | `{ code: 88 }` (429 with `x-rate-limit-limit`, `-remaining: 0` and `-reset`) |
 * | X over capacity | `{ status: 503 }` (an HTML page) |
 * | a slow answer | `{ delayMs: 5000 }` (then the normal answer) |
 * | a dropped connection | `{ drop: true }` (`Response.error()`; over HTTP the socket is destroyed) |
 */
export interface FailOptions {
  /**
   * The HTTP status, 400 to 599. Default: X's status for `code` (e.g. 88 is 429). A 5xx without a
   * `code` answers an HTML page, as X's front end does.
   */
  status?: number;
  /**
   * X's error code in a v1.1 JSON body, `{"errors":[{"code":…,"message":…}]}`. Default for a status
   * alone: 400 215, 401 32, 403 87, 404 34, 429 88. X's message is used for the codes of its table.
   */
  code?: number;
  /** The message of the error body. Default: X's text for `code`. */
  message?: string;
  /**
   * The OAuth 2.0 `error` of a failure on `/2/oauth2/token` or `/2/oauth2/revoke`, answered as
   * `{"error","error_description"}` (RFC 6749 5.2): `invalid_request`, `invalid_grant`, `invalid_scope`,
   * `invalid_client`, `unauthorized_client` (400), `rate_limited` (429), `temporarily_unavailable`
   * (503), `server_error` (500). Default for a status alone: 400 `invalid_request`, 401
   * `invalid_client`, 429 `rate_limited`, 503 `temporarily_unavailable`, other 5xx `server_error`.
   */
  error?: string;
  /**
   * For a 429: seconds from the fake's clock to the `x-rate-limit-reset` it reports, 0 to 86400, so a
   * test need not wait a window out. Default: the end of the endpoint's 15-minute window.
   */
  resetSeconds?: number;
  /**
   * The path of the endpoint to fail, exactly as requested (`"/2/users/me"`), any method. Default: any
   * API or token endpoint of the fake (not its sign-in pages, not `/_fake/`). A path the fake does not
   * serve is a TypeError (over HTTP, a 400) listing the ones it does.
   */
  path?: string;
  /** How many matching requests fail, 1 to 1000. Default 1. */
  times?: number;
  /** Wait this long before answering, 0 to 60000 ms. With no `status`, `code` or `drop`, the answer is the normal one. */
  delayMs?: number;
  /** Answer nothing: `Response.error()`, a network error; over HTTP the listener destroys the socket. */
  drop?: boolean;
  /**
   * How far the `Date` header of the failure is from the fake's clock, in seconds (-86400 to 86400).
   * Default 120 for code 135, 0 otherwise: a client can learn the offset from it (RFC 5849 3.3), and
   * since the fake's own clock has not moved, a retry with the corrected timestamp is still within
   * its window (300 s by default) and succeeds. A skew beyond the window makes the retry fail too.
   */
  dateSkewSeconds?: number;
}

/** Options of {@link FakeTwitter.approve}. */
export interface ApproveOptions {
  /** The user who approves. Default: the first user. */
  screenName?: string;
}

/** A running fake X: a Web-standard handler plus helpers for tests without a browser. */
export interface FakeTwitter {
  /**
   * Answers one request as X would: the OAuth endpoints, the sign-in pages and a few API endpoints.
   * Mount it in msw, `Deno.serve`, `Bun.serve`, a Workers `fetch` export or behind a Node adapter.
   * It never answers 500: bad input gets X's 4xx answers. Like `fetch`, it rejects with the
   * signal's reason when `request.signal` aborts before the answer (an injected delay, say), and
   * otherwise never rejects.
   */
  fetch(request: Request): Promise<Response>;
  /**
   * Approves a pending request token as a user, as if they pressed "Authorize app".
   * @returns the callback URL with `oauth_token` and `oauth_verifier`, or for an `oob` request
   *   token the 7-digit PIN.
   * @throws TypeError when the token is not a pending request token or the user is unknown.
   */
  approve(requestToken: string, options?: ApproveOptions): string;
  /**
   * Refuses a pending request token, as if the user pressed "Cancel".
   * @returns the callback URL with `denied=<token>` appended (RFC 5849 2.2 rules), or for an `oob`
   *   request token just `denied=<token>`.
   * @throws TypeError when the token is not a pending request token.
   */
  deny(requestToken: string): string;
  /**
   * Revokes an access token, as if the user removed the app: later calls get 401 code 89. An OAuth
   * 2.0 access or refresh token is revoked as `POST /2/oauth2/revoke` does (RFC 7009).
   */
  revoke(accessToken: string): void;
  /**
   * Expires an OAuth 2.0 access token from now on, as if its 7,200 seconds had passed: API calls with
   * it answer 401, and its refresh token still works. Over HTTP: `POST /_fake/expire` with `token`.
   * @throws TypeError when it is not a live OAuth 2.0 access token of this fake.
   */
  expire(accessToken: string): void;
  /**
   * Approves an OAuth 2.0 sign-in, as if the user pressed "Authorize app" on the page the app sent
   * them to (`authorizeUrl`, the whole `/i/oauth2/authorize?…` URL).
   * @returns the `redirect_uri` with `code` and `state`.
   * @throws TypeError when the URL is not a valid authorization request for a client of this fake.
   */
  approveAuthorization(authorizeUrl: string, options?: ApproveOptions): string;
  /**
   * Refuses an OAuth 2.0 sign-in, as if the user pressed "Cancel".
   * @returns the `redirect_uri` with `error=access_denied` and `state`.
   * @throws TypeError when the URL is not a valid authorization request for a client of this fake.
   */
  denyAuthorization(authorizeUrl: string): string;
  /**
   * Makes the next matching requests fail as X does (or answer late, or not at all), to test error
   * handling: see {@link FailOptions}. Failures queue up; each matching request takes the oldest.
   * Over HTTP: `POST /_fake/fail` with the same fields in snake case (`delay_ms`, `date_skew_seconds`).
   * @throws TypeError when an option is out of range.
   */
  fail(options: FailOptions): void;
  /**
   * Forgets every request token, access token, approval, sign-in session, nonce, rate-limit window
   * and injected failure; the apps and users stay. Over HTTP: `POST /_fake/reset`.
   */
  reset(): void;
}
