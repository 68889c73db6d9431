import { TwitterOAuthError, type XApiError } from "../common/errors.js";
import { rateLimitOf } from "../common/rate-limit.js";
import { queryParameters, signChecked } from "../oauth1/sign-request.js";
import { normalizeMethod } from "../oauth1/base-string.js";
import { parseForm } from "../oauth1/form.js";
import { type BodyPrefix, discard, readPrefix } from "../common/read-capped.js";
import { keepMessage, parseErrorBody } from "./error-body.js";
import { hintFor } from "./error-hints.js";
import { redactor } from "../common/redact.js";
import { type RequestSignals, requestSignals } from "../common/signals.js";
import type { ResolvedOptions } from "./options.js";
import type { TokenPair } from "./types.js";

/** Largest token-endpoint or error body we read (X's are under 200 bytes). @internal */
export const BODY_LIMIT = 64 * 1024;
/** A Date header this far from our clock means our clock is off. @internal */
const SKEW_LIMIT_MS = 60_000;
/** The largest clock offset the client accepts from X's Date header; beyond it, Date is broken. */
const MAX_OFFSET_MS = 24 * 3600_000;

/** The client's checked options and state; `offsetMs` is X's clock minus ours, learnt from `Date`. @internal */
export interface TransportContext extends ResolvedOptions {
  offsetMs: number;
  /** The baseUrl origin: the only one whose answers may teach the client X's clock. */
  origin: string;
}

/** One signed request. @internal */
export interface SignedCall {
  method: string;
  url: URL;
  /** `"POST /oauth/request_token"`, for messages. */
  endpoint: string;
  token?: TokenPair | undefined;
  callback?: string | undefined;
  verifier?: string | undefined;
  /** A form body: signed and sent as `application/x-www-form-urlencoded`. */
  form?: URLSearchParams | string | undefined;
  /** Any other init (headers, an unsigned body, a redirect mode) for `client.fetch`. */
  init?: RequestInit | undefined;
  signal?: AbortSignal | undefined;
}

/** A 2xx answer to a call of the client's own, read once, within its cap. @internal */
export interface Answer {
  response: Response;
  text: string;
}

/** The INVALID_RESPONSE for a 2xx answer that is not the one due. @internal */
export function invalidResponse(
  endpoint: string,
  status: number,
  what: string,
  advice = "check baseUrl",
): TwitterOAuthError {
  return new TwitterOAuthError("INVALID_RESPONSE", `${endpoint} answered ${status} ${what}; ${advice}`, {
    status,
    endpoint,
  });
}

const decode = (prefix: BodyPrefix): string | undefined =>
  prefix.rest ? undefined : new TextDecoder().decode(prefix.bytes);

const isRedirect = (response: Response): boolean =>
  response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);

/** What the attempt loop hands each answer to: a value to return, or "retry" after a clock fix. */
type Handle<T> = (
  response: Response,
  resync: (errors: readonly XApiError[]) => boolean,
  signal: AbortSignal | undefined,
  secrets: readonly (string | undefined)[],
) => Promise<T | typeof RETRY>;
const RETRY = Symbol("retry");

/**
 * Signs and sends one request, retrying once with a corrected clock when X says the timestamp is
 * off, and hands each answer to `handle` while the timeout still runs (so reading the body is
 * covered too). Maps failures to TIMEOUT, NETWORK_ERROR or the caller's abort reason.
 */
async function exchange<T>(context: TransportContext, call: SignedCall, handle: Handle<T>): Promise<T> {
  const secrets: Array<string | undefined> = [context.consumerSecret, call.token?.tokenSecret];
  const form = call.form === undefined ? undefined : String(call.form);
  const body = form ?? call.init?.body;
  // The method and the query and form parameters are checked once, as signRequest checks them;
  // the form is signed as it is sent, as a string.
  const method = normalizeMethod(call.method);
  const params = queryParameters(method, call.url, form);
  if (form !== undefined) parseForm(form, "request.body", params);
  for (let attempt = 0; ; attempt++) {
    const sentAt = context.now();
    // The signer without the checks of signRequest's own arguments: the options and tokens were
    // checked where the client received them, HMAC-SHA1 and no realm are the client's. Each value
    // signed is still checked (a nonce or clock from the options included).
    const signed = await signChecked(
      method,
      call.url,
      params,
      // The consumer key and secret from the options, the token and its secret from the call; the
      // spread comes last (neither has the other's names): V8 clones `{ ...object, more }` slowly,
      // several µs a call, `{ more, ...object }` as fast as a literal.
      { token: call.token?.token, tokenSecret: call.token?.tokenSecret, ...context },
      // oauth_callback and oauth_verifier from the call.
      { nonce: context.nonce?.(), timestamp: Math.floor((sentAt + context.offsetMs) / 1000), ...call },
      "HMAC-SHA1",
      "",
    );
    secrets.push(signed.signature);
    if (call.signal?.aborted) throw call.signal.reason;
    const headers = new Headers(call.init?.headers);
    headers.set("authorization", signed.authorization);
    if (call.form !== undefined) headers.set("content-type", "application/x-www-form-urlencoded");
    const signals = requestSignals(call.signal, context.timeout);
    const init: RequestInit = {
      ...call.init,
      method: call.method,
      headers,
      body: body ?? null,
      // A signed request is never followed: the signature covers this URL only, and the
      // Authorization header would go along (fetch drops it only across origins).
      redirect: call.init?.redirect ?? "manual",
      signal: signals.signal ?? null,
    };
    let response: Response | undefined;
    try {
      // The URL as signed, with the query characters RFC 3986 3.4 forbids percent-encoded.
      response = await context.fetch(signed.url, init);
      // RFC 5849 3.3 lets servers reject stale timestamps; X answers 401 code 135 and always sends
      // Date. Learnt once per call, only from a 401 of the baseUrl origin, and only within a day.
      // The request went to that origin (the client's own calls are built on baseUrl, and sendRaw
      // asks only for those); the answer must come from it too, were a redirect followed.
      const resync = (errors: readonly XApiError[]): boolean => {
        const { status, url, headers } = response!;
        if (attempt > 0 || status !== 401 || !isReplayable(body)) return false;
        if (url && new URL(url).origin !== context.origin) return false;
        const offset = Date.parse(headers.get("date") ?? "") - sentAt;
        if (!(Math.abs(offset) <= MAX_OFFSET_MS) || sentAt + offset < 0 || offset === context.offsetMs) return false;
        if (!errors.some((e) => e.code === 135) && Math.abs(offset) <= SKEW_LIMIT_MS) return false;
        context.offsetMs = offset;
        return true;
      };
      const result = await handle(response, resync, signals.signal, secrets);
      if (result !== RETRY) return result;
    } catch (error) {
      throw failure(error, call, signals, response);
    } finally {
      signals.done();
    }
  }
}

/**
 * A call of the client's own (the token endpoints, verify_credentials, invalidate_token): a
 * redirect is an HTTP_ERROR, the body is read once up to its cap (`BODY_LIMIT` for an error,
 * `limit` for a 2xx), a non-2xx becomes the HTTP_ERROR, and `consume` gets the 2xx answer.
 * @internal
 */
export function send<T>(
  context: TransportContext,
  call: SignedCall,
  limit: number,
  consume: (answer: Answer, endpoint: string) => T,
): Promise<T> {
  return exchange(context, call, async (response, resync, signal, secrets) => {
    if (isRedirect(response)) {
      if (response.body) discard(response.body.getReader());
      const location = keepMessage(response.headers.get("location") ?? "", redactor(secrets));
      throw new TwitterOAuthError(
        "HTTP_ERROR",
        `${call.endpoint} redirected${location ? ` to ${location}` : ""}, not followed; set baseUrl to https://api.x.com`,
        { status: response.status, endpoint: call.endpoint },
      );
    }
    const text = response.body
      ? decode(await readPrefix(response.body, response.ok ? limit : BODY_LIMIT, signal).then(dropRest))
      : "";
    if (response.ok) {
      if (text === undefined)
        throw invalidResponse(call.endpoint, response.status, `with a body over ${limit} bytes, too large`);
      return consume({ response, text }, call.endpoint);
    }
    // The redactor is built only for an error: a 2xx never reaches a message.
    const errors = text === undefined ? [] : parseErrorBody(text, redactor(secrets));
    if (resync(errors)) return RETRY;
    throw httpError(context, response, call.endpoint, errors, text === undefined, call.url);
  });
}

function dropRest(prefix: BodyPrefix): BodyPrefix {
  if (prefix.rest) discard(prefix.rest);
  return prefix;
}

/**
 * `client.fetch`: the Response as fetch gives it. Only a 401 of the baseUrl origin is looked into
 * (up to `BODY_LIMIT`, for code 135); when it is not retried, the caller gets a Response with the
 * same status, headers and whole body (the bytes read, then the rest of the stream).
 * @internal
 */
export function sendRaw(context: TransportContext, call: SignedCall): Promise<Response> {
  return exchange(context, call, async (response, resync, signal) => {
    if (response.status !== 401 || call.url.origin !== context.origin || !response.body) return response;
    const prefix = await readPrefix(response.body, BODY_LIMIT, signal);
    const text = decode(prefix);
    if (resync(text === undefined ? [] : parseErrorBody(text))) {
      dropRest(prefix);
      return RETRY;
    }
    // The same status, statusText and headers: a Response is a ResponseInit too.
    const copy = new Response(prefix.rest ? rejoin(prefix.bytes, prefix.rest) : prefix.bytes, response);
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
  });
}

/** The bytes already read, then the rest of the original body, as one stream. */
function rejoin(head: Uint8Array, rest: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(head),
    async pull(controller) {
      const { done, value } = await rest.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => rest.cancel(reason),
  });
}

function isReplayable(body: BodyInit | null | undefined): boolean {
  return !(typeof ReadableStream !== "undefined" && body instanceof ReadableStream);
}

/** What a failed attempt rejects with: our own error as is, the caller's abort reason, TIMEOUT or NETWORK_ERROR. */
function failure(error: unknown, call: SignedCall, signals: RequestSignals, answered: Response | undefined): unknown {
  if (error instanceof TwitterOAuthError) return error;
  if (call.signal?.aborted) return call.signal.reason;
  const timeout = signals.timeout?.aborted;
  return new TwitterOAuthError(
    timeout ? "TIMEOUT" : "NETWORK_ERROR",
    `${call.endpoint} ${timeout ? "timed out; retry, or raise the timeout option" : answered ? "lost the connection during X's answer; retry" : "could not reach X; check the network and baseUrl, then retry"}`,
    { cause: timeout ? undefined : error, endpoint: call.endpoint },
  );
}

/** What an HTTP_ERROR's retry time is counted from: a clock, and X's clock minus it. @internal */
export interface ErrorClock {
  now(): number;
  offsetMs: number;
}

/**
 * The HTTP_ERROR for a non-2xx answer to a request sent through `client.fetch` to `url`, as the
 * client's own calls build it: the body read up to `BODY_LIMIT`, X's errors parsed with `secrets`
 * redacted, and the rate limit. The one entry for layers above the client (the Passport profile
 * request); the client's own calls use send().
 * @internal
 */
export async function errorOfAnswer(
  response: Response,
  endpoint: string,
  url: URL,
  secrets: readonly string[],
  clock: ErrorClock,
): Promise<TwitterOAuthError> {
  const text = response.body
    ? await readPrefix(response.body, BODY_LIMIT).then(
        (prefix) => decode(dropRest(prefix)),
        () => "",
      )
    : "";
  const errors = text === undefined ? [] : parseErrorBody(text, redactor(secrets));
  return httpError(clock, response, endpoint, errors, text === undefined, url);
}

/**
 * The HTTP_ERROR for a non-2xx answer, with X's errors (parsed and redacted) and rate limit; `url` is
 * the request's, whose host the hint names.
 * @internal
 */
export function httpError(
  context: ErrorClock,
  response: Response,
  endpoint: string,
  errors: readonly XApiError[],
  tooLarge: boolean,
  url: URL,
): TwitterOAuthError {
  const rateLimit = rateLimitOf(response.headers);
  const first = errors.find((e) => e.message !== "") ?? errors[0];
  const says = tooLarge
    ? ` (body over ${BODY_LIMIT} bytes, not read)`
    : first
      ? `: X says "${first.message}"${first.code ? ` (code ${first.code})` : ""}`
      : "";
  let hint = hintFor(url.host);
  if (rateLimit && (response.status === 429 || errors.some((e) => e.code === 88))) {
    const seconds = Math.max(0, Math.ceil((rateLimit.reset.getTime() - context.now() - context.offsetMs) / 1000));
    hint = `rate limit exceeded: retry in ${seconds} s, at ${rateLimit.reset.toISOString()} (x-rate-limit-reset)`;
  }
  return new TwitterOAuthError("HTTP_ERROR", `${endpoint} failed with HTTP ${response.status}${says}; ${hint}`, {
    status: response.status,
    errors,
    endpoint,
    rateLimit,
  });
}

/**
 * Checks a token endpoint's 2xx answer (200, a non-empty oauth_token and oauth_token_secret) and
 * returns its form fields; `advice` ends the INVALID_RESPONSE message when the token is missing.
 * @internal
 */
export function tokenAnswer({ response, text }: Answer, endpoint: string, advice: string): URLSearchParams {
  const { status } = response;
  if (status !== 200) throw invalidResponse(endpoint, status, "instead of 200");
  // X sends these as text/html (X docs "Log in with X": the example answers of steps 1 and 3), so
  // the content type is ignored on purpose; a repeated field counts once, as first sent.
  const fields = new URLSearchParams(text.trim());
  if (!fields.get("oauth_token") || !fields.get("oauth_token_secret")) {
    throw invalidResponse(endpoint, 200, "without oauth_token and oauth_token_secret", advice);
  }
  return fields;
}
