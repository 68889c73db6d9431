/**
 * A deliberately plain OAuth 1.0a (RFC 5849) signer, written separately from `src/` so that the
 * differential test has a second opinion. It is meant to be obviously correct rather than fast:
 * every step is a loop over bytes or characters with the RFC section it implements next to it.
 *
 * Nothing here may import from `src/`. It uses `node:crypto` for the HMAC and nothing else.
 */
import { createHmac } from "node:crypto";

/** A request as the reference signer sees it. The body is form text as sent, or decoded pairs. */
export interface ReferenceRequest {
  method: string;
  /** An absolute `scheme://host[:port]/path[?query][#fragment]` URL, ASCII host, no user info. */
  url: string;
  body?: string | ReadonlyArray<readonly [string, string]> | null;
}

export interface ReferenceCredentials {
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
}

export interface ReferenceOptions {
  signatureMethod: "HMAC-SHA1" | "HMAC-SHA256" | "HMAC-SHA512" | "PLAINTEXT";
  nonce: string;
  timestamp: string;
  callback?: string;
  verifier?: string;
  realm?: string;
}

export interface ReferenceResult {
  baseString: string;
  signature: string;
  authorization: string;
  oauthParams: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.6: percent-encoding. UTF-8 first, then every octet that is not ALPHA, DIGIT, "-",
// ".", "_" or "~" becomes "%" followed by two UPPERCASE hex digits.

const HEX = "0123456789ABCDEF";

function isUnreservedByte(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/** RFC 5849 3.6, byte by byte over the UTF-8 encoding. */
export function referencePercentEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (const byte of bytes) {
    if (isUnreservedByte(byte)) {
      out += String.fromCharCode(byte);
    } else {
      out += "%" + HEX[byte >> 4] + HEX[byte & 0x0f];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.3.1: the query and a form body are application/x-www-form-urlencoded
// (W3C HTML 4.01 17.13.4): "&" separates pairs, the first "=" separates name and value, a pair
// without "=" is a name with an empty value, "+" is a space, "%XX" is an octet, and the octets
// are UTF-8.

function hexValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/** Decodes one form-encoded name or value: "+" is a space, "%XX" an octet, the octets UTF-8. */
export function referenceFormDecode(text: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "+") {
      bytes.push(0x20);
      i += 1;
    } else if (char === "%") {
      const high = i + 1 < text.length ? hexValue(text[i + 1]!) : -1;
      const low = i + 2 < text.length ? hexValue(text[i + 2]!) : -1;
      if (high < 0 || low < 0) throw new Error(`reference: malformed escape in ${JSON.stringify(text)}`);
      bytes.push(high * 16 + low);
      i += 3;
    } else {
      // Take a whole code point (a surrogate pair is one character of text).
      const codePoint = text.codePointAt(i)!;
      const piece = String.fromCodePoint(codePoint);
      for (const byte of encoder.encode(piece)) bytes.push(byte);
      i += piece.length;
    }
  }
  // ignoreBOM: a leading U+FEFF is a character of the value, not a byte-order mark to drop.
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
}

/** Splits form text into decoded pairs, in order, duplicates kept. */
export function referenceParseForm(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq === -1) pairs.push([referenceFormDecode(part), ""]);
    else pairs.push([referenceFormDecode(part.slice(0, eq)), referenceFormDecode(part.slice(eq + 1))]);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.2: the base string URI. Scheme and host in lower case, the port only when it is
// not the default for the scheme (80 for http, 443 for https), the path as sent ("/" when empty),
// no query and no fragment.

interface SplitUrl {
  scheme: string;
  host: string;
  port: string;
  path: string;
  query: string;
}

function toLowerAscii(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
  }
  return out;
}

/** RFC 3986 3: scheme "://" authority path ["?" query] ["#" fragment], taken apart by hand. */
export function referenceSplitUrl(url: string): SplitUrl {
  const schemeEnd = url.indexOf("://");
  if (schemeEnd <= 0) throw new Error(`reference: not an absolute URL: ${url}`);
  const scheme = toLowerAscii(url.slice(0, schemeEnd));
  let rest = url.slice(schemeEnd + 3);
  const hash = rest.indexOf("#");
  if (hash !== -1) rest = rest.slice(0, hash);
  let query = "";
  const question = rest.indexOf("?");
  if (question !== -1) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  const slash = rest.indexOf("/");
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? "" : rest.slice(slash);
  const colon = authority.indexOf(":");
  const host = toLowerAscii(colon === -1 ? authority : authority.slice(0, colon));
  const port = colon === -1 ? "" : authority.slice(colon + 1);
  return { scheme, host, port, path, query };
}

export function referenceBaseStringUri(url: string): string {
  const { scheme, host, port, path } = referenceSplitUrl(url);
  const isDefaultPort = port === "" || (scheme === "http" && port === "80") || (scheme === "https" && port === "443");
  return scheme + "://" + host + (isDefaultPort ? "" : ":" + port) + (path === "" ? "/" : path);
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.3.2: normalization. Encode every name and value, sort by name and then by value
// in ascending byte order, join name "=" value with "&". Encoded text is ASCII, so comparing
// character codes one by one is comparing bytes.

function compareAscii(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

function comparePairs(a: readonly [string, string], b: readonly [string, string]): number {
  return compareAscii(a[0], b[0]) || compareAscii(a[1], b[1]);
}

/** Insertion sort: slow, stable and short enough to check by eye. */
function sortPairs(pairs: Array<[string, string]>): Array<[string, string]> {
  const sorted: Array<[string, string]> = [];
  for (const pair of pairs) {
    let at = sorted.length;
    while (at > 0 && comparePairs(sorted[at - 1]!, pair) > 0) at--;
    sorted.splice(at, 0, pair);
  }
  return sorted;
}

export function referenceNormalize(pairs: ReadonlyArray<readonly [string, string]>): string {
  const encoded: Array<[string, string]> = [];
  for (const [name, value] of pairs) {
    // RFC 5849 3.4.1.3.1: "The oauth_signature parameter MUST be excluded".
    if (name === "oauth_signature") continue;
    encoded.push([referencePercentEncode(name), referencePercentEncode(value)]);
  }
  const parts: string[] = [];
  for (const [name, value] of sortPairs(encoded)) parts.push(name + "=" + value);
  return parts.join("&");
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.1: the base string, RFC 5849 3.4.2 to 3.4.4: the signature, RFC 5849 3.5.1: the
// Authorization header.

export function referenceBaseString(
  method: string,
  url: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): string {
  return (
    referencePercentEncode(method.toUpperCase()) +
    "&" +
    referencePercentEncode(referenceBaseStringUri(url)) +
    "&" +
    referencePercentEncode(referenceNormalize(pairs))
  );
}

export function referenceSignature(
  signatureMethod: ReferenceOptions["signatureMethod"],
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  // RFC 5849 3.4.2: key = encode(consumer secret) "&" encode(token secret); the "&" is always there.
  const key = referencePercentEncode(consumerSecret) + "&" + referencePercentEncode(tokenSecret);
  // RFC 5849 3.4.4: PLAINTEXT sends the key itself.
  if (signatureMethod === "PLAINTEXT") return key;
  const hash = signatureMethod === "HMAC-SHA1" ? "sha1" : signatureMethod === "HMAC-SHA256" ? "sha256" : "sha512";
  // RFC 5849 3.4.2: base64 (RFC 2045 6.8, padded) of the HMAC over the base string.
  return createHmac(hash, key).update(baseString, "utf8").digest("base64");
}

export function referenceAuthorizationHeader(params: Record<string, string>, realm: string | undefined): string {
  // RFC 5849 3.5.1: realm first (when given, never signed), then each parameter as
  // name="value" with both parts percent-encoded, separated by ",". Names sorted to match the order
  // the package documents (DESIGN.md: 'OAuth oauth_consumer_key="…", …').
  const names = Object.keys(params);
  const sortedNames: string[] = [];
  for (const name of names) {
    let at = sortedNames.length;
    while (at > 0 && compareAscii(sortedNames[at - 1]!, name) > 0) at--;
    sortedNames.splice(at, 0, name);
  }
  const parts: string[] = [];
  // RFC 5849 3.5.1: the realm is "interpreted per RFC 2617 section 1.2", an HTTP quoted-string
  // (RFC 9110 5.6.4): a backslash before each '"' and "\", nothing percent-encoded.
  if (realm !== undefined) {
    let quoted = "";
    for (const char of realm) quoted += char === '"' || char === "\\" ? "\\" + char : char;
    parts.push('realm="' + quoted + '"');
  }
  for (const name of sortedNames) {
    parts.push(referencePercentEncode(name) + '="' + referencePercentEncode(params[name]!) + '"');
  }
  return "OAuth " + parts.join(", ");
}

/** Signs a request from scratch, the way RFC 5849 3.1 to 3.5.1 describe it. */
export function referenceSign(
  request: ReferenceRequest,
  credentials: ReferenceCredentials,
  options: ReferenceOptions,
): ReferenceResult {
  // RFC 5849 3.1: the protocol parameters. oauth_version is optional but, when sent, "1.0";
  // the package always sends it. RFC 5849 2.1: an absent token is left out, not sent empty.
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: options.nonce,
    oauth_signature_method: options.signatureMethod,
    oauth_timestamp: options.timestamp,
    oauth_version: "1.0",
  };
  if (credentials.token !== undefined && credentials.token !== "") oauthParams.oauth_token = credentials.token;
  if (options.callback !== undefined) oauthParams.oauth_callback = options.callback;
  if (options.verifier !== undefined) oauthParams.oauth_verifier = options.verifier;

  // RFC 5849 3.4.1.3.1: the query, the form body and the protocol parameters.
  const pairs: Array<[string, string]> = [];
  for (const pair of referenceParseForm(referenceSplitUrl(request.url).query)) pairs.push(pair);
  if (typeof request.body === "string") {
    for (const pair of referenceParseForm(request.body)) pairs.push(pair);
  } else if (request.body) {
    for (const [name, value] of request.body) pairs.push([name, value]);
  }
  for (const name of Object.keys(oauthParams)) pairs.push([name, oauthParams[name]!]);

  const baseString = referenceBaseString(request.method, request.url, pairs);
  const signature = referenceSignature(
    options.signatureMethod,
    baseString,
    credentials.consumerSecret,
    credentials.tokenSecret ?? "",
  );
  const sent = { ...oauthParams, oauth_signature: signature };
  return { baseString, signature, authorization: referenceAuthorizationHeader(sent, options.realm), oauthParams: sent };
}
