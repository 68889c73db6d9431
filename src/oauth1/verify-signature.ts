import { readAuthorizationHeader, type HeaderParameter } from "./authorization-header.js";
import { normalizeMethod, signatureBaseString } from "./base-string.js";
import { timingSafeEqual } from "./constant-time.js";
import type { FormBody, ParameterList } from "./form.js";
import { describe } from "./percent-encode.js";
import { collectRequestParameters } from "./sign-request.js";
import { checkSignatureMethod, createSignature, type SignatureMethod } from "./signature.js";
import { toHttpUrl } from "./url.js";

/** A request as a server received it, for {@link verifySignature}. */
export interface ReceivedRequest {
  /** The HTTP method. */
  method: string;
  /** The full URL the client sent the request to, with its query (behind a proxy, the public URL). */
  url: string | URL;
  /** The `Authorization` header, if any. */
  authorization?: string | null;
  /** The body, only when it is `application/x-www-form-urlencoded`. */
  body?: FormBody | null;
}

/** The secrets to check a signature with, or `undefined` when the consumer or token is unknown. */
export interface VerificationSecrets {
  /** The consumer secret of the `oauth_consumer_key` that arrived. */
  consumerSecret: string;
  /** The secret of the `oauth_token` that arrived; omit when the request has no token. */
  tokenSecret?: string;
}

/** Looks up the secrets for the consumer key and token that arrived. */
export type SecretLookup = (identity: {
  consumerKey: string;
  token: string | undefined;
}) => VerificationSecrets | undefined | Promise<VerificationSecrets | undefined>;

/** Why {@link verifySignature} refused a request. */
export type VerificationFailure =
  | "malformed"
  | "missing_parameter"
  | "duplicate_parameter"
  | "unsupported_signature_method"
  | "unsupported_version"
  | "unknown_credentials"
  | "bad_signature";

/** The outcome of {@link verifySignature}. */
export interface VerificationResult {
  /** Whether the signature matches what arrived. */
  valid: boolean;
  /** Why not, when `valid` is false. */
  reason?: VerificationFailure;
  /** A short, secret-free explanation of `reason`. */
  detail?: string;
  /** Every protocol parameter that arrived (header, body or query), `oauth_signature` left out. */
  oauthParams: Record<string, string>;
  /** Every non-protocol parameter of the query and the form body, decoded, in arrival order. */
  params: Array<[string, string]>;
}

const REQUIRED = ["oauth_consumer_key", "oauth_signature_method", "oauth_signature"] as const;

function refuse(
  reason: VerificationFailure,
  detail: string,
  oauthParams: Record<string, string> = {},
  params: ParameterList = [],
): VerificationResult {
  return { valid: false, reason, detail, oauthParams, params };
}

function isRequest(value: Request | ReceivedRequest): value is Request {
  return typeof Request !== "undefined" && value instanceof Request;
}

async function fromRequest(request: Request): Promise<ReceivedRequest> {
  const type = request.headers.get("content-type") ?? "";
  const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
  return {
    method: request.method,
    url: request.url,
    authorization: request.headers.get("authorization"),
    // RFC 5849 3.4.1.3.1: only a single-part form body with that content type is signed.
    body: isForm && request.body !== null ? await request.clone().text() : null,
  };
}

/**
 * Checks an incoming OAuth 1.0a signature as a server does (RFC 5849 3.2): collects the protocol
 * parameters from the header, the form body and the query, rebuilds the base string from exactly
 * what arrived, signs it with the secrets that `secrets` gives and compares in constant time.
 *
 * It does not check the timestamp window or nonce reuse: those need server state, so the caller
 * (for example the fake X in `twitter-oauth1/testing`) does them with `result.oauthParams`.
 * Malformed input is a `{ valid: false }` result with a reason, never an exception.
 *
 * @param request - a `Request` (its body is read from a clone) or the parts of one.
 * @param secrets - the secrets, or a function that looks them up from the consumer key and token.
 * @returns whether the signature is valid, why not, and the parameters that arrived.
 *
 * @example
 * ```ts
 * import { verifySignature } from "twitter-oauth1";
 * async function handle(request: Request): Promise<Response> {
 *   const result = await verifySignature(request, ({ consumerKey }) =>
 *     consumerKey === "my-key" ? { consumerSecret: "my-secret" } : undefined,
 *   );
 *   return new Response(result.valid ? "ok" : `refused: ${result.reason}`, { status: result.valid ? 200 : 401 });
 * }
 * ```
 */
export async function verifySignature(
  request: Request | ReceivedRequest,
  secrets: VerificationSecrets | SecretLookup,
): Promise<VerificationResult> {
  if (typeof secrets !== "function" && (typeof secrets !== "object" || secrets === null)) {
    throw new TypeError(`secrets must be an object or a lookup function, got ${describe(secrets)}`);
  }
  if (typeof request !== "object" || request === null) {
    throw new TypeError(`request must be a Request or an object with method and url, got ${describe(request)}`);
  }
  const received: ReceivedRequest = isRequest(request) ? await fromRequest(request) : request;

  let method: string;
  let url: URL;
  let params: ParameterList;
  let header: HeaderParameter[] = [];
  try {
    method = normalizeMethod(received.method);
    url = toHttpUrl(received.url);
    params = collectRequestParameters(method, url, received.body);
    const authorization = received.authorization;
    if (authorization !== undefined && authorization !== null && /^\s*oauth(\s|$)/i.test(authorization)) {
      header = readAuthorizationHeader(authorization);
    }
  } catch (error) {
    return refuse("malformed", error instanceof Error ? error.message : "malformed request");
  }

  const oauthParams: Record<string, string> = {};
  const signed: ParameterList = [];
  const others: ParameterList = [];
  let signature: string | undefined;
  const take = (name: string, value: string): string | undefined => {
    if (!name.startsWith("oauth_")) return undefined;
    if (Object.hasOwn(oauthParams, name) || (name === "oauth_signature" && signature !== undefined)) {
      return `${name} appears more than once`;
    }
    if (name === "oauth_signature") signature = value;
    else oauthParams[name] = value;
    return undefined;
  };
  // Read as a list, not parseAuthorizationHeader's record, so a protocol parameter repeated
  // inside the header is reported as duplicate_parameter (RFC 5849 3.1). realm is never signed
  // (RFC 5849 3.4.1.3.1).
  for (const { name, value } of header) {
    if (name === "realm") continue;
    const problem = take(name, value);
    if (problem) return refuse("duplicate_parameter", problem, oauthParams, others);
    if (name !== "oauth_signature") signed.push([name, value]);
  }
  for (const [name, value] of params) {
    const problem = take(name, value);
    if (problem) return refuse("duplicate_parameter", problem, oauthParams, others);
    if (!name.startsWith("oauth_")) others.push([name, value]);
    signed.push([name, value]);
  }

  for (const name of REQUIRED) {
    if (name === "oauth_signature" ? signature === undefined : !Object.hasOwn(oauthParams, name)) {
      return refuse("missing_parameter", `${name} is missing`, oauthParams, others);
    }
  }
  let signatureMethod: SignatureMethod;
  try {
    signatureMethod = checkSignatureMethod(oauthParams.oauth_signature_method);
  } catch {
    return refuse("unsupported_signature_method", "oauth_signature_method is not supported", oauthParams, others);
  }
  if (signatureMethod !== "PLAINTEXT") {
    for (const name of ["oauth_timestamp", "oauth_nonce"] as const) {
      if (!Object.hasOwn(oauthParams, name))
        return refuse("missing_parameter", `${name} is missing`, oauthParams, others);
    }
  }
  if (Object.hasOwn(oauthParams, "oauth_version") && oauthParams.oauth_version !== "1.0") {
    return refuse("unsupported_version", 'oauth_version must be "1.0"', oauthParams, others);
  }

  const found =
    typeof secrets === "function"
      ? await secrets({ consumerKey: oauthParams.oauth_consumer_key!, token: oauthParams.oauth_token })
      : secrets;
  if (found === undefined || found === null) {
    return refuse("unknown_credentials", "the consumer key or token is not known", oauthParams, others);
  }
  if (
    typeof found.consumerSecret !== "string" ||
    (found.tokenSecret !== undefined && typeof found.tokenSecret !== "string")
  ) {
    throw new TypeError("secrets must give consumerSecret (and tokenSecret, if any) as strings");
  }

  let expected: string;
  try {
    const baseString = signatureMethod === "PLAINTEXT" ? "" : signatureBaseString(method, url, signed);
    expected = await createSignature(signatureMethod, baseString, found.consumerSecret, found.tokenSecret ?? "");
  } catch (error) {
    return refuse("malformed", error instanceof Error ? error.message : "malformed request", oauthParams, others);
  }
  if (!timingSafeEqual(expected, signature!)) {
    return refuse("bad_signature", "the signature does not match the request", oauthParams, others);
  }
  return { valid: true, oauthParams, params: others };
}
