import { describe } from "./percent-encode.js";

/** Parses a request URL, insisting on absolute http(s). @internal */
export function toHttpUrl(url: string | URL, what = "request.url"): URL {
  let parsed: URL;
  if (url instanceof URL) {
    parsed = url;
  } else if (typeof url === "string") {
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`${what} is not an absolute URL; pass the full URL, such as "https://api.x.com/1.1/..."`);
    }
  } else {
    throw new TypeError(`${what} must be a string or a URL, got ${describe(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new TypeError(`${what} must be an http: or https: URL, got the scheme "${parsed.protocol}"`);
  }
  return parsed;
}

/**
 * The base string URI of RFC 5849 3.4.1.2: scheme and host lower-cased, default port dropped,
 * path as sent (an empty path is "/"), no query, no fragment. The WHATWG URL parser already
 * lower-cases scheme and host, drops 80 for http and 443 for https, and serialises the path
 * exactly as `fetch` will send it, so signing this is signing what goes on the wire.
 * @internal
 */
export function baseStringUri(url: URL): string {
  return url.protocol + "//" + url.host + url.pathname;
}
