import {
  createTweetEndpoint,
  invalidateTokenEndpoint,
  statusUpdateEndpoint,
  usersMeEndpoint,
  verifyCredentialsEndpoint,
} from "./api-endpoints.js";
import type { IncomingRequest } from "./check-signed-request.js";
import { approve, deny, fail, reset, revoke } from "./control.js";
import { CONTROL_PREFIX, controlApi, crossSiteRefusal, foreignHostRefusal } from "./control-api.js";
import { defaultConsumer, defaultUser } from "./defaults.js";
import { type EndpointPath, failureResponse, sleep, takeFailure } from "./failures.js";
import { homePage } from "./home-page.js";
import { AUTHORIZE_PATH } from "./oauth2/authorization-request.js";
import { showAuthorization, submitAuthorization } from "./oauth2/authorize-pages.js";
import { resolveClients } from "./oauth2/clients-option.js";
import { approveAuthorization, denyAuthorization, expireAccessToken } from "./oauth2/control.js";
import { revokeEndpoint } from "./oauth2/revoke-endpoint.js";
import { OAUTH2_ENDPOINTS, oauth2FailureResponse } from "./oauth2/failures.js";
import { oauth2Error } from "./oauth2/responses.js";
import { createOAuth2State, pruneOAuth2 } from "./oauth2/store.js";
import { tokenEndpoint } from "./oauth2/token-endpoint.js";
import { showSignIn, submitSignIn } from "./sign-in-pages.js";
import { prune, type FakeState } from "./store.js";
import { accessTokenEndpoint, requestTokenEndpoint } from "./token-endpoints.js";
import type { FailOptions, FakeConsumer, FakeTwitter, FakeTwitterOptions, FakeUser } from "./types.js";
import { X_ERRORS, v2Problem, xError, xKnownError } from "./x-responses.js";
import { isFormContentType } from "../oauth1/form.js";
import { readBodyCapped } from "../common/read-capped.js";

/** Bodies beyond this are refused with 413 before they are read in full. */
const MAX_BODY_BYTES = 1024 * 1024;

type Handler = (state: FakeState, request: IncomingRequest) => Response | Promise<Response>;

// Paths and their methods. X answers 404 code 34 for a path or method it does not serve.
const ROUTES: Record<EndpointPath, Partial<Record<string, Handler>>> = {
  "/oauth/request_token": { POST: requestTokenEndpoint },
  "/oauth/access_token": { POST: accessTokenEndpoint },
  "/oauth/authenticate": { GET: (s, r) => showSignIn(s, r, "authenticate"), POST: submitSignIn },
  "/oauth/authorize": { GET: (s, r) => showSignIn(s, r, "authorize"), POST: submitSignIn },
  "/1.1/account/verify_credentials.json": { GET: verifyCredentialsEndpoint },
  "/1.1/oauth/invalidate_token": { POST: invalidateTokenEndpoint },
  "/1.1/oauth/invalidate_token.json": { POST: invalidateTokenEndpoint },
  "/1.1/statuses/update.json": { POST: statusUpdateEndpoint },
  "/2/users/me": { GET: usersMeEndpoint },
  "/2/tweets": { POST: createTweetEndpoint },
  "/2/oauth2/token": { POST: tokenEndpoint },
  "/2/oauth2/revoke": { POST: revokeEndpoint },
  [AUTHORIZE_PATH]: { GET: showAuthorization, POST: submitAuthorization },
};

function checkOptions(options: FakeTwitterOptions): void {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const { consumers, users, now, timestampWindowSeconds, requestTokenTtlSeconds } = options;
  if (consumers !== undefined) {
    if (!Array.isArray(consumers) || consumers.length === 0)
      throw new TypeError("options.consumers must be a non-empty array");
    for (const [i, c] of consumers.entries()) {
      if (typeof c?.key !== "string" || c.key === "")
        throw new TypeError(`options.consumers[${i}].key must be a non-empty string`);
      if (typeof c.secret !== "string" || c.secret === "")
        throw new TypeError(`options.consumers[${i}].secret must be a non-empty string`);
      if (
        c.callbackUrls !== undefined &&
        (!Array.isArray(c.callbackUrls) || c.callbackUrls.some((u) => typeof u !== "string"))
      ) {
        throw new TypeError(`options.consumers[${i}].callbackUrls must be an array of strings`);
      }
    }
  }
  if (users !== undefined) {
    if (!Array.isArray(users) || users.length === 0) throw new TypeError("options.users must be a non-empty array");
    for (const [i, u] of users.entries()) {
      if (typeof u?.id !== "string" || !/^[0-9]{1,20}$/.test(u.id))
        throw new TypeError(`options.users[${i}].id must be a decimal string`);
      for (const field of ["screenName", "name", "password"] as const) {
        if (typeof u[field] !== "string" || u[field] === "")
          throw new TypeError(`options.users[${i}].${field} must be a non-empty string`);
      }
    }
  }
  if (options.strict !== undefined && typeof options.strict !== "boolean")
    throw new TypeError("options.strict must be a boolean");
  if (options.origin !== undefined) originOf(options.origin);
  if (now !== undefined && typeof now !== "function")
    throw new TypeError("options.now must be a function returning milliseconds");
  for (const [name, value] of [
    ["timestampWindowSeconds", timestampWindowSeconds],
    ["requestTokenTtlSeconds", requestTokenTtlSeconds],
  ] as const) {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw new TypeError(`options.${name} must be a positive number of seconds`);
    }
  }
}

function originOf(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.pathname !== "/" ||
    url.search
  ) {
    throw new TypeError('options.origin must be an http(s) origin such as "https://api.x.com"');
  }
  return url.origin;
}

// The sign-in pages: a failure without a path is for API and token endpoints, not for these.
const PAGES = new Set(["/oauth/authenticate", "/oauth/authorize", AUTHORIZE_PATH]);

/** A call with an OAuth 2.0 token on an X API v2 endpoint, which X answers in v2's formats. */
function isBearerCall(url: URL, headers: Headers): boolean {
  return url.pathname.startsWith("/2/") && /^bearer /i.test(headers.get("authorization") ?? "");
}

/** 413 for a body over the limit, in the format of the endpoint and its caller. */
function tooLarge(now: number, url: URL, headers: Headers): Response {
  if (OAUTH2_ENDPOINTS.has(url.pathname))
    return oauth2Error(now, "invalid_request", "The request body is too large.", 413);
  if (isBearerCall(url, headers)) return v2Problem(now, 413);
  return xError(now, 413, 215, "Bad authentication data.");
}

async function readBody(request: Request): Promise<string | undefined> {
  if (request.body === null) return "";
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return undefined;
  const bytes = await readBodyCapped(request, MAX_BODY_BYTES);
  // Invalid UTF-8 becomes U+FFFD, so the signature check fails instead of throwing.
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

async function handle(state: FakeState, request: Request): Promise<Response> {
  const clock = state.now();
  // prune() runs at most once per clock second; the OAuth 2.0 memory is pruned on the same beat.
  if (!(clock >= state.lastPrune && clock - state.lastPrune < 1000)) pruneOAuth2(state.oauth2, clock);
  prune(state);
  const now = state.now();
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const realm = state.origin ?? url.origin;
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const refused =
      foreignHostRefusal(url, state.origin) ??
      crossSiteRefusal(request.headers, state.origin === undefined ? [url.origin] : [url.origin, state.origin]);
    if (refused !== undefined) {
      await request.body?.cancel().catch(() => undefined);
      return refused;
    }
    return controlApi(state, method, url, request.headers.get("content-type") ?? "", await readBody(request));
  }
  if (url.pathname === "/" && (method === "GET" || method === "HEAD")) return homePage(state, url.origin);
  const route = (ROUTES as Record<string, Partial<Record<string, Handler>> | undefined>)[url.pathname];
  const handler = route?.[method];
  if (handler === undefined) {
    await request.body?.cancel().catch(() => undefined);
    return xKnownError(now, X_ERRORS.pageNotFound);
  }
  const failure = takeFailure(state, url.pathname, PAGES.has(url.pathname));
  if (failure !== undefined) {
    await sleep(failure.delayMs, request.signal);
    const answer =
      OAUTH2_ENDPOINTS.has(url.pathname) && failure.status !== undefined && !failure.drop
        ? oauth2FailureResponse(state, { ...failure, status: failure.status }, request.headers)
        : failureResponse(state, failure, method, url.pathname, realm, isBearerCall(url, request.headers));
    if (answer !== undefined) {
      await request.body?.cancel().catch(() => undefined);
      return answer;
    }
  }
  const bodyText = await readBody(request);
  if (bodyText === undefined) return tooLarge(now, url, request.headers);
  const type = request.headers.get("content-type") ?? "";
  // RFC 5849 3.4.1.3.1: only a single-part body with this content type carries parameters.
  const isForm = isFormContentType(type);
  return handler(state, {
    method,
    url,
    headers: request.headers,
    form: isForm ? bodyText : null,
    bodyText,
    realm,
  });
}

/**
 * Creates a fake X: a Web-standard `fetch` handler that behaves like X's OAuth 1.0a endpoints and
 * sign-in pages, verifying every signature like X does, plus helpers for tests without a browser.
 * `createFakeTwitter()` alone works: it knows {@link defaultConsumer} and {@link defaultUser}.
 *
 * It does not care which origin it is mounted at: signatures are checked against `request.url` as
 * it arrives (and `options.origin`, if given), and its pages link to that origin. Endpoints: POST
 * /oauth/request_token, GET /oauth/authenticate and /oauth/authorize (and the form POST of their
 * pages), POST /oauth/access_token, GET /1.1/account/verify_credentials.json, POST
 * /1.1/oauth/invalidate_token, POST /1.1/statuses/update.json, GET /2/users/me and POST /2/tweets,
 * each API answer with X's `x-rate-limit-*` headers. OAuth 2.0 as X documents it: GET
 * /i/oauth2/authorize (PKCE sign-in), POST /2/oauth2/token (authorization code, refresh and X's
 * token exchange of a 1.0a token), POST /2/oauth2/revoke, and Bearer tokens on the /2/ endpoints.
 * `GET /` describes the fake; the control API under `/_fake/` (approve, deny, revoke, expire,
 * fail, reset) does over HTTP what the methods do.
 *
 * @param options - the apps, their OAuth 2.0 clients, the users, the clock, the time windows, strictness and origin.
 * @returns the fake, whose `fetch` never throws and never answers 500.
 * @throws TypeError when an option is malformed.
 *
 * @example
 * ```ts
 * import { TwitterOAuth } from "twitter-oauth1";
 * import { createFakeTwitter, defaultConsumer } from "twitter-oauth1/testing";
 *
 * const fake = createFakeTwitter();
 * const client = new TwitterOAuth({
 *   consumerKey: defaultConsumer.key,
 *   consumerSecret: defaultConsumer.secret,
 *   callbackUrl: "https://app.example/callback",
 *   baseUrl: "https://api.x.com",
 *   fetch: (input, init) => fake.fetch(new Request(input, init)),
 * });
 * const requestToken = await client.getRequestToken();
 * const callback = fake.approve(requestToken.token); // as if the user pressed "Authorize app"
 * const { verifier } = client.parseCallback(callback, requestToken);
 * const accessToken = await client.exchangeVerifier(requestToken, verifier);
 *
 * fake.fail({ code: 88, path: "/1.1/account/verify_credentials.json" }); // the next call: 429 code 88
 * ```
 */
export function createFakeTwitter(options: FakeTwitterOptions = {}): FakeTwitter {
  checkOptions(options);
  const consumers: FakeConsumer[] = (options.consumers ?? [defaultConsumer]).map((c) => ({ ...c }));
  const users: FakeUser[] = (options.users ?? [defaultUser]).map((u) => ({ ...u }));
  const clock = options.now ?? Date.now;
  const state: FakeState = {
    now: () => {
      const value = clock();
      return typeof value === "number" && Number.isFinite(value) ? value : Date.now();
    },
    windowSeconds: options.timestampWindowSeconds ?? 300,
    requestTokenTtlMs: (options.requestTokenTtlSeconds ?? 900) * 1000,
    consumers: new Map(consumers.map((c) => [c.key, c])),
    users,
    requestTokens: new Map(),
    accessTokens: new Map(),
    approvals: new Set(),
    sessions: new Map(),
    nonces: new Map(),
    tweetCounts: new Map(),
    lastPrune: Number.NEGATIVE_INFINITY,
    sequence: 0,
    strict: options.strict === true,
    origin: options.origin === undefined ? undefined : originOf(options.origin),
    failures: [],
    rateWindows: new Map(),
    oauth2: createOAuth2State(resolveClients(options.clients, consumers)),
  };

  return {
    async fetch(request: Request): Promise<Response> {
      try {
        if (!(request instanceof Request)) return xKnownError(state.now(), X_ERRORS.badAuthData);
        const response = await handle(state, request);
        // As fetch does: a request whose signal aborted (during an injected delay, say) rejects.
        if (request.signal?.aborted) throw request.signal.reason;
        return response;
      } catch {
        if (request instanceof Request && request.signal?.aborted) throw request.signal.reason;
        // Every input is meant to be answered above; this only keeps a bug from becoming a 500.
        const response = xKnownError(state.now(), X_ERRORS.badAuthData);
        response.headers.set("x-fake-twitter-error", "unexpected");
        return response;
      }
    },
    approve: (requestToken, approveOptions = {}) => approve(state, requestToken, approveOptions.screenName),
    deny: (requestToken) => deny(state, requestToken),
    revoke: (accessToken) => void revoke(state, accessToken),
    expire: (accessToken) => expireAccessToken(state, accessToken),
    approveAuthorization: (authorizeUrl, approveOptions = {}) =>
      approveAuthorization(state, authorizeUrl, approveOptions.screenName),
    denyAuthorization: (authorizeUrl) => denyAuthorization(state, authorizeUrl),
    fail: (failOptions: FailOptions) => fail(state, failOptions),
    reset: () => reset(state),
  };
}
