import { joinBaseString, normalizeMethod } from "./base-string.js";
import { collectBody, parseForm, type FormBody, type ParameterList } from "./form.js";
import { generateNonce } from "./nonce.js";
import { addPair, encodeAgain, joinPairs, type EncodedPair } from "./normalize.js";
import { quoteRealm } from "./authorization-header.js";
import { clip, describe } from "../common/describe.js";
import { encodeAs } from "./percent-encode.js";
import { checkSignatureMethod, hmacBase64, signingKey, type SignatureMethod } from "./signature.js";
import { sendableUrl, toHttpUrl } from "./url.js";

/** The consumer (app) credentials, and the token credentials when acting for a user. */
export interface Credentials {
  /** The app's API key (`oauth_consumer_key`). */
  consumerKey: string;
  /** The app's API key secret. May be empty in the core (RFC 5849 allows it); the X client refuses that. */
  consumerSecret: string;
  /** The request token (step 3) or access token (API calls); omitted for step 1. */
  token?: string;
  /** The secret that belongs to `token`; empty or omitted when there is none. */
  tokenSecret?: string;
}

/** The parts of an HTTP request that take part in its signature. */
export interface SignableRequest {
  /** The HTTP method, any case; upper-cased in the base string. */
  method: string;
  /** The absolute http(s) URL, with its query; the query parameters are signed. */
  url: string | URL;
  /**
   * An `application/x-www-form-urlencoded` body, whose parameters are signed. Pass only form
   * bodies: JSON, multipart and binary bodies are not signed (RFC 5849 3.4.1.3.1), so leave them out.
   * "+" in a string body means a space, as in the query.
   */
  body?: FormBody | null;
}

/** Protocol details of one signature; tests pin `nonce` and `timestamp`. */
export interface SignOptions {
  /** Default `"HMAC-SHA1"`, the only method X documents. */
  signatureMethod?: SignatureMethod;
  /** Default: 22 random ASCII letters and digits (131 bits). */
  nonce?: string;
  /** Seconds since the epoch. Default: now. */
  timestamp?: number | string;
  /** `oauth_callback`, for the request-token step (an absolute URL or `"oob"`). */
  callback?: string;
  /** `oauth_verifier`, for the access-token step. */
  verifier?: string;
  /**
   * A realm for the header, written first as an HTTP quoted-string (RFC 5849 3.5.1): `"` and `\`
   * are escaped with a backslash, nothing is percent-encoded. Printable ASCII and tabs only. Never signed.
   */
  realm?: string;
}

/** The outcome of {@link signRequest}. */
export interface SignedRequest {
  /**
   * The URL to send the request to: the request URL as `fetch` would send it, except that
   * characters RFC 3986 3.4 does not allow raw in a query (such as `[ ] { } | ^`, which the WHATWG
   * URL parser leaves raw) are percent-encoded, so that strict servers accept it. The query means
   * the same, so the signature is the same; existing `%XX` escapes and `+` are kept as they are.
   */
  url: string;
  /** The `Authorization` header value: `OAuth oauth_consumer_key="…", …` (realm first if given). */
  authorization: string;
  /** Every `oauth_*` parameter put in the header, `oauth_signature` included, not encoded. */
  oauthParams: Record<string, string>;
  /** The `oauth_signature` value. */
  signature: string;
  /** The signature base string that was signed. */
  baseString: string;
}

/** A protocol parameter: its name, its value as given and that value percent-encoded once. */
type Protocol = [name: string, value: string, encoded: string];

/** Query and body parameters of a request, checked: the query's first, then the body's. @internal */
export function collectRequestParameters(method: string, url: URL, body: FormBody | null | undefined): ParameterList {
  const params: ParameterList = [];
  parseForm(url.search.slice(1), "the URL query", params);
  if (body !== undefined && body !== null) {
    if ((method === "GET" || method === "HEAD") && !(typeof body === "string" && body === "")) {
      // oauthlib refuses this too: fetch cannot send such a body at all.
      throw new TypeError(`request.body must be empty for a ${method} request; put the parameters in the URL query`);
    }
    collectBody(body, params);
  }
  return params;
}

function encodeChecked(value: string, what: string, allowEmpty: boolean): string {
  const encoded = encodeAs(value, what); // also refuses a value that is not a string
  if (!allowEmpty && encoded === "") throw new TypeError(`${what} must not be empty`);
  return encoded;
}

function timestampOf(value: number | string | undefined): string {
  if (value === undefined) return String(Math.floor(Date.now() / 1000));
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return value;
  throw new TypeError("options.timestamp must be a whole, non-negative number of seconds since the epoch");
}

/**
 * Signs an HTTP request with OAuth 1.0a (RFC 5849) and returns the `Authorization` header.
 *
 * The URL's query parameters and a form body are signed with the protocol parameters
 * (`oauth_consumer_key`, `oauth_nonce`, `oauth_signature_method`, `oauth_timestamp`, `oauth_token`
 * when there is a token, `oauth_version="1.0"`, and `oauth_callback` / `oauth_verifier` when given).
 * Send the request exactly as signed: same method and body, to `url` of the result.
 *
 * @param request - method, URL (with query) and optional form body.
 * @param credentials - consumer key and secret, and the token and its secret when acting for a user.
 * @param options - signature method, pinned nonce or timestamp, callback, verifier, realm.
 * @throws TypeError on a bad argument, naming it.
 *
 * @example
 * ```ts
 * import { signRequest } from "twitter-oauth1";
 * const { url, authorization } = await signRequest(
 *   { method: "POST", url: "https://api.x.com/1.1/statuses/update.json", body: { status: "Hello" } },
 *   { consumerKey: "key", consumerSecret: "secret", token: "token", tokenSecret: "token secret" },
 * );
 * // fetch(url, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body: "status=Hello" })
 *
 * // X's worked example ("Creating a signature", docs.x.com), with its nonce and timestamp pinned:
 * const { signature } = await signRequest(
 *   { method: "POST", url: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true", body: { status: "Hello Ladies + Gentlemen, a signed OAuth request!" } },
 *   { consumerKey: "xvz1evFS4wEEPTGEFPHBog", consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE" },
 *   { nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: 1318622958 },
 * );
 * signature; // "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
 * ```
 */
export async function signRequest(
  request: SignableRequest,
  credentials: Credentials,
  options: SignOptions = {},
): Promise<SignedRequest> {
  if (typeof request !== "object" || request === null) {
    throw new TypeError(`request must be an object with method and url, got ${describe(request)}`);
  }
  if (typeof credentials !== "object" || credentials === null) {
    throw new TypeError(`credentials must be an object, got ${describe(credentials)}`);
  }
  // Each value is checked and percent-encoded once (RFC 5849 3.6), here, and serves both the base
  // string and the header.
  const key = encodeChecked(credentials.consumerKey, "credentials.consumerKey", false);
  const token = credentials.token === undefined ? "" : encodeChecked(credentials.token, "credentials.token", true);
  const signingSecret = signingKey(credentials.consumerSecret, credentials.tokenSecret ?? "");
  const signatureMethod =
    options.signatureMethod === undefined ? "HMAC-SHA1" : checkSignatureMethod(options.signatureMethod);
  const method = normalizeMethod(request.method);
  const url = toHttpUrl(request.url);
  const params = collectRequestParameters(method, url, request.body);

  const nonce = options.nonce === undefined ? generateNonce() : encodeChecked(options.nonce, "options.nonce", false);
  const timestamp = timestampOf(options.timestamp);
  const callback =
    options.callback === undefined ? undefined : encodeChecked(options.callback, "options.callback", false);
  const verifier =
    options.verifier === undefined ? undefined : encodeChecked(options.verifier, "options.verifier", false);
  const realm = options.realm === undefined ? undefined : quoteRealm(options.realm, "options.realm");

  // The protocol parameters as [name, value as given, value encoded once], in byte order of their
  // names, as the header of RFC 5849 3.5.1 lists them (oauth_signature goes between the two halves
  // once it is known). RFC 5849 2.1 / 3.1: an absent token is omitted, not sent empty.
  const head: Protocol[] = [];
  if (callback !== undefined) head.push(["oauth_callback", options.callback!, callback]);
  head.push(["oauth_consumer_key", credentials.consumerKey, key], ["oauth_nonce", options.nonce ?? nonce, nonce]);
  // The method and timestamp need no encoding (checked above: a known name, digits).
  const tail: Protocol[] = [
    ["oauth_signature_method", signatureMethod, signatureMethod],
    ["oauth_timestamp", timestamp, timestamp],
  ];
  if (token !== "") tail.push(["oauth_token", credentials.token!, token]);
  if (verifier !== undefined) tail.push(["oauth_verifier", options.verifier!, verifier]);
  tail.push(["oauth_version", "1.0", "1.0"]);

  const pairs: EncodedPair[] = [];
  for (const [name, value] of params) {
    // RFC 5849 3.1: each protocol parameter appears once per request, in one place.
    if (name === "oauth_signature" || [...head, ...tail].some((p) => p[0] === name)) {
      throw new TypeError(
        `request parameter "${clip(name)}" is a protocol parameter the signer sets; remove it from the URL or body`,
      );
    }
    addPair(pairs, name, value);
  }
  for (const [name, , encoded] of [...head, ...tail]) pairs.push([name, encodeAgain(encoded)]);
  const baseString = joinBaseString(method, url, joinPairs(pairs));

  let signature: string | Promise<string> =
    signatureMethod === "PLAINTEXT" ? signingSecret : hmacBase64(signatureMethod, signingSecret, baseString);
  if (typeof signature !== "string") signature = await signature;

  // The header of RFC 5849 3.5.1 as buildAuthorizationHeader writes it (realm first, then the names
  // in byte order), without sorting or encoding again: the names and their order are known.
  const all: Protocol[] = [...head, ["oauth_signature", signature, encodeAs(signature, "oauth_signature")], ...tail];
  const oauthParams: Record<string, string> = {};
  let authorization = realm === undefined ? "OAuth " : "OAuth realm=" + realm + ", ";
  for (const [name, value, encoded] of all) {
    oauthParams[name] = value;
    authorization += (name === all[0]![0] ? "" : ", ") + name + '="' + encoded + '"';
  }
  return { url: sendableUrl(url), authorization, oauthParams, signature, baseString };
}
