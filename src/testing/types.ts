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

/** Options of {@link createFakeTwitter}. */
export interface FakeTwitterOptions {
  /** The registered apps. Default: `[defaultConsumer]`. */
  consumers?: FakeConsumer[];
  /** The user accounts. Default: `[defaultUser]`. */
  users?: FakeUser[];
  /** The clock in milliseconds since the epoch. Default: `Date.now`. Tests pin it. */
  now?: () => number;
  /** How far `oauth_timestamp` may be from `now()`, in seconds, before 401 code 135. Default 300. */
  timestampWindowSeconds?: number;
  /** How long a request token lives before it is approved and exchanged, in seconds. Default 900. */
  requestTokenTtlSeconds?: number;
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
   * It never throws and never answers 500: bad input gets X's 4xx answers.
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
  /** Revokes an access token, as if the user removed the app: later calls get 401 code 89. */
  revoke(accessToken: string): void;
}
