// The minimal signer: what a careful developer writes in 25 lines, with web globals only. Its
// string building is the same in both flavours; only the HMAC differs (node:crypto in the Node
// leg, WebCrypto here). A file of its own so that the bundle-size table can measure it alone.
const SUB_DELIMS = /[!'()*]/g;
const hex = (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase();
/** RFC 3986 percent-encoding the usual way: encodeURIComponent plus the five sub-delims. */
export const minimalEncode = (s) => encodeURIComponent(s).replace(SUB_DELIMS, hex);

/** Base string, signing key and protocol parameters of the minimal signer. */
export function minimalParts(input, signatureMethod = "HMAC-SHA1") {
  const { credentials: c } = input;
  const url = new URL(input.url);
  const oauth = {
    oauth_consumer_key: c.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: signatureMethod,
    oauth_timestamp: input.timestamp,
    oauth_token: c.token,
    oauth_version: "1.0",
  };
  const pairs = [];
  for (const [k, v] of url.searchParams) pairs.push(minimalEncode(k) + "=" + minimalEncode(v));
  for (const k in input.body) pairs.push(minimalEncode(k) + "=" + minimalEncode(input.body[k]));
  for (const k in oauth) pairs.push(minimalEncode(k) + "=" + minimalEncode(oauth[k]));
  pairs.sort();
  const base =
    input.method.toUpperCase() + "&" + minimalEncode(url.origin + url.pathname) + "&" + minimalEncode(pairs.join("&"));
  const key = minimalEncode(c.consumerSecret) + "&" + minimalEncode(c.tokenSecret);
  return { base, key, oauth };
}

/** The Authorization header of the minimal signer. */
export function minimalHeader(oauth, signature) {
  oauth.oauth_signature = signature;
  return (
    "OAuth " +
    Object.keys(oauth)
      .sort()
      .map((k) => minimalEncode(k) + '="' + minimalEncode(oauth[k]) + '"')
      .join(", ")
  );
}

const keys = new Map();
const encoder = new TextEncoder();

/** The minimal WebCrypto signer: one imported CryptoKey per signing key, one subtle.sign per signature. */
export async function minimalWebCrypto(input) {
  const { base, key, oauth } = minimalParts(input);
  let cryptoKey = keys.get(key);
  if (cryptoKey === undefined) {
    cryptoKey = crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
    keys.set(key, cryptoKey);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await cryptoKey, encoder.encode(base)));
  let binary = "";
  for (let i = 0; i < mac.length; i++) binary += String.fromCharCode(mac[i]);
  return minimalHeader(oauth, btoa(binary));
}
