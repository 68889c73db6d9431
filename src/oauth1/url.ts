import { badArgument } from "../common/describe.js";
import { escapeChar } from "./percent-encode.js";

/** Parses a request URL, insisting on absolute http(s). @internal */
export function toHttpUrl(url: string | URL, what = "request.url"): URL {
  let parsed: URL | undefined;
  try {
    parsed = url instanceof URL ? url : typeof url === "string" ? new URL(url) : undefined;
  } catch {}
  if (parsed?.protocol !== "https:" && parsed?.protocol !== "http:") {
    // A URL object of another scheme is not "got object": its type was right.
    badArgument(what, "an absolute http(s) URL", parsed ? "" : url);
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
  // The first "?" of href starts the query: the parser encodes "?" everywhere before it. A
  // function as the replacement, so that "$&" and the like in the query stay literal.
  return url.href.replace(url.search, () => url.search.replace(NOT_QUERY_CHAR, escapeChar));
}
