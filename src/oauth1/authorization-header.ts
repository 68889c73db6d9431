import { clip, describe, matching } from "../common/describe.js";
import { encodeAs } from "./percent-encode.js";

const PRINTABLE = /^[\t\x20-\x7E]*$/;

/**
 * The realm as an HTTP quoted-string (RFC 5849 3.5.1 refers to RFC 2617 1.2): `"` and `\` escaped
 * with a backslash, nothing percent-encoded. A control character (CR and LF above all, which
 * would split the header) cannot be carried, and fetch's Headers take no character above U+00FF
 * (obs-text is obsolete anyway, RFC 9110 5.5), so only HTAB and printable ASCII are accepted.
 * @internal
 */
export function quoteRealm(realm: string, what: string): string {
  return '"' + matching(realm, PRINTABLE, what, "printable ASCII").replace(/["\\]/g, "\\$&") + '"';
}

/**
 * Builds an `Authorization: OAuth …` header value (RFC 5849 3.5.1): `realm` first if given, as an
 * HTTP quoted-string (`"` and `\` escaped with a backslash), then each parameter as
 * `name="value"`, both percent-encoded, sorted by name, joined by `", "`.
 *
 * @param params - the protocol parameters to send, `oauth_signature` included, not encoded.
 * @param realm - an optional realm of printable ASCII; it is never part of the signature.
 * @returns the header value, starting with `OAuth `.
 * @throws TypeError when `params` holds "realm" or an empty name, a name or value is not a string,
 * or the realm holds a control or non-ASCII character.
 *
 * @example
 * ```ts
 * import { buildAuthorizationHeader } from "./authorization-header.js"; // internal: signRequest calls it
 * buildAuthorizationHeader({ oauth_consumer_key: "key", oauth_signature: "a/b=" });
 * // 'OAuth oauth_consumer_key="key", oauth_signature="a%2Fb%3D"'
 * ```
 */
export function buildAuthorizationHeader(params: Readonly<Record<string, string>>, realm?: string): string {
  let header = "OAuth ";
  let first = true;
  if (realm !== undefined) {
    header += "realm=" + quoteRealm(realm, "buildAuthorizationHeader: realm");
    first = false;
  }
  for (const name of Object.keys(params).sort()) {
    // RFC 5849 3.5.1: "realm" is the header's own attribute, and a name cannot be empty. Either
    // would read back as something else (or not at all), so refuse them rather than write them.
    if (name === "realm") {
      throw new TypeError(
        'buildAuthorizationHeader: params must not hold "realm"; pass the realm as the second argument',
      );
    }
    if (name === "") throw new TypeError("buildAuthorizationHeader: params must not hold an empty parameter name");
    header +=
      (first ? "" : ", ") +
      encodeAs(name, "a header parameter name") +
      '="' +
      encodeAs(params[name]!, "header parameter", name) +
      '"';
    first = false;
  }
  return header;
}

/** The parts of an `Authorization: OAuth` header, decoded. */
export interface ParsedAuthorizationHeader {
  /** The realm, when the header has one. */
  realm?: string;
  /** Every other parameter, percent-decoded. */
  params: Record<string, string>;
}

const WS = /[ \t\r\n]/;
const NAME_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

function fail(message: string, at: number): never {
  throw new TypeError(`parseAuthorizationHeader: ${message} at position ${at}`);
}

function decodeAt(text: string, at: number): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fail("malformed percent-escape", at);
  }
}

/** One `name="value"` of a header, decoded, with where its name starts. @internal */
export interface HeaderParameter {
  name: string;
  value: string;
  at: number;
}

/**
 * Reads an `Authorization: OAuth …` header into its parameters in order, duplicates kept, so that
 * a server can report a repeated protocol parameter as such (RFC 5849 3.1) instead of as a syntax
 * error. Throws a TypeError naming the position of the first malformed part.
 * @internal
 */
export function readAuthorizationHeader(value: string): HeaderParameter[] {
  if (typeof value !== "string") {
    throw new TypeError(`parseAuthorizationHeader: value must be a string, got ${describe(value)}`);
  }
  let i = 0;
  const n = value.length;
  const skip = (): void => {
    while (i < n && WS.test(value[i]!)) i++;
  };
  skip();
  if (value.slice(i, i + 5).toLowerCase() !== "oauth" || (i + 5 < n && !WS.test(value[i + 5]!))) {
    fail('expected the "OAuth" scheme', i);
  }
  i += 5;
  const result: HeaderParameter[] = [];
  skip();
  while (i < n) {
    const nameStart = i;
    while (i < n && NAME_CHAR.test(value[i]!)) i++;
    if (i === nameStart) fail("expected a parameter name", i);
    const name = decodeAt(value.slice(nameStart, i), nameStart);
    skip();
    if (value[i] !== "=") fail(`expected "=" after "${clip(value.slice(nameStart, i).trim())}"`, i);
    i++;
    skip();
    let raw: string;
    const valueStart = i;
    if (value[i] === '"') {
      i++;
      raw = "";
      while (i < n && value[i] !== '"') {
        if (value[i] === "\\" && i + 1 < n) i++; // quoted-pair (RFC 9110 5.6.4)
        raw += value[i];
        i++;
      }
      if (i >= n) fail("unterminated quoted value", valueStart);
      i++;
    } else {
      while (i < n && NAME_CHAR.test(value[i]!)) i++;
      raw = value.slice(valueStart, i);
    }
    // RFC 5849 3.5.1: the realm is an RFC 2617 quoted-string, already unescaped above; only the
    // protocol parameters are percent-encoded.
    result.push({ name, value: name === "realm" ? raw : decodeAt(raw, valueStart), at: nameStart });
    skip();
    if (i >= n) break;
    if (value[i] !== ",") fail('expected "," between parameters', i);
    i++;
    skip();
    if (i >= n) fail("trailing comma", i);
  }
  return result;
}

/**
 * Reads an `Authorization: OAuth …` header back (RFC 5849 3.5.1). The scheme is case-insensitive;
 * whitespace and folded lines around names, "=" and "," are allowed; names and values are
 * percent-decoded, except the realm, an HTTP quoted-string whose `\"` and `\\` are unescaped and
 * nothing else. A parameter that appears twice is refused, as RFC 5849 3.1 forbids it.
 *
 * @param value - the header value.
 * @returns the realm (if any) and the other parameters.
 * @throws TypeError naming the position of the first malformed part.
 *
 * @example
 * ```ts
 * import { parseAuthorizationHeader } from "twitter-oauth1";
 * parseAuthorizationHeader('OAuth realm="Photos 100%", oauth_nonce="abc%20d"');
 * // { realm: "Photos 100%", params: { oauth_nonce: "abc d" } }
 * ```
 */
export function parseAuthorizationHeader(value: string): ParsedAuthorizationHeader {
  const result: ParsedAuthorizationHeader = { params: {} };
  const seen = new Set<string>();
  for (const { name, value: decoded, at } of readAuthorizationHeader(value)) {
    if (seen.has(name)) fail(`parameter "${clip(name)}" appears twice`, at);
    seen.add(name);
    if (name === "realm") {
      result.realm = decoded;
    } else {
      // defineProperty: a parameter named "__proto__" must stay data, not change the prototype.
      Object.defineProperty(result.params, name, {
        value: decoded,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}
