import { TwitterOAuthError } from "../common/errors.js";
import { apiUrl } from "../common/api-url.js";
import { percentEncode } from "../oauth1/percent-encode.js";
import { describe } from "../common/describe.js";
import type { CallbackInput } from "../twitter/callback.js";
import { checkPair } from "../twitter/token-pair.js";
import { isSecureOrLoopback } from "../twitter/options.js";
import { BODY_LIMIT } from "../twitter/transport.js";
import type { TokenPair } from "../twitter/types.js";
import { parseOAuth2Callback } from "./callback.js";
import { checkScopes, type ResolvedOAuth2Options, resolveOAuth2Options } from "./options.js";
import { createCodeChallenge, isCodeVerifier, randomToken } from "./pkce.js";
import { readTokens } from "./token-response.js";
import { call, callRaw, formRequest, type OAuth2Call } from "./transport.js";
import type { Grant } from "./token-error.js";
import type {
  Authorization,
  AuthorizationOptions,
  BearerFetchInit,
  ExchangeOptions,
  OAuth2CallOptions,
  OAuth2Tokens,
  TwitterOAuth2Options,
  XUser,
} from "./types.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/** Largest JSON answer read (a users/me answer is under a KB, with every user.fields a few KB). */
const JSON_LIMIT = 16 * BODY_LIMIT;
/** RFC 8693 2.1 grant type, as docs.x.com "oauth-1-0a-token-exchange" sends it. */
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
/** X's subject token type for an OAuth 1.0a access token (docs.x.com "oauth-1-0a-token-exchange"). */
const OAUTH1_TOKEN = "urn:x:params:oauth:token-type:oauth1_token";
/** RFC 6749 10.12 wants state unguessable: 22 base64url characters carry 128 bits. */
const MIN_STATE = 22;

function nonEmpty(value: unknown, what: string, advice: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(
      `${what} must be a non-empty string (${advice}), got ${value === "" ? "an empty string" : describe(value)}`,
    );
  }
  return value;
}

function accessTokenOf(value: OAuth2Tokens | string, what: string): string {
  const token = typeof value === "object" && value !== null ? value.accessToken : value;
  if (typeof token !== "string" || token === "") {
    throw new TypeError(`${what} must be OAuth2Tokens or a non-empty access token string, got ${describe(value)}`);
  }
  return token;
}

/**
 * The way off OAuth 1.0a: an OAuth 2.0 client for X. Trades a stored OAuth 1.0a token for an
 * OAuth 2.0 pair (docs.x.com "oauth-1-0a-token-exchange"), refreshes and revokes tokens, signs users
 * in with the Authorization Code Flow and PKCE S256 (docs.x.com "OAuth 2.0 Authorization Code Flow
 * with PKCE"), and calls the API with a Bearer token, on the 1.0a client's transport rules:
 * timeouts, capped reads, no redirects, https only (but loopback).
 *
 * @example
 * ```ts
 * import { TwitterOAuth2 } from "twitter-oauth1/oauth2";
 * const x = new TwitterOAuth2({ clientId: "your-client-id", clientSecret: "your-client-secret" });
 * // Once per stored OAuth 1.0a user, server side:
 * const tokens = await x.exchangeOAuth1Token({ token: "1.0a-access-token", tokenSecret: "its-secret" });
 * // Store tokens.refreshToken at once: it is single use. Two hours later:
 * const next = await x.refresh(tokens.refreshToken!);
 * const me = await x.me(next); // the user: me.id, me.name, me.username
 * ```
 */
export class TwitterOAuth2 {
  readonly #options: ResolvedOAuth2Options;

  /**
   * Creates a client for one X app's OAuth 2.0 client. Checks every option at once; nothing is sent until a call.
   *
   * @param options - the OAuth 2.0 client id (required), its secret for a confidential client, and
   *   optional callback, scopes, base URL, authorize URL, fetch, timeout and clock.
   * @throws TypeError on a missing or malformed option, naming it.
   */
  constructor(options: TwitterOAuth2Options) {
    this.#options = resolveOAuth2Options(options);
    // Defined here rather than as a computed class member, which bundlers keep as a side effect.
    Object.defineProperty(this, INSPECT, { value: (): string => `TwitterOAuth2 ${JSON.stringify(this.toJSON())}` });
  }

  /** The token endpoint's and the API's base URL, without a trailing slash. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** The OAuth 2.0 client id (public: it is in every authorize URL). */
  get clientId(): string {
    return this.#options.clientId;
  }

  /** `redirect_uri` for sign-in, as given; undefined when the client was made without one. */
  get callbackUrl(): string | undefined {
    return this.#options.callbackUrl;
  }

  /** Whether the client authenticates with a secret (a confidential client) or not (a public client). */
  get confidential(): boolean {
    return this.#options.clientSecret !== undefined;
  }

  #url(path: string): URL {
    return new URL(this.#options.baseUrl + path);
  }

  async #token(
    grant: Grant,
    fields: readonly (readonly [string, string])[],
    asked: readonly string[],
    secrets: readonly (string | undefined)[],
    signal: AbortSignal | undefined,
  ): Promise<OAuth2Tokens> {
    const endpoint = "POST /2/oauth2/token";
    const { init, authorization } = formRequest(this.#options, fields);
    const request: OAuth2Call = {
      method: "POST",
      url: this.#url("/2/oauth2/token"),
      endpoint,
      grant,
      init,
      signal,
      secrets: [this.#options.clientSecret, authorization, authorization?.slice(6), ...secrets],
    };
    const answer = await call(this.#options, request, BODY_LIMIT);
    return readTokens(answer, endpoint, this.#options.now(), asked);
  }

  /**
   * Trades a stored OAuth 1.0a access token and secret for an OAuth 2.0 pair for the same user,
   * without asking the user again (docs.x.com "oauth-1-0a-token-exchange"): `POST /2/oauth2/token`
   * with `grant_type=urn:ietf:params:oauth:grant-type:token-exchange`, `subject_token`,
   * `subject_token_type=urn:x:params:oauth:token-type:oauth1_token` and `oauth_token_secret`. The
   * 1.0a token stays valid. Exchanging it again returns a new pair and invalidates the previous one,
   * so never run two exchanges of one user at once.
   *
   * @param accessToken - the user's OAuth 1.0a access token and its secret.
   * @param options - `scopes`: a subset of what the 1.0a permission maps to; and a signal.
   * @returns the pair; it always has a refresh token (single use: store it).
   * @throws TypeError on a bad argument; TwitterOAuthError `HTTP_ERROR` (`oauthError`
   *   `invalid_grant`: revoked, invalid or another app's token, do not retry; `invalid_scope`;
   *   `invalid_client`; `rate_limited` with `rateLimit`; `temporarily_unavailable`: retry),
   *   `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async exchangeOAuth1Token(accessToken: TokenPair, options: ExchangeOptions = {}): Promise<OAuth2Tokens> {
    const pair = checkPair(accessToken, "accessToken");
    if (pair.tokenSecret === "") throw new TypeError("accessToken.tokenSecret must be a non-empty string");
    const scopes = options.scopes === undefined ? undefined : checkScopes(options.scopes, "options.scopes");
    const fields: [string, string][] = [
      ["grant_type", TOKEN_EXCHANGE],
      ["subject_token", pair.token],
      ["subject_token_type", OAUTH1_TOKEN],
      ["oauth_token_secret", pair.tokenSecret],
    ];
    if (scopes) fields.push(["scope", scopes.join(" ")]);
    return this.#token("exchange", fields, scopes ?? [], [pair.token, pair.tokenSecret], options.signal);
  }

  /**
   * Gets a fresh pair with a refresh token (docs.x.com "OAuth 2.0 Authorization Code Flow with
   * PKCE", refresh step; RFC 6749 6): `grant_type=refresh_token`. The refresh token is single use:
   * store the new one before anything else.
   *
   * @param refreshToken - the latest refresh token of the user.
   * @throws TypeError on a bad argument; TwitterOAuthError `HTTP_ERROR` (`invalid_grant`: already
   *   used or rotated, sign the user in again), `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async refresh(refreshToken: string, options: OAuth2CallOptions = {}): Promise<OAuth2Tokens> {
    nonEmpty(refreshToken, "refreshToken", "the refreshToken of the user's OAuth2Tokens");
    return this.#token(
      "refresh",
      [
        ["refresh_token", refreshToken],
        ["grant_type", "refresh_token"],
      ],
      [],
      [refreshToken],
      options.signal,
    );
  }

  /**
   * Revokes an access or a refresh token (RFC 7009; X: `POST /2/oauth2/revoke` with `token`). Use it
   * on sign-out. X answers 200 for a token that is already invalid (RFC 7009 2.2).
   *
   * @param token - an access token or a refresh token.
   * @throws TypeError on a bad argument; TwitterOAuthError `HTTP_ERROR`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async revoke(token: string, options: OAuth2CallOptions = {}): Promise<void> {
    nonEmpty(token, "token", "an access token or a refresh token");
    const { init, authorization } = formRequest(this.#options, [["token", token]]);
    await call(
      this.#options,
      {
        method: "POST",
        url: this.#url("/2/oauth2/revoke"),
        endpoint: "POST /2/oauth2/revoke",
        grant: "revoke",
        init,
        signal: options.signal,
        secrets: [this.#options.clientSecret, authorization, authorization?.slice(6), token],
      },
      BODY_LIMIT,
    );
  }

  /**
   * Starts a sign-in (docs.x.com "OAuth 2.0 Authorization Code Flow with PKCE", step 1): a fresh
   * code verifier (RFC 7636 4.1: 256 random bits, 43 characters), its S256 challenge (always S256,
   * never plain), a `state` of 256 random bits unless you give one, and X's authorize URL with
   * `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge` and
   * `code_challenge_method=S256`. Keep `state` and `codeVerifier` for the callback (the verifier
   * secret); send the browser to `url`.
   *
   * @param options - `scopes` for this sign-in (default: the client's), and your own `state`.
   * @throws TypeError when the client has no `callbackUrl`, or on a bad option.
   */
  async createAuthorization(options: AuthorizationOptions = {}): Promise<Authorization> {
    const redirectUri = this.#redirectUri();
    const scopes = options.scopes === undefined ? this.#options.scopes : checkScopes(options.scopes, "options.scopes");
    let state = options.state;
    if (state === undefined) state = randomToken();
    else if (typeof state !== "string" || state.length < MIN_STATE || !/^[\x21-\x7E]+$/.test(state)) {
      throw new TypeError(
        `options.state must be at least ${MIN_STATE} characters of printable ASCII without spaces, unpredictable (RFC 6749 10.12: 128 random bits or more); leave it out to get one`,
      );
    }
    const codeVerifier = randomToken();
    const challenge = await createCodeChallenge(codeVerifier);
    const query = [
      ["response_type", "code"],
      ["client_id", this.#options.clientId],
      ["redirect_uri", redirectUri],
      ["scope", scopes.join(" ")],
      ["state", state],
      ["code_challenge", challenge],
      ["code_challenge_method", "S256"],
    ]
      .map(([name, value]) => `${name}=${percentEncode(value!)}`)
      .join("&");
    return { url: `${this.#options.authorizeUrl}?${query}`, state, codeVerifier };
  }

  #redirectUri(): string {
    const redirectUri = this.#options.callbackUrl;
    if (redirectUri === undefined) {
      throw new TypeError(
        "callbackUrl is required for sign-in: pass it to new TwitterOAuth2({ callbackUrl }), exactly as registered in the app's settings",
      );
    }
    return redirectUri;
  }

  /**
   * Reads and checks the redirect back from X (RFC 6749 4.1.2): `state` must be this sign-in's
   * (compared in constant time), then `error` and `code` are read.
   *
   * @param input - the callback URL (absolute or a path), a bare query, a `URL`, `URLSearchParams` or a `Request`.
   * @param expectedState - the `state` that `createAuthorization` returned for this sign-in.
   * @returns the authorization code, for `exchangeCode`.
   * @throws TypeError when `expectedState` is not a non-empty string; TwitterOAuthError
   *   `TOKEN_MISMATCH` (another sign-in's state), `AUTHORIZATION_DENIED` (`error=access_denied`: the
   *   user pressed Cancel), `INVALID_CALLBACK` (no `state`, no `code`, or another `error`, whose code
   *   is in `oauthError`).
   */
  parseCallback(
    input: CallbackInput,
    expectedState: string,
  ): {
    /** The authorization code: pass it to `exchangeCode` with the sign-in's code verifier. */
    code: string;
  } {
    return parseOAuth2Callback(input, expectedState);
  }

  /**
   * Ends a sign-in: trades the code for a pair (docs.x.com "OAuth 2.0 Authorization Code Flow with
   * PKCE", step 3; RFC 7636 4.5): `grant_type=authorization_code` with `code`, `redirect_uri` and
   * `code_verifier`. A refresh token comes only with the `offline.access` scope.
   *
   * @param code - `code` from the callback (see `parseCallback`).
   * @param codeVerifier - the `codeVerifier` that `createAuthorization` returned for this sign-in.
   * @throws TypeError on a bad argument or without `callbackUrl`; TwitterOAuthError `HTTP_ERROR`
   *   (`invalid_grant`: a used or expired code, or another verifier), `INVALID_RESPONSE`,
   *   `NETWORK_ERROR`, `TIMEOUT`.
   */
  async exchangeCode(code: string, codeVerifier: string, options: OAuth2CallOptions = {}): Promise<OAuth2Tokens> {
    nonEmpty(code, "code", "the code from the callback");
    if (!isCodeVerifier(codeVerifier)) {
      throw new TypeError(
        "codeVerifier must be the codeVerifier that createAuthorization returned: 43 to 128 characters of letters, digits, '-', '.', '_' and '~' (RFC 7636 4.1)",
      );
    }
    const redirectUri = this.#redirectUri();
    return this.#token(
      "code",
      [
        ["code", code],
        ["grant_type", "authorization_code"],
        ["redirect_uri", redirectUri],
        ["code_verifier", codeVerifier],
      ],
      [],
      [code, codeVerifier],
      options.signal,
    );
  }

  /**
   * Who the token belongs to: `GET /2/users/me` (X API v2 "User lookup") with the Bearer token.
   *
   * @param accessToken - the user's tokens, or an access token string.
   * @returns X's `data` object: `{ id, name, username }`.
   * @throws TypeError on a bad argument; TwitterOAuthError `HTTP_ERROR` (401: the token expired or
   *   was revoked, refresh it), `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async me(accessToken: OAuth2Tokens | string, options: OAuth2CallOptions = {}): Promise<XUser> {
    const token = accessTokenOf(accessToken, "accessToken");
    const endpoint = "GET /2/users/me";
    const { response, text } = await call(
      this.#options,
      {
        method: "GET",
        url: this.#url("/2/users/me"),
        endpoint,
        grant: "api",
        init: { headers: { authorization: `Bearer ${token}` } },
        signal: options.signal,
        secrets: [token],
      },
      JSON_LIMIT,
    );
    const problem = (what: string): TwitterOAuthError =>
      new TwitterOAuthError("INVALID_RESPONSE", `${endpoint} answered ${response.status} ${what}; check baseUrl`, {
        status: response.status,
        endpoint,
      });
    if (text === undefined) throw problem(`with a body over ${JSON_LIMIT} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw problem("with a body that is not JSON");
    }
    const user = (body as { data?: unknown } | null)?.data as XUser | undefined;
    if (
      typeof user !== "object" ||
      user === null ||
      typeof user.id !== "string" ||
      typeof user.name !== "string" ||
      typeof user.username !== "string"
    ) {
      throw problem("without a user (data.id, data.name, data.username)");
    }
    return user;
  }

  /**
   * `fetch` with the user's Bearer token (RFC 6750 2.1), for any X API v2 call. A path
   * (`"/2/tweets"`) resolves against `baseUrl`. Resolves with the `Response` as `fetch` does,
   * whatever its status. The token goes to the `baseUrl` origin only, over https (plain http only
   * on a loopback host), and redirects are not followed (`redirect: "manual"`): a 3xx comes back as
   * the `Response`.
   *
   * @param input - a path or an absolute URL of the `baseUrl` origin.
   * @param init - a `RequestInit`, plus `token` (the user's tokens or an access token string).
   * @throws TypeError for a URL of another origin, plain http to a host that is not loopback, or a
   *   missing token; TwitterOAuthError `NETWORK_ERROR`, `TIMEOUT`; the caller's abort reason.
   *
   * @example
   * ```ts
   * import { TwitterOAuth2 } from "twitter-oauth1/oauth2";
   * const x = new TwitterOAuth2({ clientId: "your-client-id" });
   * const posted = await x.fetch("/2/tweets", {
   *   method: "POST",
   *   token: "an-access-token",
   *   headers: { "content-type": "application/json" },
   *   body: JSON.stringify({ text: "Hello from twitter-oauth1" }),
   * });
   * ```
   */
  async fetch(input: string | URL, init: BearerFetchInit): Promise<Response> {
    if (typeof init !== "object" || init === null) {
      throw new TypeError(`init must be an object with the user's token, got ${describe(init)}`);
    }
    const { token, ...rest } = init;
    const bearer = accessTokenOf(token, "init.token");
    const url = apiUrl(input, this.#options.baseUrl);
    if (!isSecureOrLoopback(url)) {
      throw new TypeError(
        `input must be an https: URL (plain http: only for loopback hosts), got ${url.protocol}//${url.host}: the request carries the user's token`,
      );
    }
    if (url.origin !== this.#options.origin) {
      throw new TypeError(
        `input's origin ${url.origin} is not the baseUrl origin (${this.#options.origin}); the client sends the user's token only there`,
      );
    }
    const headers = new Headers(rest.headers);
    headers.set("authorization", `Bearer ${bearer}`);
    const method = (rest.method ?? "GET").toUpperCase();
    return callRaw(this.#options, {
      method,
      url,
      endpoint: `${method} ${url.pathname}`,
      grant: "api",
      init: { ...rest, headers },
      signal: rest.signal ?? undefined,
      secrets: [bearer],
    });
  }

  /** A redacted summary: never the client secret. */
  toJSON(): Record<string, unknown> {
    return {
      clientId: this.#options.clientId,
      clientSecret: this.#options.clientSecret === undefined ? undefined : "[redacted]",
      baseUrl: this.#options.baseUrl,
      authorizeUrl: this.#options.authorizeUrl,
      callbackUrl: this.#options.callbackUrl,
      scopes: this.#options.scopes,
      timeout: this.#options.timeout,
    };
  }

  /** A redacted one-line description. */
  toString(): string {
    return `TwitterOAuth2(${this.#options.clientId} @ ${this.#options.baseUrl})`;
  }
}
