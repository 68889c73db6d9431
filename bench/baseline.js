// The benchmark's one baseline signer: the same general work signRequest does (parse the URL, its
// query and a record body, encode, sort by name then value, build the base string and the header),
// written for speed with no argument checks, in web globals only. Its flavours differ only in the
// signature: PLAINTEXT (string building alone, no crypto), node:crypto's createHmac (handed in by
// the Node leg) and WebCrypto with one cached CryptoKey per signing key. Every flavour is checked
// against the documented signature, or signRequest's own output, before anything is timed. A file
// of its own so that the bundle-size table can measure it alone.

const SUB_DELIMS = /[!'()*]/g;
const hex = (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase();
const KEEP = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") KEEP[c.charCodeAt(0)] = 1;

/** RFC 5849 3.6: encodeURIComponent plus the five sub-delims, skipped when all is unreserved. */
function encode(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127 || KEEP[c] === 0) return encodeURIComponent(s).replace(SUB_DELIMS, hex);
  }
  return s;
}

function formDecode(s) {
  if (s.indexOf("+") !== -1) s = s.replaceAll("+", " ");
  return s.indexOf("%") === -1 ? s : decodeURIComponent(s);
}

const again = (s) => (s.indexOf("%") === -1 ? s : s.replaceAll("%", "%25"));
const byNameThenValue = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** Base string, signing key and header writer for `input` signed with `signatureMethod`. */
function parts(input, signatureMethod) {
  const { credentials: c } = input;
  const url = new URL(input.url);
  // Pairs encoded twice at once (the base string encodes the normalized parameters again).
  const pairs = [];
  const query = url.search;
  if (query.length > 1) {
    let start = 1;
    while (start <= query.length) {
      let end = query.indexOf("&", start);
      if (end === -1) end = query.length;
      if (end > start) {
        const eq = query.indexOf("=", start);
        if (eq === -1 || eq > end) pairs.push([again(encode(formDecode(query.slice(start, end)))), ""]);
        else
          pairs.push([
            again(encode(formDecode(query.slice(start, eq)))),
            again(encode(formDecode(query.slice(eq + 1, end)))),
          ]);
      }
      start = end + 1;
    }
  }
  for (const k in input.body) pairs.push([again(encode(k)), again(encode(input.body[k]))]);
  const eKey = encode(c.consumerKey);
  const eNonce = encode(input.nonce);
  const eToken = encode(c.token);
  pairs.push(
    ["oauth_consumer_key", again(eKey)],
    ["oauth_nonce", again(eNonce)],
    ["oauth_signature_method", signatureMethod],
    ["oauth_timestamp", input.timestamp],
    ["oauth_version", "1.0"],
    ["oauth_token", again(eToken)],
  );
  pairs.sort(byNameThenValue);
  let params = "";
  for (let i = 0; i < pairs.length; i++) params += (i === 0 ? "" : "%26") + pairs[i][0] + "%3D" + pairs[i][1];
  const baseString = input.method + "&" + encode(url.protocol + "//" + url.host + url.pathname) + "&" + params;
  const key = encode(c.consumerSecret) + "&" + encode(c.tokenSecret);
  // The header in its known name order, from the values encoded once above.
  const header = (signature) =>
    'OAuth oauth_consumer_key="' +
    eKey +
    '", oauth_nonce="' +
    eNonce +
    '", oauth_signature="' +
    encode(signature) +
    '", oauth_signature_method="' +
    signatureMethod +
    '", oauth_timestamp="' +
    input.timestamp +
    '", oauth_token="' +
    eToken +
    '", oauth_version="1.0"';
  return { baseString, key, header };
}

/** String building alone: returns what signRequest(…, { signatureMethod: "PLAINTEXT" }) returns. */
export async function baselinePlaintext(input) {
  const { baseString, key, header } = parts(input, "PLAINTEXT");
  const { credentials: c } = input;
  const oauthParams = {
    oauth_consumer_key: c.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: "PLAINTEXT",
    oauth_timestamp: input.timestamp,
    oauth_version: "1.0",
    oauth_token: c.token,
    oauth_signature: key,
  };
  return { authorization: header(key), oauthParams, signature: key, baseString };
}

/** HMAC-SHA1 through node:crypto's `createHmac` (passed in: this file imports nothing). */
export function baselineNodeCrypto(input, createHmac) {
  const { baseString, key, header } = parts(input, "HMAC-SHA1");
  return header(createHmac("sha1", key).update(baseString).digest("base64"));
}

const keys = new Map();
const encoder = new TextEncoder();

/** HMAC-SHA1 through WebCrypto: one imported CryptoKey per signing key, one subtle.sign per signature. */
export async function baselineWebCrypto(input) {
  const { baseString, key, header } = parts(input, "HMAC-SHA1");
  let cryptoKey = keys.get(key);
  if (cryptoKey === undefined) {
    cryptoKey = crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
    keys.set(key, cryptoKey);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await cryptoKey, encoder.encode(baseString)));
  let binary = "";
  for (let i = 0; i < mac.length; i++) binary += String.fromCharCode(mac[i]);
  return header(btoa(binary));
}
