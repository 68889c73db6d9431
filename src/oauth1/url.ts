import { clip, describe } from "../common/describe.js";
import { escapeChar } from "./percent-encode.js";

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
    throw new TypeError(`${what} must be an http: or https: URL, got the scheme "${clip(parsed.protocol)}"`);
  }
  return parsed;
}

/** `value` as an absolute http: or https: URL, or undefined when it is not one. @internal */
export function parseHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
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

// RFC 3986 3.4: query = *( pchar / "/" / "?" ), pchar = unreserved / pct-encoded / sub-delims /
// ":" / "@". "%" stays: a query that reached here decoded cleanly, so each "%" starts an escape.
// The WHATWG parser has already encoded controls and non-ASCII, so what is left is ASCII.
const NOT_QUERY_CHAR = /[^\w.~!$&'()*+,;=:@/?%-]/g;

/**
 * The URL to send: the parsed URL with every query character RFC 3986 3.4 does not allow raw
 * percent-encoded. The WHATWG parser leaves `[ ] { } | ^ \` and the backtick raw in a query, and
 * strict servers (oauthlib's endpoints among them) refuse those before checking a signature. The
 * query's parameters decode to the same text, so the base string and the signature do not change;
 * existing escapes and "+" are left as they are.
 * @internal
 */
export function sendableUrl(url: URL): string {
  const { href, search, hash } = url;
  return href.slice(0, href.length - hash.length - search.length) + search.replace(NOT_QUERY_CHAR, escapeChar) + hash;
}
