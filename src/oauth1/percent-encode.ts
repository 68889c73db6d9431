import { badArgument, clip } from "../common/describe.js";

// RFC 5849 section 3.6: keep ALPHA / DIGIT / "-" / "." / "_" / "~", encode every other UTF-8 octet
// as %XX with uppercase hex. encodeURIComponent is that encoder except for ! ' ( ) *, which it
// leaves alone (the classic "Could not authenticate you" bug, e.g.
// https://github.com/request/request/issues/449).
const UNRESERVED_ONLY = /^[\w.~-]*$/;
const SUB_DELIMS = /[!'()*]/g;

/** "%" and the two upper-case hex digits of an ASCII character from U+0010 on. @internal */
export function escapeChar(char: string): string {
  return "%" + char.charCodeAt(0).toString(16).toUpperCase();
}

/**
 * Percent-encodes `value` as RFC 5849 section 3.6 requires. On bad input the TypeError names
 * `what`, followed by `"name"` when `name` is given; the label is only built then, so the hot
 * path allocates nothing for it.
 * @internal
 */
export function encodeAs(value: string, what: string, name?: string): string {
  if (typeof value !== "string") badArgument(label(what, name), "a string", value);
  // `\w` includes "_" and nothing outside the unreserved set: most values take this path.
  if (UNRESERVED_ONLY.test(value)) return value;
  try {
    return encodeURIComponent(value).replace(SUB_DELIMS, escapeChar);
  } catch {
    // encodeURIComponent throws a URIError only on a lone surrogate, which UTF-8 cannot encode.
    return badArgument(label(what, name), "well-formed UTF-16");
  }
}

function label(what: string, name: string | undefined): string {
  return name === undefined ? what : `${what} "${clip(name)}"`;
}

/**
 * Percent-encodes a string the way RFC 5849 section 3.6 (and X's "Percent encoding parameters"
 * page) requires: UTF-8 first, then every octet outside `A-Z a-z 0-9 - . _ ~` as `%XX` with
 * uppercase hex. A space becomes `%20`, never `+`.
 *
 * @param value - the text to encode.
 * @returns the encoded text.
 * @throws TypeError when `value` is not a string or holds a lone surrogate (not encodable as UTF-8).
 *
 * @example
 * ```ts
 * import { percentEncode } from "twitter-oauth1";
 * percentEncode("Ladies + Gentlemen"); // "Ladies%20%2B%20Gentlemen"
 * percentEncode("☃"); // "%E2%98%83"
 * ```
 */
export function percentEncode(value: string): string {
  return encodeAs(value, "percentEncode: value");
}
