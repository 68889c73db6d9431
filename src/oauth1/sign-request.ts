import { joinBaseString, normalizeMethod } from "./base-string.js";
import { collectBody, parseForm, type FormBody, type ParameterList } from "./form.js";
import { encodeAgain, encodePair, joinPairs, type EncodedPair } from "./normalize.js";
import { quoteRealm } from "./authorization-header.js";
import { badArgument, matching } from "../common/describe.js";
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
  /** Default: 30 random hex digits (114 bits). */
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

/** The query's parameters of a request, after checking that a GET or HEAD carries no body. @internal */
export function queryParameters(method: string, url: URL, body: unknown): ParameterList {
  const params: ParameterList = [];
  parseForm(url.search.slice(1), "request.url", params);
  if ((method === "GET" || method === "HEAD") && (body ?? "") !== "") {
    // oauthlib refuses this too: fetch cannot send such a body at all.
    badArgument("request.body", "empty for " + method);
  }
  return params;
}

/** Query and body parameters of a request, checked: the query's first, then the body's. @internal */
export function collectRequestParameters(method: string, url: URL, body: FormBody | null | undefined): ParameterList {
  const params = queryParameters(method, url, body);
  if (body != null) collectBody(body, params);
  return params;
}

function timestampOf(value: number | string | undefined): string {
  // A number is written in decimal: fractions, negatives, NaN and the exponent form of huge ones
  // then fail the check below like the same text would.
  return matching(
    typeof value === "number" ? String(value) : (value ?? String(Math.floor(Date.now() / 1000))),
    /^\d+$/,
    "options.timestamp",
    "whole seconds",
  );
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
  // Object(x) is x for objects (and functions) only.
  if (Object(request) !== request) badArgument("request", "an object", request);
  if (Object(credentials) !== credentials) badArgument("credentials", "an object", credentials);
  const method = normalizeMethod(request.method);
  const url = toHttpUrl(request.url);
  const params = queryParameters(method, url, request.body);
  if (request.body != null) collectBody(request.body, params);
  return signChecked(
    method,
    url,
    params,
    credentials,
    options,
    options.signatureMethod === undefined ? "HMAC-SHA1" : checkSignatureMethod(options.signatureMethod),
    options.realm === undefined ? "" : "realm=" + quoteRealm(options.realm, "options.realm") + ", ",
  );
}

/**
 * The signer behind {@link signRequest}, for callers whose arguments are objects already and whose
 * signature method and realm are known good (the X client: HMAC-SHA1, no realm). `method` is
 * normalized (normalizeMethod) and `params` are the query's and the body's, read and checked
 * (collectRequestParameters, or queryParameters and parseForm for a form string). Every other value
 * it signs is still checked here: the consumer key and secret, the token and its secret, the
 * nonce, the timestamp, the callback and the verifier.
 * `realm` is the header's `realm="…", ` part, already quoted, or "". It throws its TypeErrors
 * (callers are async functions, where they become rejections) and returns the result itself when
 * the signature is computed at once (node:crypto), so that a caller waits no extra turn.
 * @internal
 */
export function signChecked(
  method: string,
  url: URL,
  params: ParameterList,
  credentials: Credentials,
  options: SignOptions,
  signatureMethod: SignatureMethod,
  realm: string,
): SignedRequest | Promise<SignedRequest> {
  const signingSecret = signingKey(credentials.consumerSecret, credentials.tokenSecret ?? "");

  const oauthParams: Record<string, string> = {};
  const pairs: EncodedPair[] = [];
  let head = "";
  let tail = "";
  const protocol: Array<[name: string, value: string | undefined, argument?: string]> = [
    ["oauth_callback", options.callback, "options.callback"],
    ["oauth_consumer_key", credentials.consumerKey, "credentials.consumerKey"],
    // A fresh nonce (RFC 5849 3.3: unique per timestamp, client and token) is a random UUID's 32 hex
    // digits less the first two: 114 random bits, in the 20 to 30 characters common servers accept
    // (oauthlib's nonce_length), ASCII letters and digits as X asks ("Authorizing a request",
    // docs.x.com). One randomUUID call costs less than drawing and mapping random bytes here.
    // A pinned nonce is checked as given.
    [
      "oauth_nonce",
      options.nonce === undefined ? crypto.randomUUID().replaceAll("-", "").slice(2) : options.nonce,
      "options.nonce",
    ],
    ["oauth_signature_method", signatureMethod],
    ["oauth_timestamp", timestampOf(options.timestamp)],
    ["oauth_token", credentials.token, "credentials.token"],
    ["oauth_verifier", options.verifier, "options.verifier"],
    ["oauth_version", "1.0"],
  ];
  for (const [name, value, what = name] of protocol) {
    // Options not given are left out; so is a token that is absent or empty (RFC 5849 2.1 / 3.1:
    // omitted, not sent empty). Every other value must have something in it.
    if (value === undefined && name !== "oauth_consumer_key") continue;
    const encoded = encodeAs(value!, what);
    if (encoded === "") {
      if (name === "oauth_token") continue;
      badArgument(what, "a non-empty string");
    }
    oauthParams[name] = value!;
    pairs.push([name, encodeAgain(encoded)]);
    if (name < "oauth_signature") head += name + '="' + encoded + '", ';
    else tail += ", " + name + '="' + encoded + '"';
  }
  // Its place, filled once the signature is known.
  oauthParams.oauth_signature = "";
  for (const [name, value] of params) {
    // RFC 5849 3.1: each protocol parameter appears once per request, in one place. The name is
    // one of the few protocol names here, so it is short enough to quote whole.
    if (Object.hasOwn(oauthParams, name)) {
      badArgument(`request parameter "${name}"`, "left to the signer");
    }
    pairs.push(encodePair(name, value));
  }
  const baseString = joinBaseString(method, url, joinPairs(pairs));

  const finish = (signature: string): SignedRequest => {
    oauthParams.oauth_signature = signature;
    // The header of RFC 5849 3.5.1 as buildAuthorizationHeader writes it (realm first, then the
    // names in byte order), without sorting or encoding again: the names and their order are known.
    // Base64 and a PLAINTEXT key (percent-encoded halves and "&") hold none of the characters
    // encodeURIComponent leaves of RFC 3986 2.2 sub-delims ("!'()*"): it encodes them as RFC 5849 3.6 does.
    const authorization = "OAuth " + realm + head + 'oauth_signature="' + encodeURIComponent(signature) + '"' + tail;
    return { url: sendableUrl(url), authorization, oauthParams, signature, baseString };
  };
  const signature =
    signatureMethod === "PLAINTEXT" ? signingSecret : hmacBase64(signatureMethod, signingSecret, baseString);
  // node:crypto signs at once: no promise to wait for then (an async signer would cost signRequest
  // about 3% more time in Node, measured side by side).
  return typeof signature === "string" ? finish(signature) : signature.then(finish);
}
