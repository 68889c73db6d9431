import { encodeAs } from "./percent-encode.js";

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
 * import { normalizeParameters } from "twitter-oauth1";
 * normalizeParameters([["b", "2"], ["a", "x y"], ["a", "1"]]); // "a=1&a=x%20y&b=2"
 * ```
 */
export function normalizeParameters(params: Iterable<readonly [string, string]>): string {
  const encoded: Array<[string, string]> = [];
  for (const pair of params) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError("params must hold [name, value] pairs");
    }
    const [name, value] = pair as readonly [string, string];
    if (name === "oauth_signature") continue;
    const encodedName = encodeAs(name, "a parameter name");
    encoded.push([encodedName, encodeAs(value, `the value of parameter "${encodedName}"`)]);
  }
  encoded.sort((a, b) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]));
  let out = "";
  for (let i = 0; i < encoded.length; i++) {
    const pair = encoded[i]!;
    out += (i === 0 ? "" : "&") + pair[0] + "=" + pair[1];
  }
  return out;
}
