import { TwitterOAuthError } from "../errors.js";
import type { FormBody } from "../oauth1/form.js";
import { signRequest } from "../oauth1/sign-request.js";
import { parseErrorBody } from "./error-body.js";
import { hintFor } from "./error-hints.js";
import { parseFormResponse } from "./form-response.js";
import { readCapped } from "./read-body.js";
import { requestSignals, type RequestSignals } from "./signals.js";
import type { TokenPair } from "./types.js";

/** Largest token-endpoint or error body we read (X's are under 200 bytes). @internal */
export const BODY_LIMIT = 64 * 1024;
/** A Date header this far from our clock means our clock is off (issue: clock skew). @internal */
const SKEW_LIMIT_MS = 60_000;

/** The client's state the transport needs; `offsetMs` is X's clock minus ours, learnt from `Date`. @internal */
export interface TransportContext {
  consumerKey: string;
  consumerSecret: string;
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  timeout: number | false;
  now: () => number;
  nonce: (() => string) | undefined;
  offsetMs: number;
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
  form?: FormBody | undefined;
  /** Any other init (headers, an unsigned body) for `client.fetch`. */
  init?: RequestInit | undefined;
  signal?: AbortSignal | undefined;
  /** Token endpoints: never follow a redirect (the signature is for this URL only). */
  manualRedirect?: boolean;
}

/** Replaces every secret (and its percent-encoded form) in text from the network with "[redacted]". @internal */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[redacted]");
  }
  return out;
}

function formText(form: FormBody): string {
  if (typeof form === "string") return form;
  if (form instanceof URLSearchParams) return form.toString();
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const item of typeof value === "string" ? [value] : value) params.append(name, item);
  }
  return params.toString();
}

function skewFrom(
  context: TransportContext,
  response: Response,
  codes: readonly number[],
  sentAt: number,
): number | undefined {
  const date = Date.parse(response.headers.get("date") ?? "");
  if (Number.isNaN(date)) return undefined;
  const offset = date - sentAt;
  // RFC 5849 3.3 lets servers reject stale timestamps; X answers 401 code 135 and always sends Date.
  if (codes.includes(135) || Math.abs(offset) > SKEW_LIMIT_MS) return offset === context.offsetMs ? undefined : offset;
  return undefined;
}

/**
 * Signs and sends one request, retrying once with a corrected clock when X says the timestamp is
 * off, then hands the response to `consume` while the timeout still runs (so reading the body is
 * covered too). Maps failures to TIMEOUT, NETWORK_ERROR or the caller's abort reason.
 * @internal
 */
export async function send<T>(
  context: TransportContext,
  call: SignedCall,
  consume: (response: Response, secrets: readonly (string | undefined)[]) => Promise<T>,
): Promise<T> {
  if (call.signal?.aborted) throw call.signal.reason;
  const secrets: Array<string | undefined> = [context.consumerSecret, call.token?.tokenSecret];
  const body = call.form === undefined ? call.init?.body : formText(call.form);
  for (let attempt = 0; ; attempt++) {
    const sentAt = context.now();
    const signed = await signRequest(
      { method: call.method, url: call.url, body: call.form ?? null },
      {
        consumerKey: context.consumerKey,
        consumerSecret: context.consumerSecret,
        token: call.token?.token,
        tokenSecret: call.token?.tokenSecret,
      },
      {
        nonce: context.nonce?.(),
        timestamp: Math.floor((sentAt + context.offsetMs) / 1000),
        callback: call.callback,
        verifier: call.verifier,
      },
    );
    secrets.push(signed.signature);
    if (call.signal?.aborted) throw call.signal.reason;
    const headers = new Headers(call.init?.headers);
    headers.set("authorization", signed.authorization);
    if (call.form !== undefined) headers.set("content-type", "application/x-www-form-urlencoded");
    const signals = requestSignals(call.signal, context.timeout);
    const init: RequestInit = { ...call.init, method: call.method, headers, body: body ?? null };
    if (signals.signal) init.signal = signals.signal;
    if (call.manualRedirect) init.redirect = "manual";
    try {
      let response: Response;
      try {
        response = await context.fetch(call.url.href, init);
      } catch (error) {
        throw failure(error, call, signals, "network");
      }
      if (response.status === 401 && attempt === 0) {
        const text = (await readCapped(response.clone(), BODY_LIMIT).catch(() => undefined)) ?? "";
        const offset = skewFrom(
          context,
          response,
          parseErrorBody(text).map((e) => e.code),
          sentAt,
        );
        if (offset !== undefined && isReplayable(body)) {
          context.offsetMs = offset;
          await response.body?.cancel().catch(() => undefined);
          continue;
        }
      }
      try {
        return await consume(response, secrets);
      } catch (error) {
        throw failure(error, call, signals, "body");
      }
    } finally {
      signals.done();
    }
  }
}

function isReplayable(body: BodyInit | null | undefined): boolean {
  return !(typeof ReadableStream !== "undefined" && body instanceof ReadableStream);
}

function failure(error: unknown, call: SignedCall, signals: RequestSignals, stage: "network" | "body"): unknown {
  if (error instanceof TwitterOAuthError) return error;
  if (call.signal?.aborted) return call.signal.reason;
  if (signals.timeout?.aborted) {
    return new TwitterOAuthError(
      "TIMEOUT",
      `${call.endpoint} timed out: X did not answer in time; try again, or raise the client's timeout option`,
      { endpoint: call.endpoint },
    );
  }
  if (stage === "body") return error;
  return new TwitterOAuthError(
    "NETWORK_ERROR",
    `${call.endpoint} could not reach X (fetch failed); check the network and baseUrl, then try again`,
    { cause: error, endpoint: call.endpoint },
  );
}

/** The HTTP_ERROR for a non-2xx answer, with X's errors parsed and secrets scrubbed. @internal */
export function httpError(
  response: Response,
  endpoint: string,
  text: string,
  secrets: readonly (string | undefined)[],
): TwitterOAuthError {
  const errors = parseErrorBody(redact(text, secrets));
  const first = errors.find((e) => e.message !== "") ?? errors[0];
  const says = first ? `: X says "${first.message}"${first.code ? ` (code ${first.code})` : ""}` : "";
  return new TwitterOAuthError(
    "HTTP_ERROR",
    `${endpoint} failed with HTTP ${response.status}${says}; ${hintFor(response.status, errors)}`,
    { status: response.status, errors, endpoint },
  );
}

/** Reads an error body (capped, never failing) and builds the HTTP_ERROR. @internal */
export async function readHttpError(
  response: Response,
  endpoint: string,
  secrets: readonly (string | undefined)[],
): Promise<TwitterOAuthError> {
  const text = (await readCapped(response, BODY_LIMIT).catch(() => "")) ?? "";
  return httpError(response, endpoint, text, secrets);
}

/**
 * Checks a token endpoint's answer (redirect, status, size) and returns its form fields.
 * @internal
 */
export async function readTokenResponse(
  response: Response,
  endpoint: string,
  secrets: readonly (string | undefined)[],
): Promise<Map<string, string>> {
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("location");
    throw new TwitterOAuthError(
      "HTTP_ERROR",
      `${endpoint} answered with a redirect${location ? ` to ${location}` : ""}; signed token requests are not followed, because the signature covers the host: set baseUrl to the host X documents ("https://api.x.com")`,
      { status: response.status, endpoint },
    );
  }
  if (!response.ok) throw await readHttpError(response, endpoint, secrets);
  const text = await readCapped(response, BODY_LIMIT);
  if (text === undefined) {
    throw new TwitterOAuthError(
      "INVALID_RESPONSE",
      `${endpoint} answered with a body over ${BODY_LIMIT} bytes, which no token response is; check baseUrl`,
      { status: response.status, endpoint },
    );
  }
  if (response.status !== 200) {
    throw new TwitterOAuthError(
      "INVALID_RESPONSE",
      `${endpoint} answered HTTP ${response.status} instead of 200; X documents any other status as a failure`,
      { status: response.status, endpoint },
    );
  }
  return parseFormResponse(text);
}
