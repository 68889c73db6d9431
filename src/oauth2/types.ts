import type { TokenPair } from "../twitter/types.js";

/**
 * An OAuth 2.0 user token pair, as X's token endpoint issues it (RFC 6749 5.1). Store all of it:
 * the refresh token is single use, and every refresh or exchange returns a new one.
 */
export interface OAuth2Tokens {
  /** The access token, sent as `Authorization: Bearer …` (RFC 6750 2.1). X's live 2 hours. */
  accessToken: string;
  /**
   * The refresh token, when X issued one (with the `offline.access` scope; the OAuth 1.0a token
   * exchange always does). Single use: every refresh or exchange returns a new one; store it at once.
   */
  refreshToken?: string;
  /** When the access token expires, in ms since the epoch: the client's clock at the answer plus `expires_in`. */
  expiresAt: number;
  /** The scopes granted (X's `scope` field, split on spaces). */
  scopes: string[];
}

/**
 * The user of `GET /2/users/me` (X API v2 "User lookup": the `data` object), with X's own field
 * names. `id`, `name` and `username` are always there; other fields come with `user.fields`.
 */
export interface XUser {
  /** The user id, as a string (X ids are 64-bit). */
  id: string;
  /** The display name. */
  name: string;
  /** The handle, without "@". */
  username: string;
  /** Every other field X sent. */
  [field: string]: unknown;
}

/** Options of {@link TwitterOAuth2}'s constructor. */
export interface TwitterOAuth2Options {
  /** The app's OAuth 2.0 Client ID (developer portal, "Keys and tokens"): not the OAuth 1.0a API key. */
  clientId: string;
  /**
   * The OAuth 2.0 Client Secret of a confidential client, sent as HTTP Basic (RFC 6749 2.3.1).
   * Omit it for a public client (a native app or a single-page app): `client_id` then goes in the
   * body, as X documents. Never sent elsewhere, never shown in errors or logs.
   */
  clientSecret?: string;
  /** `redirect_uri` for sign-in: registered exactly in the app's settings (Callback URI). */
  callbackUrl?: string;
  /** Scopes of sign-in; default `["tweet.read", "users.read", "offline.access"]`. */
  scopes?: readonly string[];
  /** The token endpoint's and the API's base URL, default `"https://api.x.com"`; https only, except loopback hosts. */
  baseUrl?: string;
  /**
   * X's authorize page; default `"https://x.com/i/oauth2/authorize"`, or `${baseUrl}/i/oauth2/authorize`
   * when `baseUrl` is a loopback host (the fake X). https only, except loopback hosts.
   */
  authorizeUrl?: string;
  /**
   * The fetch to use; default `globalThis.fetch`, looked up at each call (so msw and other patches
   * apply). Any function with fetch's call signature.
   */
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Per-request timeout in ms, default 10,000; `false` for none. */
  timeout?: number | false;
  /** The clock in ms, default `Date.now`; `expiresAt` is computed with it. Tests pin it. */
  now?: () => number;
}

/** Options of the calls that take only an abort signal. */
export interface OAuth2CallOptions {
  /** Aborts the request; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of {@link TwitterOAuth2.exchangeOAuth1Token}. */
export interface ExchangeOptions extends OAuth2CallOptions {
  /**
   * Ask for fewer scopes than the OAuth 1.0a permission maps to (`scope`); X answers
   * `invalid_scope` for one beyond it. Default: all of them.
   */
  scopes?: readonly string[];
}

/** Options of {@link TwitterOAuth2.createAuthorization}. */
export interface AuthorizationOptions {
  /** Scopes for this sign-in; default the client's `scopes`. */
  scopes?: readonly string[];
  /**
   * Your own `state` (RFC 6749 10.12): at least 22 characters (128 bits as base64url) of
   * unpredictable printable ASCII. Default: 256 random bits as base64url.
   */
  state?: string;
}

/** What {@link TwitterOAuth2.createAuthorization} returns: where to send the browser, and what to keep. */
export interface Authorization {
  /** X's authorize URL with `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state` and the S256 challenge. */
  url: string;
  /** The `state` in the URL: keep it (a cookie keyed to the browser) and pass it to `parseCallback`. */
  state: string;
  /** The PKCE code verifier (RFC 7636 4.1): keep it secret (server side or sealed) until `exchangeCode`. */
  codeVerifier: string;
}

/** `init` of {@link TwitterOAuth2.fetch}: a `RequestInit` plus the user's token. */
export interface BearerFetchInit extends RequestInit {
  /** The user's tokens, or an access token string: sent as `Authorization: Bearer`. */
  token: OAuth2Tokens | string;
}

/** An OAuth 1.0a access token and its secret, as the token exchange takes them. */
export type OAuth1AccessToken = TokenPair;
