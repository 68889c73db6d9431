// Independent helpers the cases compare the package against. They re-state the RFC text in a few
// lines instead of calling the package, so an expected value never comes from the code under test.

/**
 * RFC 5849 3.6 percent-encoding, the way X's "Percent encoding parameters" page describes it:
 * encodeURIComponent, then the five characters it leaves alone that are not unreserved.
 */
export function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Reads an `Authorization: OAuth` header that a signer produced (RFC 5849 3.5.1): `OAuth ` then
 * `name="value"` pairs joined by ", ". Encoded names and values contain no comma or quote, so a
 * plain split is exact. Returns the pairs in order, raw and decoded.
 */
export function readHeader(header) {
  if (typeof header !== "string" || !header.startsWith("OAuth ")) {
    throw new Error(`not an OAuth header: ${JSON.stringify(header)}`);
  }
  const pairs = [];
  for (const part of header.slice(6).split(", ")) {
    const m = /^([A-Za-z0-9%._~-]+)="([A-Za-z0-9%._~-]*)"$/.exec(part);
    if (!m) throw new Error(`malformed header part ${JSON.stringify(part)}`);
    pairs.push({ name: decodeURIComponent(m[1]), rawValue: m[2], value: decodeURIComponent(m[2]) });
  }
  return pairs;
}

/** Builds a header the way RFC 5849 3.5.1 describes it, for requests the suite sends itself. */
export function writeHeader(params, realm) {
  const parts = [];
  if (realm !== undefined && realm !== null) parts.push(`realm="${rfc3986(realm)}"`);
  for (const [name, value] of Object.entries(params)) parts.push(`${rfc3986(name)}="${rfc3986(value)}"`);
  return "OAuth " + parts.join(", ");
}

/** Standard base64 of a byte array, for comparing with HMAC outputs computed by WebCrypto directly. */
export function base64(bytes) {
  let binary = "";
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}
