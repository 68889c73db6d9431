// Injected failures: the next matching requests answer as X does when it fails, late, or not at all.
import { failurePage } from "./html.js";
import { OAUTH2_ERROR_STATUS, oauth2ErrorOption } from "./oauth2/responses.js";
import { exhaustedStatus, setRateLimitHeaders } from "./rate-limits.js";
import type { FakeState, InjectedFailure } from "./store.js";
import type { FailOptions } from "./types.js";
import { DEFAULT_CODE_FOR_STATUS, X_CODES, v2Problem, xError } from "./x-responses.js";

/** The longest injected delay: every wait of the fake is bounded. @internal */
export const MAX_DELAY_MS = 60_000;
// Beyond the minute after which a client may suspect its clock, within the fake's default 300 s
// window: a client that corrects its clock from this Date (RFC 5849 3.3) and retries succeeds.
const DEFAULT_135_SKEW_SECONDS = 120;

/**
 * Every path the fake serves, in the order its docs list them: a failure can match only these (the
 * router's table is typed by this list, so the two cannot drift apart).
 * @internal
 */
export const ENDPOINT_PATHS = [
  "/oauth/request_token",
  "/oauth/access_token",
  "/oauth/authenticate",
  "/oauth/authorize",
  "/1.1/account/verify_credentials.json",
  "/1.1/oauth/invalidate_token",
  "/1.1/oauth/invalidate_token.json",
  "/1.1/statuses/update.json",
  "/2/users/me",
  "/2/tweets",
  "/2/oauth2/token",
  "/2/oauth2/revoke",
  "/i/oauth2/authorize",
] as const;

/** A path of {@link ENDPOINT_PATHS}. @internal */
export type EndpointPath = (typeof ENDPOINT_PATHS)[number];

function integerIn(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`fail: ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Checks and normalises {@link FailOptions}.
 * @throws TypeError naming the field when one is out of range or the combination means nothing.
 * @internal
 */
export function normalizeFailure(options: FailOptions): InjectedFailure {
  if (typeof options !== "object" || options === null) throw new TypeError("fail: options must be an object");
  const status = integerIn(options.status, "status", 400, 599);
  let code = integerIn(options.code, "code", 1, 99_999);
  const times = integerIn(options.times, "times", 1, 1000) ?? 1;
  const delayMs = integerIn(options.delayMs, "delayMs", 0, MAX_DELAY_MS) ?? 0;
  const skew = integerIn(options.dateSkewSeconds, "dateSkewSeconds", -86_400, 86_400);
  const resetSeconds = integerIn(options.resetSeconds, "resetSeconds", 0, 86_400);
  const error = oauth2ErrorOption(options.error);
  if (options.drop !== undefined && typeof options.drop !== "boolean")
    throw new TypeError("fail: drop must be a boolean");
  const drop = options.drop === true;
  if (options.message !== undefined && (typeof options.message !== "string" || options.message.length > 500)) {
    throw new TypeError("fail: message must be a string of at most 500 characters");
  }
  const path = options.path;
  // A path the fake does not serve would be queued and never fire: the test relying on it would
  // pass for the wrong reason, so it is refused with the list to choose from.
  if (path !== undefined && !(ENDPOINT_PATHS as readonly unknown[]).includes(path)) {
    const shown = typeof path === "string" ? JSON.stringify(path.slice(0, 200)) : typeof path;
    throw new TypeError(`fail: path ${shown} is not an endpoint of the fake; use one of: ${ENDPOINT_PATHS.join(", ")}`);
  }
  if (drop && (status !== undefined || code !== undefined || error !== undefined)) {
    throw new TypeError("fail: drop answers nothing, so it takes no status or code");
  }
  if (status === undefined && code === undefined && error === undefined && !drop && options.delayMs === undefined) {
    throw new TypeError("fail: give a status, a code, delayMs or drop");
  }
  let resolvedStatus = status ?? (error === undefined ? undefined : OAUTH2_ERROR_STATUS[error]);
  if (error !== undefined && resolvedStatus === undefined) {
    throw new TypeError(`fail: error ${error} has no status by default; give its status too`);
  }
  if (code !== undefined && resolvedStatus === undefined) {
    const known = X_CODES[code];
    if (known === undefined) throw new TypeError(`fail: code ${code} is not in X's error table; give its status too`);
    resolvedStatus = known[0];
  }
  if (status !== undefined && code === undefined && status < 500) {
    code = DEFAULT_CODE_FOR_STATUS[status];
    if (code === undefined) throw new TypeError(`fail: status ${status} has no X error code by default; give a code`);
  }
  return {
    status: resolvedStatus,
    code,
    error,
    resetSeconds,
    message: options.message,
    path,
    remaining: times,
    delayMs,
    drop,
    dateSkewSeconds: skew ?? (code === 135 ? DEFAULT_135_SKEW_SECONDS : 0),
  };
}

/**
 * Takes the oldest failure that matches this request, if any. Without a `path`, a failure matches
 * the API and token endpoints, not the sign-in pages a browser shows.
 * @internal
 */
export function takeFailure(state: FakeState, path: string, isPage: boolean): InjectedFailure | undefined {
  const index = state.failures.findIndex((f) => (f.path === undefined ? !isPage : f.path === path));
  if (index === -1) return undefined;
  const failure = state.failures[index]!;
  failure.remaining--;
  if (failure.remaining <= 0) state.failures.splice(index, 1);
  return failure;
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller has gone). @internal */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * The answer of an injected failure (after its delay), or undefined when it only delays. A dropped
 * connection is `Response.error()`, the Fetch standard's network error. A `bearer` caller (an
 * OAuth 2.0 token on a `/2/` endpoint) gets X API v2's problem JSON, as X answers it, except for
 * a 5xx without a code, which X's edge answers with its HTML page whoever asks.
 * @internal
 */
export function failureResponse(
  state: FakeState,
  failure: InjectedFailure,
  method: string,
  path: string,
  realm: string,
  bearer = false,
): Response | undefined {
  if (failure.drop) return Response.error();
  if (failure.status === undefined) return undefined;
  const date = state.now() + failure.dateSkewSeconds * 1000;
  const problem = bearer && (failure.code !== undefined || failure.status < 500);
  if (failure.code === undefined && !problem) return failurePage(date, failure.status);
  const response = problem
    ? v2Problem(date, failure.status, failure.message)
    : xError(
        date,
        failure.status,
        failure.code!,
        failure.message ?? X_CODES[failure.code!]?.[1] ?? "Something went wrong.",
        realm,
      );
  if (failure.status === 429) {
    const status = exhaustedStatus(state, method, path);
    if (failure.resetSeconds !== undefined) status.reset = Math.ceil(state.now() / 1000) + failure.resetSeconds;
    setRateLimitHeaders(response.headers, status);
  }
  return response;
}
