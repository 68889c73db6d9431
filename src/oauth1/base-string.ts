import { encodePairs, joinPairs } from "./normalize.js";
import { matching } from "../common/describe.js";
import { encodeAs } from "./percent-encode.js";
import { toHttpUrl } from "./url.js";

// RFC 9110 5.6.2: tchar is ALPHA / DIGIT and !#$%&'*+-.^_`|~ (\w adds the "_").
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;

/** Upper-cases and checks an HTTP method (RFC 9110 token). @internal */
export function normalizeMethod(method: unknown): string {
  return matching(method, TOKEN, "request.method", "an HTTP method").toUpperCase();
}

/**
 * The signature base string of RFC 5849 3.4.1: the upper-cased method, the base string URI and the
 * normalized parameters, each percent-encoded, joined with "&".
 *
 * The URI keeps its path as sent and loses its query and fragment; scheme and host are
 * lower-cased and a default port is dropped. The query is **not** read here: pass its
 * parameters in `params` (as {@link signRequest} does), together with form body parameters and
 * the `oauth_*` protocol parameters.
 *
 * @param method - the HTTP method, any case.
 * @param url - the absolute http(s) request URL.
 * @param params - every signed parameter, decoded.
 * @returns the base string, exactly two raw "&".
 * @throws TypeError on a bad method, URL or parameter.
 *
 * @example
 * ```ts
 * import { signatureBaseString } from "twitter-oauth1";
 * signatureBaseString("get", "HTTP://Example.COM:80/r%20v/X?id=123", [["id", "123"]]);
 * // "GET&http%3A%2F%2Fexample.com%2Fr%2520v%2FX&id%3D123"
 * ```
 */
export function signatureBaseString(
  method: string,
  url: string | URL,
  params: Iterable<readonly [string, string]>,
): string {
  return joinBaseString(normalizeMethod(method), toHttpUrl(url, "url"), joinPairs(encodePairs(params)));
}

/**
 * The base string from a checked, upper-cased method, a parsed URL and the normalized parameters
 * already encoded for it (`joinPairs`).
 *
 * The base string URI of RFC 5849 3.4.1.2 is scheme and host lower-cased, default port dropped,
 * path as sent (an empty path is "/"), no query, no fragment. The WHATWG URL parser already
 * lower-cases scheme and host, drops 80 for http and 443 for https, and serialises the path
 * exactly as `fetch` will send it, so signing `protocol//host pathname` is signing what goes on
 * the wire.
 * @internal
 */
export function joinBaseString(method: string, url: URL, encodedParameters: string): string {
  return (
    encodeAs(method, "method") +
    "&" +
    encodeAs(url.protocol + "//" + url.host + url.pathname, "url") +
    "&" +
    encodedParameters
  );
}
