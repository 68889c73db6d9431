import { TwitterOAuthError } from "../common/errors.js";
import { apiUrl } from "../common/api-url.js";
import { encodeAs } from "../oauth1/percent-encode.js";
import { badArgument } from "../common/describe.js";
import { isFormContentType } from "../oauth1/form.js";
import { type CallbackInput, parseCallback, type SkipTokenCheck, tokenOf } from "./callback.js";
import { checkCallbackOption, resolveOptions } from "./options.js";
import {
  type Answer,
  BODY_LIMIT,
  invalidResponse,
  send,
  sendRaw,
  type SignedCall,
  tokenAnswer,
  type TransportContext,
} from "./transport.js";
import { checkPair } from "./token-pair.js";
import type { AccessToken, RequestToken, TokenPair, TwitterOAuthOptions, TwitterUser } from "./types.js";

/** Options of {@link TwitterOAuth.getRequestToken}. */
export interface RequestTokenOptions {
  /** Overrides the client's `callbackUrl` for this sign-in: an absolute URL or `"oob"`. */
  callbackUrl?: string;
  /** `x_auth_access_type`: ask for less than the app's permission (X API reference, request_token). */
  accessType?: "read" | "write";
  /** Aborts the request; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of {@link TwitterOAuth.buildAuthenticateUrl} and {@link TwitterOAuth.buildAuthorizeUrl}. */
export interface AuthorizeUrlOptions {
  /** `force_login=true`: X asks for credentials even when someone is signed in. */
  forceLogin?: boolean;
  /** `screen_name`: prefills the username box of X's login form. */
  screenName?: string;
}

/** Options of the calls that take only an abort signal. */
export interface CallOptions {
  /** Aborts the request; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of {@link TwitterOAuth.verifyCredentials}. */
export interface VerifyCredentialsOptions extends CallOptions {
  /** `include_email=true`: needs the "Request email address" app permission. */
  includeEmail?: boolean;
}

/** `init` of {@link TwitterOAuth.fetch}: a `RequestInit` plus the user's token. */
export interface SignedFetchInit extends RequestInit {
  /** The access token to act with; omit for app-only OAuth 1.0a calls. */
  token?: TokenPair;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/** Largest JSON answer read (a verify_credentials user is a few KB). */
const JSON_LIMIT = 16 * BODY_LIMIT;
const VERIFY = "/1.1/account/verify_credentials.json";

/**
 * "Log in with X" over OAuth 1.0a: the three legs, the callback check, signed API calls.
 *
 * @example
 * ```ts
 * import { TwitterOAuth } from "twitter-oauth1";
 * const x = new TwitterOAuth({
 *   consumerKey: "your-api-key",
 *   consumerSecret: "your-api-key-secret",
 *   callbackUrl: "https://example.com/callback",
 * });
 * // Step 1, then send the browser to X:
 * const requestToken = await x.getRequestToken();
 * const location = x.buildAuthenticateUrl(requestToken);
 * // Step 3, on https://example.com/callback?oauth_token=…&oauth_verifier=…:
 * const callbackUrl = "https://example.com/callback?oauth_token=t&oauth_verifier=v";
 * const { verifier } = x.parseCallback(callbackUrl, requestToken);
 * const accessToken = await x.exchangeVerifier(requestToken, verifier);
 * ```
 */
export class TwitterOAuth {
  /** The checked options and what the client learns (X's clock), shared with the transport. */
  readonly #context: TransportContext;

  /**
   * Creates a client for one X app. Checks every option at once; nothing is sent until a call.
   *
   * @param options - consumer key and secret (both required), and optional callback, base URL, allowed origins, fetch, timeout, clock and nonce.
   * @throws TypeError on a missing or malformed option, naming it.
   */
  constructor(options: TwitterOAuthOptions) {
    const resolved = resolveOptions(options);
    this.#context = { ...resolved, offsetMs: 0, origin: new URL(resolved.baseUrl).origin };
    // Node's util.inspect and console.log show the same redacted summary. Defined here rather than
    // as a computed class member, which bundlers must keep as a side effect (it cost every
    // tree-shaken import the whole client).
    Object.defineProperty(this, INSPECT, { value: (): string => `TwitterOAuth ${JSON.stringify(this.toJSON())}` });
  }

  /** The API base URL in use, without a trailing slash. */
  get baseUrl(): string {
    return this.#context.baseUrl;
  }

  /** The default callback of `getRequestToken` (an absolute URL or `"oob"`), or `undefined` when none was set. */
  get callbackUrl(): string | undefined {
    return this.#context.callbackUrl;
  }

  /**
   * X's clock minus this machine's, in ms, as learnt from the `Date` header of a 401 (code 135, or
   * a `Date` over a minute off) from the `baseUrl` origin; 0 until then, and never beyond ±24 hours.
   */
  get clockOffset(): number {
    return this.#context.offsetMs;
  }

  /** Sends one of the client's own calls: `path` names the endpoint in messages, `query` is signed too. */
  #send<T>(
    method: string,
    path: string,
    query: string,
    call: Partial<SignedCall>,
    limit: number,
    consume: (answer: Answer, endpoint: string) => T,
  ): Promise<T> {
    const url = new URL(this.#context.baseUrl + path + query);
    // The spread last, as in the transport: `call` holds none of these names.
    return send(this.#context, { method, url, endpoint: `${method} ${path}`, ...call }, limit, consume);
  }

  /** Step 1 or 3: a token endpoint's form answer; `advice` ends the message when it lacks the token. */
  #token(path: string, query: string, call: Partial<SignedCall>, advice: string): Promise<URLSearchParams> {
    return this.#send("POST", path, query, call, BODY_LIMIT, (answer, endpoint) =>
      tokenAnswer(answer, endpoint, advice),
    );
  }

  /** verify_credentials and invalidate_token: signed with the user's token, answered in JSON. */
  #json(method: string, path: string, query: string, accessToken: TokenPair, options: CallOptions): Promise<unknown> {
    const call = { token: checkPair(accessToken, "accessToken"), signal: options.signal };
    return this.#send(method, path, query, call, JSON_LIMIT, ({ response, text }, endpoint) => {
      try {
        return text === "" ? undefined : JSON.parse(text);
      } catch {
        throw invalidResponse(endpoint, response.status, "with a body that is not JSON");
      }
    });
  }

  /**
   * Step 1: `POST oauth/request_token`. Sends `oauth_callback` in the signed header and
   * `x_auth_access_type` as a signed query parameter, and requires `oauth_callback_confirmed=true`.
   *
   * @throws TypeError when no callback is set; TwitterOAuthError `HTTP_ERROR` (e.g. code 415: the callback is not
   *   registered), `CALLBACK_NOT_CONFIRMED`, `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async getRequestToken(options: RequestTokenOptions = {}): Promise<RequestToken> {
    const callback = options.callbackUrl ?? this.#context.callbackUrl;
    if (callback === undefined) {
      throw new TypeError('callbackUrl is required: set it in the options or in getRequestToken ("oob" for a PIN)');
    }
    checkCallbackOption(callback, "callbackUrl");
    const { accessType } = options;
    if (accessType !== undefined && accessType !== "read" && accessType !== "write") {
      badArgument("options.accessType", '"read" or "write"');
    }
    const query = accessType ? `?x_auth_access_type=${accessType}` : "";
    const fields = await this.#token(
      "/oauth/request_token",
      query,
      { callback, signal: options.signal },
      "check baseUrl",
    );
    if (fields.get("oauth_callback_confirmed") !== "true") {
      throw new TwitterOAuthError(
        "CALLBACK_NOT_CONFIRMED",
        "POST /oauth/request_token answered without oauth_callback_confirmed=true; do not continue (RFC 5849 2.1)",
        { status: 200, endpoint: "POST /oauth/request_token" },
      );
    }
    return {
      token: fields.get("oauth_token")!,
      tokenSecret: fields.get("oauth_token_secret")!,
      callbackConfirmed: true,
    };
  }

  #authUrl(path: string, requestToken: RequestToken | string, options: AuthorizeUrlOptions): string {
    const token = tokenOf(requestToken);
    if (token === undefined) {
      badArgument(`requestToken`, `a RequestToken or its token string`, requestToken);
    }
    let url = this.#context.baseUrl + path + "?oauth_token=" + encodeAs(token, "requestToken");
    if (options.forceLogin) url += "&force_login=true";
    if (options.screenName !== undefined) {
      // encodeAs checks the type too ("options.screenName must be a string, got …"); "" adds nothing.
      const screenName = encodeAs(options.screenName, "options.screenName");
      if (screenName) url += "&screen_name=" + screenName;
    }
    return url;
  }

  /**
   * Step 2 for "Log in with X": the `oauth/authenticate` URL to redirect the browser to. A user who
   * already approved the app comes straight back (with "Sign in with X" enabled for the app).
   *
   * @param requestToken - the request token, or its token string.
   * @param options - `forceLogin` and `screenName`.
   * @returns the URL; pure and synchronous.
   */
  buildAuthenticateUrl(requestToken: RequestToken | string, options: AuthorizeUrlOptions = {}): string {
    return this.#authUrl("/oauth/authenticate", requestToken, options);
  }

  /**
   * Step 2 when the user must always see the consent page (and for desktop apps): the
   * `oauth/authorize` URL.
   *
   * @param requestToken - the request token, or its token string.
   * @param options - `forceLogin` and `screenName`.
   * @returns the URL; pure and synchronous.
   */
  buildAuthorizeUrl(requestToken: RequestToken | string, options: AuthorizeUrlOptions = {}): string {
    return this.#authUrl("/oauth/authorize", requestToken, options);
  }

  /**
   * Reads the callback of step 2 (X docs: "Log in with X", step 2): `oauth_token` and
   * `oauth_verifier` from the query. The callback's token must be `requestToken`'s (compared in
   * constant time) unless `{ skipTokenCheck: true }` is passed, as X asks: "Your application should verify that the token matches
   * the request token received in step 1." Needs no network and no secret.
   *
   * @param input - the callback URL (absolute or a path), a bare query string, a `URL`, `URLSearchParams` or a `Request`.
   * @param requestToken - the request token of this sign-in (or its token string), to check the callback against, or
   *   `{ skipTokenCheck: true }` when the caller checks the token itself.
   * @returns the token and the verifier to pass to `exchangeVerifier`.
   * @throws TwitterOAuthError `AUTHORIZATION_DENIED` (the user pressed Cancel: `denied=…`), `INVALID_CALLBACK`
   *   (no token or verifier), `TOKEN_MISMATCH` (another sign-in's token, or a replay).
   * @throws TypeError when `requestToken` is missing.
   *
   * @example
   * ```ts
   * import { TwitterOAuth } from "twitter-oauth1";
   * const x = new TwitterOAuth({ consumerKey: "key", consumerSecret: "secret" });
   * const requestToken = { token: "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0", tokenSecret: "veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI", callbackConfirmed: true };
   * const callback = "https://app.example/sign-in-with-x/?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_verifier=uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY";
   * const { verifier } = x.parseCallback(callback, requestToken); // "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY"
   * // With another request token it throws TOKEN_MISMATCH; with ?denied=… it throws AUTHORIZATION_DENIED.
   * ```
   */
  parseCallback(
    input: CallbackInput,
    requestToken: RequestToken | string | SkipTokenCheck,
  ): {
    /** `oauth_token` from the callback (the request token of this sign-in). */
    token: string;
    /** `oauth_verifier` from the callback: pass it to `exchangeVerifier`. */
    verifier: string;
  } {
    return parseCallback(input, requestToken);
  }

  /**
   * Step 3: `POST oauth/access_token`, signed with the consumer secret and the request-token secret,
   * `oauth_verifier` included. A PIN from the `oob` flow is the verifier.
   *
   * @param requestToken - the request token (and its secret) from step 1.
   * @param verifier - `oauth_verifier` from the callback, or the PIN the user typed.
   * @throws TwitterOAuthError `HTTP_ERROR` (a used or expired token, a wrong verifier), `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async exchangeVerifier(requestToken: TokenPair, verifier: string, options: CallOptions = {}): Promise<AccessToken> {
    const token = checkPair(requestToken, "requestToken");
    if (typeof verifier !== "string" || verifier.trim() === "") {
      badArgument("verifier", "the callback's oauth_verifier or the PIN, not empty");
    }
    const call = { token, verifier: verifier.trim(), signal: options.signal };
    const fields = await this.#token("/oauth/access_token", "", call, "start the sign-in again");
    return {
      token: fields.get("oauth_token")!,
      tokenSecret: fields.get("oauth_token_secret")!,
      userId: fields.get("user_id") ?? "",
      screenName: fields.get("screen_name") ?? "",
    };
  }

  /**
   * Who signed in: `GET account/verify_credentials` (X API v1.1) with the access token.
   *
   * @param accessToken - the user's access token and secret.
   * @param options - `includeEmail` (needs the app permission) and a signal.
   * @returns X's user object; use `id_str` for the id.
   * @throws TwitterOAuthError `HTTP_ERROR` (code 89: the token was revoked), `INVALID_RESPONSE`, `NETWORK_ERROR`, `TIMEOUT`.
   */
  async verifyCredentials(accessToken: TokenPair, options: VerifyCredentialsOptions = {}): Promise<TwitterUser> {
    const user = await this.#json(
      "GET",
      VERIFY,
      options.includeEmail ? "?include_email=true" : "",
      accessToken,
      options,
    );
    if (typeof (user as TwitterUser)?.id_str !== "string" || typeof (user as TwitterUser).screen_name !== "string") {
      throw invalidResponse(`GET ${VERIFY}`, 200, "without a user (id_str, screen_name)");
    }
    return user as TwitterUser;
  }

  /**
   * Revokes an access token: `POST oauth/invalidate_token` (X API v1.1), signed with that token.
   * Use it on sign-out.
   *
   * @param accessToken - the access token to revoke, and its secret.
   * @throws TwitterOAuthError `HTTP_ERROR` (code 89: already invalid), `NETWORK_ERROR`, `TIMEOUT`.
   */
  async invalidateToken(accessToken: TokenPair, options: CallOptions = {}): Promise<void> {
    await this.#json("POST", "/1.1/oauth/invalidate_token", "", accessToken, options);
  }

  /**
   * A signed `fetch` for any X API call. A path (`"/2/users/me"`) resolves against `baseUrl`. Query
   * parameters and a form body (`URLSearchParams`, or a string with the form content type) are signed;
   * JSON, multipart and binary bodies are sent unsigned, as RFC 5849 3.4.1.3.1 says. Resolves with the
   * `Response` as `fetch` does, whatever its status.
   *
   * It signs only for X: a URL must be of the `baseUrl` origin or one of `allowedOrigins`, and https
   * (plain http only on a loopback host). Redirects are not followed (`redirect: "manual"` unless
   * you pass another mode): a 3xx comes back as the `Response` (in a browser, an `opaqueredirect`
   * with status 0), since a signature is valid for its own URL only.
   *
   * @param input - a path or an absolute URL.
   * @param init - a `RequestInit`, plus `token` (the user's access token) to act as the user.
   * @throws TypeError for a URL of another origin, or plain http to a host that is not loopback;
   *   TwitterOAuthError `NETWORK_ERROR`, `TIMEOUT`; the caller's abort reason.
   *
   * @example
   * ```ts
   * import { TwitterOAuth } from "twitter-oauth1";
   * const x = new TwitterOAuth({ consumerKey: "key", consumerSecret: "secret" });
   * const token = { token: "access-token", tokenSecret: "access-token-secret" };
   * const me = await x.fetch("/2/users/me?user.fields=created_at", { token });
   * const posted = await x.fetch("/2/tweets", {
   *   method: "POST",
   *   token,
   *   headers: { "content-type": "application/json" },
   *   body: JSON.stringify({ text: "Hello from twitter-oauth1" }),
   * });
   * ```
   */
  async fetch(input: string | URL, init: SignedFetchInit = {}): Promise<Response> {
    const url = apiUrl(input, this.#context.baseUrl);
    // The request carries the user's token and a signature: only to X, only over TLS. The options
    // checked every origin allowed here (https, or http on a loopback host), so plain http to X
    // is refused as another origin.
    const { origin } = url;
    if (origin !== this.#context.origin && !this.#context.allowedOrigins.includes(origin)) {
      throw new TypeError(
        `input's origin ${origin} is not the baseUrl origin (${this.#context.origin}) nor in options.allowedOrigins`,
      );
    }
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    const method = (rest.method ?? "GET").toUpperCase();
    const { body } = rest;
    return sendRaw(this.#context, {
      method,
      url,
      endpoint: `${method} ${url.pathname}`,
      token: token === undefined ? undefined : checkPair(token, "init.token"),
      form:
        body instanceof URLSearchParams || (typeof body === "string" && isFormContentType(headers.get("content-type")))
          ? body
          : undefined,
      init: { ...rest, headers },
      signal: rest.signal ?? undefined,
    });
  }

  /** A redacted summary: never the consumer secret. */
  toJSON(): Record<string, unknown> {
    return {
      consumerKey: this.#context.consumerKey,
      consumerSecret: "[redacted]",
      baseUrl: this.#context.baseUrl,
      callbackUrl: this.#context.callbackUrl,
      timeout: this.#context.timeout,
    };
  }

  /** A redacted one-line description. */
  toString(): string {
    return `TwitterOAuth(${this.#context.consumerKey} @ ${this.#context.baseUrl})`;
  }
}
