// The independent OAuth 1.0a (RFC 5849) reference signer: the one oracle that expected values come
// from, in the vitest suites (test/oauth1, test/twitter) and in the conformance cases in every
// runtime. Written apart from src/ and meant to be obviously correct rather than fast: each step is
// a loop over bytes or characters with the RFC section it implements next to it. Web globals only
// (TextEncoder, TextDecoder, crypto.subtle, btoa) and no import at all, so the same file runs in
// Node, Deno, Bun, workerd and a browser page and never sees the package under test
// (test/oauth1/oracle.test.ts checks both, and that it reproduces every published vector).
// Types for the TypeScript tests: oracle.d.ts beside this file.

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.6: percent-encoding. UTF-8 first, then every octet that is not ALPHA, DIGIT, "-",
// ".", "_" or "~" becomes "%" followed by two UPPERCASE hex digits.

const HEX = "0123456789ABCDEF";

function isUnreservedByte(byte) {
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
export function referencePercentEncode(text) {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    out += isUnreservedByte(byte) ? String.fromCharCode(byte) : "%" + HEX[byte >> 4] + HEX[byte & 0x0f];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.3.1: the query and a form body are application/x-www-form-urlencoded
// (W3C HTML 4.01 17.13.4): "&" separates pairs, the first "=" separates name and value, a pair
// without "=" is a name with an empty value, "+" is a space, "%XX" is an octet, and the octets
// are UTF-8.

function hexValue(char) {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/** Decodes one form-encoded name or value: "+" is a space, "%XX" an octet, the octets UTF-8. */
export function referenceFormDecode(text) {
  const bytes = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "+") {
      bytes.push(0x20);
      i += 1;
    } else if (char === "%") {
      const high = i + 1 < text.length ? hexValue(text[i + 1]) : -1;
      const low = i + 2 < text.length ? hexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) throw new Error(`reference: malformed escape in ${JSON.stringify(text)}`);
      bytes.push(high * 16 + low);
      i += 3;
    } else {
      // Take a whole code point (a surrogate pair is one character of text).
      const piece = String.fromCodePoint(text.codePointAt(i));
      for (const byte of encoder.encode(piece)) bytes.push(byte);
      i += piece.length;
    }
  }
  // ignoreBOM: a leading U+FEFF is a character of the value, not a byte-order mark to drop.
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
}

/** Splits form text into decoded pairs, in order, duplicates kept. */
export function referenceParseForm(text) {
  const pairs = [];
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

function toLowerAscii(text) {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
  }
  return out;
}

/** RFC 3986 3: scheme "://" authority path ["?" query] ["#" fragment], taken apart by hand. */
export function referenceSplitUrl(url) {
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

export function referenceBaseStringUri(url) {
  const { scheme, host, port, path } = referenceSplitUrl(url);
  const isDefaultPort = port === "" || (scheme === "http" && port === "80") || (scheme === "https" && port === "443");
  return scheme + "://" + host + (isDefaultPort ? "" : ":" + port) + (path === "" ? "/" : path);
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.3.2: normalization. Encode every name and value, sort by name and then by value
// in ascending byte order, join name "=" value with "&". Encoded text is ASCII, so comparing
// character codes one by one is comparing bytes.

function compareAscii(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Insertion sort: slow, stable and short enough to check by eye. */
function insertionSort(items, compare) {
  const sorted = [];
  for (const item of items) {
    let at = sorted.length;
    while (at > 0 && compare(sorted[at - 1], item) > 0) at--;
    sorted.splice(at, 0, item);
  }
  return sorted;
}

export function referenceNormalize(pairs) {
  const encoded = [];
  for (const [name, value] of pairs) {
    // RFC 5849 3.4.1.3.1: "The oauth_signature parameter MUST be excluded".
    if (name === "oauth_signature") continue;
    encoded.push([referencePercentEncode(name), referencePercentEncode(value)]);
  }
  const sorted = insertionSort(encoded, (a, b) => compareAscii(a[0], b[0]) || compareAscii(a[1], b[1]));
  return sorted.map(([name, value]) => name + "=" + value).join("&");
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.4.1.1: the base string; RFC 5849 3.4.2 to 3.4.4: the signature.

export function referenceBaseString(method, url, pairs) {
  return (
    referencePercentEncode(method.toUpperCase()) +
    "&" +
    referencePercentEncode(referenceBaseStringUri(url)) +
    "&" +
    referencePercentEncode(referenceNormalize(pairs))
  );
}

/** Standard base64 (RFC 4648 4, padded) of bytes. */
export function base64(bytes) {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const HASHES = { "HMAC-SHA1": "SHA-1", "HMAC-SHA256": "SHA-256", "HMAC-SHA512": "SHA-512" };

export async function referenceSignature(signatureMethod, baseString, consumerSecret, tokenSecret) {
  // RFC 5849 3.4.2: key = encode(consumer secret) "&" encode(token secret); the "&" is always there.
  const key = referencePercentEncode(consumerSecret) + "&" + referencePercentEncode(tokenSecret);
  // RFC 5849 3.4.4: PLAINTEXT sends the key itself.
  if (signatureMethod === "PLAINTEXT") return key;
  const hash = HASHES[signatureMethod];
  if (hash === undefined) throw new Error(`reference: unknown signature method ${signatureMethod}`);
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash }, false, ["sign"]);
  // RFC 5849 3.4.2: base64 (RFC 2045 6.8, padded) of the HMAC over the UTF-8 base string.
  return base64(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(baseString)));
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.5.1: the Authorization header.

/**
 * Writes the header: "OAuth ", the realm first when given, then each parameter as name="value"
 * with both parts percent-encoded, separated by ", ", names in byte order (the order the package
 * documents; RFC 5849 3.5.1 leaves it free). The realm is "interpreted per RFC 2617 section 1.2",
 * an HTTP quoted-string (RFC 9110 5.6.4): a backslash before each '"' and "\", nothing
 * percent-encoded. It is never signed (RFC 5849 3.4.1.3.1).
 */
export function referenceAuthorizationHeader(params, realm) {
  const parts = [];
  if (realm !== undefined && realm !== null) {
    let quoted = "";
    for (const char of realm) quoted += char === '"' || char === "\\" ? "\\" + char : char;
    parts.push('realm="' + quoted + '"');
  }
  for (const name of insertionSort(Object.keys(params), compareAscii)) {
    parts.push(referencePercentEncode(name) + '="' + referencePercentEncode(params[name]) + '"');
  }
  return "OAuth " + parts.join(", ");
}

/**
 * Reads a header that a signer wrote (RFC 5849 3.5.1), strictly: "OAuth ", then name="value"
 * pairs joined by ", ", each name and value made of unreserved characters and %XX escapes only,
 * except the realm, a quoted-string. Returns the pairs in order, each raw and decoded. Anything
 * else is an Error naming the part that is wrong.
 */
export function readAuthorizationHeader(header) {
  if (typeof header !== "string" || !header.startsWith("OAuth ")) {
    throw new Error(`not an OAuth header: ${JSON.stringify(header)}`);
  }
  const pairs = [];
  let rest = header.slice(6);
  const realm = /^realm="((?:[^"\\]|\\.)*)"(, |$)/.exec(rest);
  if (realm) {
    let value = "";
    for (let i = 0; i < realm[1].length; i++) value += realm[1][i] === "\\" ? realm[1][++i] : realm[1][i];
    pairs.push({ name: "realm", rawValue: realm[1], value });
    rest = rest.slice(realm[0].length);
  }
  if (rest === "") return pairs;
  for (const part of rest.split(", ")) {
    const m = /^([A-Za-z0-9%._~-]+)="([A-Za-z0-9%._~-]*)"$/.exec(part);
    if (!m) throw new Error(`malformed header part ${JSON.stringify(part)}`);
    pairs.push({ name: referenceFormDecode(m[1]), rawValue: m[2], value: referenceFormDecode(m[2]) });
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// RFC 5849 3.1 to 3.5.1 end to end.

/**
 * Signs a request from scratch. `request.body` is form text as sent, or decoded pairs; the
 * protocol parameters are those RFC 5849 3.1 lists: oauth_version is optional but, when sent,
 * "1.0", and the package always sends it; an absent token is left out, not sent empty (RFC 5849
 * 2.1).
 */
export async function referenceSign(request, credentials, options) {
  const oauthParams = {
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
  const pairs = [...referenceParseForm(referenceSplitUrl(request.url).query)];
  if (typeof request.body === "string") pairs.push(...referenceParseForm(request.body));
  else if (request.body) for (const [name, value] of request.body) pairs.push([name, value]);
  for (const name of Object.keys(oauthParams)) pairs.push([name, oauthParams[name]]);

  const baseString = referenceBaseString(request.method, request.url, pairs);
  const signature = await referenceSignature(
    options.signatureMethod,
    baseString,
    credentials.consumerSecret,
    credentials.tokenSecret ?? "",
  );
  const sent = { ...oauthParams, oauth_signature: signature };
  return { baseString, signature, authorization: referenceAuthorizationHeader(sent, options.realm), oauthParams: sent };
}
