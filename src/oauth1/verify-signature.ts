import { readBodyCapped } from "../common/read-capped.js";
import { readAuthorizationHeader, type HeaderParameter } from "./authorization-header.js";
import { normalizeMethod, signatureBaseString } from "./base-string.js";
import { timingSafeEqual } from "./constant-time.js";
import { isFormContentType, parseForm, type FormBody, type ParameterList } from "./form.js";
import { clip, describe } from "../common/describe.js";
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

/**
 * How strict {@link verifySignature} is. The defaults are RFC 5849 as written, for a server that
 * faces the internet; the lenient settings exist for servers (such as a test double) that must
 * accept what widespread clients send.
 */
export interface VerifyOptions {
  /**
   * The largest form body read, in bytes (default 1 MiB, 1,048,576). A `Request` whose
   * `content-length` says more is refused unread; otherwise the bytes are counted as they arrive,
   * so a missing or lying `content-length` does not matter. A form string given as
   * `ReceivedRequest.body` is measured in UTF-8 bytes. Over the limit: `reason: "body_too_large"`,
   * before any secret is looked up. A body that is not `application/x-www-form-urlencoded` is never
   * read at all.
   */
  maxBodyBytes?: number;
  /**
   * The `oauth_signature_method` values accepted (default every HMAC method: `"HMAC-SHA1"`,
   * `"HMAC-SHA256"`, `"HMAC-SHA512"`). `"PLAINTEXT"` sends the secrets themselves and is accepted
   * only when listed: RFC 5849 3.4.4 allows it only over TLS. Any other method is
   * `reason: "unsupported_signature_method"`.
   */
  signatureMethods?: readonly SignatureMethod[];
  /**
   * When `true`, a protocol parameter that arrives in more than one place (the header, the form
   * body, the query) with the same value counts once, in the parameters and in the base string;
   * a differing value, or the same parameter twice in one place, is still
   * `reason: "duplicate_parameter"`. Default `false`: RFC 5849 3.1 wants each protocol parameter
   * once. Some clients send `oauth_token` both in the header and in the query or form body, and
   * sign it once.
   */
  mergeDuplicates?: boolean;
  /**
   * The `oauth_version` values accepted (default `["1.0"]`, RFC 5849 3.1). A request without
   * `oauth_version` is always accepted, since the parameter is optional. For example
   * `["1.0", "1.0A", "1.0a"]` accepts clients that send the revision's name.
   */
  versions?: readonly string[];
}

/** Why {@link verifySignature} refused a request. */
export type VerificationFailure =
  | "malformed"
  | "missing_parameter"
  | "duplicate_parameter"
  | "unsupported_signature_method"
  | "unsupported_version"
  | "unknown_credentials"
  | "bad_signature"
  | "body_too_large"
  | "unreadable_body";

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
const DEFAULT_MAX_BODY_BYTES = 1_048_576;
const HMAC_METHODS: readonly SignatureMethod[] = ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512"];

interface Settings {
  maxBodyBytes: number;
  methods: readonly string[];
  mergeDuplicates: boolean;
  versions: readonly string[];
}

function settingsOf(options: VerifyOptions | undefined): Settings {
  if (options === undefined) {
    return { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, methods: HMAC_METHODS, mergeDuplicates: false, versions: ["1.0"] };
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object or undefined, got ${describe(options)}`);
  }
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, signatureMethods, mergeDuplicates = false, versions } = options;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new TypeError("options.maxBodyBytes must be a whole, non-negative number of bytes");
  }
  if (signatureMethods !== undefined) {
    if (!Array.isArray(signatureMethods)) {
      throw new TypeError(`options.signatureMethods must be an array of methods, got ${describe(signatureMethods)}`);
    }
    for (const method of signatureMethods) checkSignatureMethod(method, "options.signatureMethods");
  }
  if (typeof mergeDuplicates !== "boolean") {
    throw new TypeError(`options.mergeDuplicates must be a boolean, got ${describe(mergeDuplicates)}`);
  }
  if (versions !== undefined && !(Array.isArray(versions) && versions.every((v) => typeof v === "string"))) {
    throw new TypeError('options.versions must be an array of strings, such as ["1.0"]');
  }
  return {
    maxBodyBytes,
    methods: signatureMethods ?? HMAC_METHODS,
    mergeDuplicates,
    versions: versions ?? ["1.0"],
  };
}

function refuse(
  reason: VerificationFailure,
  detail: string,
  oauthParams: Record<string, string> = {},
  params: ParameterList = [],
): VerificationResult {
  // A backstop: whatever a detail quotes from the request, it stays short.
  return { valid: false, reason, detail: clip(detail, 200), oauthParams, params };
}

function isRequest(value: Request | ReceivedRequest): value is Request {
  return typeof Request !== "undefined" && value instanceof Request;
}

function tooLarge(limit: number): VerificationResult {
  return refuse("body_too_large", `the form body is larger than ${limit} bytes (options.maxBodyBytes)`);
}

/** The UTF-8 length of `text` is over `limit`, measured without encoding it when the length decides. */
function overLimit(text: string, limit: number): boolean {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).byteLength > limit;
}

/** The form body of a Request as text, read from a clone and at most `limit` bytes of it. */
async function readForm(request: Request, limit: number): Promise<string | null | VerificationResult> {
  // RFC 5849 3.4.1.3.1: only a single-part form body with that content type is signed, so any
  // other body is left unread.
  if (!isFormContentType(request.headers.get("content-type")) || request.body === null) return null;
  const declared = request.headers.get("content-length")?.trim();
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) return tooLarge(limit);
  if (request.bodyUsed) {
    return refuse("unreadable_body", "the body was already read; call verifySignature before reading the body");
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readBodyCapped(request.clone(), limit);
  } catch {
    return refuse("unreadable_body", "the body could not be read to its end");
  }
  // Invalid UTF-8 becomes U+FFFD (as Request.text() does), so such a body fails the signature.
  return bytes === undefined ? tooLarge(limit) : new TextDecoder().decode(bytes);
}

/** What arrived, parsed: method, URL, header, query and body parameters. */
interface Arrived {
  method: string;
  url: URL;
  header: HeaderParameter[];
  params: ParameterList;
  queryCount: number;
}

async function parseArrived(
  request: Request | ReceivedRequest,
  settings: Settings,
): Promise<Arrived | VerificationResult> {
  if (typeof request !== "object" || request === null) {
    return refuse("malformed", `request must be a Request or an object with method and url, got ${describe(request)}`);
  }
  let received: ReceivedRequest;
  if (isRequest(request)) {
    const body = await readForm(request, settings.maxBodyBytes);
    if (body !== null && typeof body === "object") return body;
    received = { method: request.method, url: request.url, authorization: request.headers.get("authorization"), body };
  } else {
    received = request;
    if (typeof received.body === "string" && overLimit(received.body, settings.maxBodyBytes)) {
      return tooLarge(settings.maxBodyBytes);
    }
  }
  const method = normalizeMethod(received.method);
  const url = toHttpUrl(received.url);
  const params = collectRequestParameters(method, url, received.body);
  // The query's parameters come first; count them to know where each one arrived.
  const query: ParameterList = [];
  parseForm(url.search.slice(1), "request.url", query);
  const queryCount = query.length;
  const authorization = received.authorization;
  let header: HeaderParameter[] = [];
  if (typeof authorization === "string" && /^\s*oauth(\s|$)/i.test(authorization)) {
    header = readAuthorizationHeader(authorization);
  }
  return { method, url, header, params, queryCount };
}

/**
 * Checks an incoming OAuth 1.0a signature as a server does (RFC 5849 3.2): collects the protocol
 * parameters from the header, the form body and the query, rebuilds the base string from exactly
 * what arrived, signs it with the secrets that `secrets` gives and compares in constant time.
 *
 * By default it is strict and bounded: a form body over 1 MiB is not read, `PLAINTEXT` is refused,
 * a protocol parameter that appears twice is refused and `oauth_version` must be `"1.0"` when sent
 * (see {@link VerifyOptions} to change each). It does not check the timestamp window or nonce
 * reuse: those need server state, so the caller (for example the fake X in `twitter-oauth1/testing`)
 * does them with `result.oauthParams`.
 *
 * Whatever arrives (a malformed header, a body too large, a stream that errors, a body already
 * read, a request that is not an object), the answer is a `{ valid: false, reason, detail }`
 * result, never an exception. The promise rejects only for a programming error on the caller's
 * side: a TypeError when `secrets` or `options` is not of the documented shape (or the lookup
 * gives secrets that are not strings), and whatever a lookup function itself throws, unchanged.
 *
 * @param request - a `Request` (its body is read from a clone) or the parts of one.
 * @param secrets - the secrets, or a function that looks them up from the consumer key and token.
 * @param options - limits and leniencies; the defaults suit a server on the internet.
 * @returns whether the signature is valid, why not, and the parameters that arrived.
 * @throws TypeError (as a rejection) when `secrets` or `options` is malformed.
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
  options?: VerifyOptions,
): Promise<VerificationResult> {
  if (typeof secrets !== "function" && (typeof secrets !== "object" || secrets === null)) {
    throw new TypeError(`secrets must be an object or a lookup function, got ${describe(secrets)}`);
  }
  const settings = settingsOf(options);

  let arrived: Arrived | VerificationResult;
  try {
    arrived = await parseArrived(request, settings);
  } catch (error) {
    // Our parsers throw TypeErrors that name the bad part; anything else (a getter of a
    // hand-made request that throws, say) gets a generic detail.
    return refuse("malformed", error instanceof TypeError ? error.message : "the request could not be read");
  }
  if ("valid" in arrived) return arrived;
  const { method, url, header, params, queryCount } = arrived;

  const oauthParams: Record<string, string> = {};
  const signed: ParameterList = [];
  const others: ParameterList = [];
  // Where each protocol parameter (oauth_signature included) was first seen, and its value.
  const seen = new Map<string, { value: string; place: number }>();
  /** Takes one parameter: "new" to sign it, "merged" to skip it, or why it is refused. */
  const take = (name: string, value: string, place: number): "new" | "merged" | string => {
    if (!name.startsWith("oauth_")) return "new";
    const first = seen.get(name);
    if (first !== undefined) {
      if (settings.mergeDuplicates && first.place !== place && first.value === value) return "merged";
      return `${clip(name)} appears more than once`;
    }
    seen.set(name, { value, place });
    if (name !== "oauth_signature") oauthParams[name] = value;
    return "new";
  };
  // Read as a list, not parseAuthorizationHeader's record, so a protocol parameter repeated
  // inside the header is reported as duplicate_parameter (RFC 5849 3.1). realm is never signed
  // (RFC 5849 3.4.1.3.1).
  for (const { name, value } of header) {
    if (name === "realm") continue;
    const outcome = take(name, value, 0);
    if (outcome === "new") {
      if (name !== "oauth_signature") signed.push([name, value]);
    } else if (outcome !== "merged") {
      return refuse("duplicate_parameter", outcome, oauthParams, others);
    }
  }
  for (let i = 0; i < params.length; i++) {
    const [name, value] = params[i]!;
    const outcome = take(name, value, i < queryCount ? 1 : 2);
    if (outcome === "new") {
      if (!name.startsWith("oauth_")) others.push([name, value]);
      signed.push([name, value]);
    } else if (outcome !== "merged") {
      return refuse("duplicate_parameter", outcome, oauthParams, others);
    }
  }
  const signature = seen.get("oauth_signature")?.value;

  for (const name of REQUIRED) {
    if (!seen.has(name)) return refuse("missing_parameter", `${name} is missing`, oauthParams, others);
  }
  let signatureMethod: SignatureMethod;
  try {
    signatureMethod = checkSignatureMethod(oauthParams.oauth_signature_method);
  } catch {
    return refuse("unsupported_signature_method", "oauth_signature_method is not supported", oauthParams, others);
  }
  if (!settings.methods.includes(signatureMethod)) {
    return refuse(
      "unsupported_signature_method",
      `oauth_signature_method ${signatureMethod} is not accepted here (options.signatureMethods)`,
      oauthParams,
      others,
    );
  }
  if (signatureMethod !== "PLAINTEXT") {
    for (const name of ["oauth_timestamp", "oauth_nonce"] as const) {
      if (!Object.hasOwn(oauthParams, name))
        return refuse("missing_parameter", `${name} is missing`, oauthParams, others);
    }
  }
  if (Object.hasOwn(oauthParams, "oauth_version") && !settings.versions.includes(oauthParams.oauth_version!)) {
    const accepted = settings.versions.map((v) => JSON.stringify(v)).join(", ");
    return refuse("unsupported_version", `oauth_version must be one of ${accepted || "(none)"}`, oauthParams, others);
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
