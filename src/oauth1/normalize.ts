import { encodeAs } from "./percent-encode.js";

/**
 * The normalized request parameters of RFC 5849 3.4.1.3.2: every pair percent-encoded, sorted by
 * encoded name then encoded value in ascending byte order (encoded text is ASCII, so UTF-16 code
 * unit order is byte order), joined as `name=value` with `&`. Duplicates are kept; `oauth_signature`
 * is left out wherever it came from (3.4.1.3.1).
 *
 * @param params - decoded name/value pairs from the query, the form body and the protocol parameters.
 * @returns the parameter string, before the base string encodes it once more.
 * @throws TypeError when a name or value is not a string or cannot be UTF-8 encoded.
 *
 * @example
 * ```ts
 * import { normalizeParameters } from "./normalize.js"; // internal: signatureBaseString calls it
 * normalizeParameters([["b", "2"], ["a", "x y"], ["a", "1"]]); // "a=1&a=x%20y&b=2"
 * ```
 */
export function normalizeParameters(params: Iterable<readonly [string, string]>): string {
  // Built encoded twice, as the base string wants it, then decoded once: only "%25", "%3D" and
  // "%26" are there to decode, so this is exact.
  return decodeURIComponent(joinPairs(encodePairs(params)));
}

/**
 * Checks and encodes every pair twice, as the base string carries them (RFC 5849 3.4.1.1 encodes
 * the normalized parameters once more), leaving out `oauth_signature`.
 * @internal
 */
export function encodePairs(params: Iterable<readonly [string, string]>): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  for (const pair of params) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError("params must hold [name, value] pairs");
    }
    if (pair[0] !== "oauth_signature") pairs.push(encodePair(pair[0], pair[1]));
  }
  return pairs;
}

/** A parameter's name and value, percent-encoded twice. @internal */
export type EncodedPair = [name: string, value: string];

/** One parameter, checked and percent-encoded twice (RFC 5849 3.6, then 3.4.1.1). @internal */
export function encodePair(name: string, value: string): EncodedPair {
  const encodedName = encodeAs(name, "a parameter name");
  return [encodeAgain(encodedName), encodeAgain(encodeAs(value, "value of", encodedName))];
}

/**
 * Percent-encodes already encoded text once more (RFC 5849 3.4.1.1 encodes the normalized
 * parameters again): such text holds only unreserved characters and "%", so only "%" changes.
 * @internal
 */
export function encodeAgain(encoded: string): string {
  return encoded.includes("%") ? encoded.replaceAll("%", "%25") : encoded;
}

function byteOrder(a: EncodedPair, b: EncodedPair): number {
  // Encoded text is ASCII, so UTF-16 code unit order is byte order.
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * Sorts pairs by name, then value (RFC 5849 3.4.1.3.2), and joins them as the base string's third
 * part (`name%3Dvalue%26…`). Sorting the twice-encoded text gives the order of the once-encoded
 * text: encoding again only turns "%" into "%25", and "%" is below every other character
 * encoded text holds, before and after.
 * @internal
 */
export function joinPairs(pairs: EncodedPair[]): string {
  let out = "";
  for (const [name, value] of pairs.sort(byteOrder)) out += (out && "%26") + name + "%3D" + value;
  return out;
}
