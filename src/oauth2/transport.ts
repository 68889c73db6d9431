import { TwitterOAuthError } from "../common/errors.js";
import { rateLimitOf } from "../common/rate-limit.js";
import { discard, readPrefix } from "../common/read-capped.js";
import { redactor } from "../common/redact.js";
import { type RequestSignals, requestSignals } from "../common/signals.js";
import { BODY_LIMIT } from "../twitter/transport.js";
import type { ResolvedOAuth2Options } from "./options.js";
import { type Grant, oauth2HttpError, parseTokenError } from "./token-error.js";

/** One request of the client's own, or a caller's through `fetch`. @internal */
export interface OAuth2Call {
  method: string;
  url: URL;
  /** `"POST /2/oauth2/token"`, for messages. */
  endpoint: string;
  grant: Grant;
  init: RequestInit;
  signal?: AbortSignal | undefined;
  /** What an echoing server must not get into a message: tokens, secrets, the verifier. */
  secrets: readonly (string | undefined)[];
}

/** A 2xx answer of the client's own calls, its body read once (undefined when over the cap). @internal */
export interface OAuth2Answer {
  response: Response;
  text: string | undefined;
}

/** RFC 6749 2.3.1: client id and secret are form-urlencoded (Appendix B) before they are joined and base64-encoded. */
function formEncode(value: string): string {
  return new URLSearchParams([["", value]]).toString().slice(1);
}

/** `Authorization: Basic …` for a confidential client (RFC 6749 2.3.1, RFC 7617). @internal */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  // Form-urlencoded text is ASCII, so btoa takes it as is.
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
}

/**
 * The form of a token or revoke request, with the client's authentication as X documents it: HTTP
 * Basic for a confidential client, `client_id` in the body for a public one. Returns the init and
 * the Authorization value (a secret, for redaction).
 * @internal
 */
export function formRequest(
  context: ResolvedOAuth2Options,
  fields: readonly (readonly [string, string])[],
): { init: RequestInit; authorization: string | undefined } {
  const form = new URLSearchParams(fields.map(([name, value]) => [name, value]));
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  let authorization: string | undefined;
  if (context.clientSecret !== undefined) {
    authorization = basicAuthorization(context.clientId, context.clientSecret);
    headers.set("authorization", authorization);
  } else {
    form.append("client_id", context.clientId);
  }
  return { init: { method: "POST", headers, body: form.toString() }, authorization };
}

function failure(error: unknown, call: OAuth2Call, signals: RequestSignals, stage: "network" | "body"): unknown {
  if (error instanceof TwitterOAuthError) return error;
  if (call.signal?.aborted) return call.signal.reason;
  if (signals.timeout?.aborted) {
    return new TwitterOAuthError(
      "TIMEOUT",
      `${call.endpoint} timed out: X did not answer in time; try again, or raise the client's timeout option`,
      { endpoint: call.endpoint },
    );
  }
  return new TwitterOAuthError(
    "NETWORK_ERROR",
    stage === "network"
      ? `${call.endpoint} could not reach X (fetch failed); check the network and baseUrl, then try again`
      : `${call.endpoint} lost the connection while X's answer arrived; try again`,
    { cause: error, endpoint: call.endpoint },
  );
}

/**
 * Sends one request, never following a redirect (a Bearer token or client credentials would go
 * along), under the client's timeout, and hands the answer to `handle` while the timeout still runs.
 */
async function send<T>(
  context: ResolvedOAuth2Options,
  call: OAuth2Call,
  handle: (response: Response, signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (call.signal?.aborted) throw call.signal.reason;
  const signals = requestSignals(call.signal, context.timeout);
  const init: RequestInit = { ...call.init, method: call.method, redirect: "manual" };
  if (signals.signal) init.signal = signals.signal;
  try {
    let response: Response;
    try {
      response = await context.fetch(call.url.href, init);
    } catch (error) {
      throw failure(error, call, signals, "network");
    }
    try {
      return await handle(response, signals.signal);
    } catch (error) {
      throw failure(error, call, signals, "body");
    }
  } finally {
    signals.done();
  }
}

const isRedirect = (response: Response): boolean =>
  response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);

/**
 * A call of the client's own (token, revoke, users/me): a redirect is an HTTP_ERROR, the body is
 * read once up to its cap (`BODY_LIMIT` for an error, `limit` for a 2xx), and a non-2xx becomes
 * the HTTP_ERROR with `oauthError`, X's errors (secrets redacted) and the rate limit.
 * @internal
 */
export function call(context: ResolvedOAuth2Options, request: OAuth2Call, limit: number): Promise<OAuth2Answer> {
  return send(context, request, async (response, signal) => {
    if (isRedirect(response)) {
      if (response.body) discard(response.body.getReader());
      throw new TwitterOAuthError(
        "HTTP_ERROR",
        `${request.endpoint} answered with a redirect; it is not followed, because the request carries credentials: set baseUrl to the host X documents ("https://api.x.com")`,
        { status: response.status, endpoint: request.endpoint },
      );
    }
    let text: string | undefined = "";
    if (response.body) {
      const prefix = await readPrefix(response.body, response.ok ? limit : BODY_LIMIT, signal);
      if (prefix.rest) discard(prefix.rest);
      text = prefix.rest ? undefined : new TextDecoder().decode(prefix.bytes);
    }
    if (response.ok) return { response, text };
    // The redactor is built only for an error: a 2xx never reaches a message. The client secret is
    // redacted from every answer, even where the request did not carry it (a proxy may echo anything).
    const clean = redactor([context.clientSecret, ...request.secrets]);
    const body = text === undefined ? { oauthError: undefined, errors: [] } : parseTokenError(text, clean);
    throw oauth2HttpError(
      request.endpoint,
      request.grant,
      response.status,
      body,
      rateLimitOf(response.headers),
      context.now(),
      text === undefined,
      request.url.host,
    );
  });
}

/** `client.fetch`: the Response as fetch gives it, whatever its status. @internal */
export function callRaw(context: ResolvedOAuth2Options, request: OAuth2Call): Promise<Response> {
  return send(context, request, async (response) => response);
}
