/** The temporary credentials of step 1 (`POST oauth/request_token`). Keep `tokenSecret` secret until step 3. */
export interface RequestToken {
  /** `oauth_token`: goes into the authenticate URL and comes back in the callback. */
  token: string;
  /** `oauth_token_secret`: needed to sign step 3; never send it to the browser in the clear. */
  tokenSecret: string;
  /** `oauth_callback_confirmed`: always `true` here, since the client refuses anything else. */
  callbackConfirmed: boolean;
}

/** The user's token credentials from step 3 (`POST oauth/access_token`). They do not expire. */
export interface AccessToken {
  /** `oauth_token`: the access token. */
  token: string;
  /** `oauth_token_secret`: the access token secret. */
  tokenSecret: string;
  /** `user_id`, as a string (X ids are 64-bit); `""` if X left it out (its Log-in guide example does). */
  userId: string;
  /** `screen_name`; `""` if X left it out. */
  screenName: string;
}

/** A token and its secret: what signs a request on a user's behalf. */
export interface TokenPair {
  /** The token (`oauth_token`). */
  token: string;
  /** Its secret. */
  tokenSecret: string;
}

/**
 * The user object of `GET account/verify_credentials` (X API v1.1), with X's own field names. Only
 * the fields every answer has are required; the rest are kept as X sent them.
 */
export interface TwitterUser {
  /** The id as a number: unsafe above 2^53, use `id_str`. */
  id: number;
  /** The id as a string (X: "Always use string IDs"). */
  id_str: string;
  /** The display name. */
  name: string;
  /** The handle, without "@". */
  screen_name: string;
  /** With `includeEmail`: the address, or `null` when the user has none or it is unverified. */
  email?: string | null;
  /** The avatar over https. */
  profile_image_url_https?: string;
  /** Whether the account is protected. */
  protected?: boolean;
  /** Whether the account is verified. */
  verified?: boolean;
  /** Creation date, as X formats it ("Wed Oct 10 20:19:24 +0000 2018"). */
  created_at?: string;
  /** Every other field X sent. */
  [field: string]: unknown;
}

/** Options of {@link TwitterOAuth}'s constructor. */
export interface TwitterOAuthOptions {
  /** The app's API key (consumer key). */
  consumerKey: string;
  /** The app's API key secret (consumer secret). Never sent, never shown in errors or logs. */
  consumerSecret: string;
  /** Default callback for `getRequestToken`: an absolute URL registered in the app settings, or `"oob"` for the PIN flow. */
  callbackUrl?: string;
  /** Default `"https://api.x.com"`. Must be https, except for loopback hosts (tests, the fake X). */
  baseUrl?: string;
  /**
   * Other origins {@link TwitterOAuth.fetch} may sign requests for, besides the `baseUrl` origin,
   * which is the only one by default: a URL of any other origin is refused before anything is sent,
   * so the user's access token and a signature never reach a host you did not name. X serves some
   * OAuth 1.0a APIs elsewhere: `"https://upload.twitter.com"` (v1.1 `POST media/upload`) and
   * `"https://ads-api.x.com"` (the X Ads API). Each entry is an origin only (scheme, host, port),
   * https, or http on a loopback host, like `baseUrl`.
   */
  allowedOrigins?: readonly string[];
  /**
   * The fetch to use; default `globalThis.fetch`, looked up at each call (so msw and other patches
   * apply). Any function with fetch's call signature: `(input, init) => fake.fetch(new Request(input, init))`
   * type-checks even where `typeof fetch` carries extra members (Bun's has `preconnect`).
   */
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Per-request timeout in ms, default 10,000; `false` for none. */
  timeout?: number | false;
  /** The clock in ms, default `Date.now`; tests pin it. */
  now?: () => number;
  /** The nonce source, default 30 random hex digits (114 bits); tests pin it. */
  nonce?: () => string;
}
