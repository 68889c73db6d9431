/** Where a sign-in lands when no safe `returnTo` was given. */
export const DEFAULT_RETURN_TO = "/";

// Long enough for any real page with its query; short enough that the sealed cookie stays far below
// the 4,096 bytes a browser keeps per cookie (RFC 6265 6.1), a few pending sign-ins included.
const MAX_LENGTH = 512;
const BASE = "https://return-to.invalid";

/**
 * `value` if it is a path on this site, else {@link DEFAULT_RETURN_TO}. As given: printable ASCII
 * (no control character, space or backslash, which browsers read as "/"), one leading "/", no
 * scheme or host. Percent-decoded up to three times, and with its dot segments resolved, it must
 * still start with exactly one "/" and hold no control character or backslash, so that
 * `/%2F%2Fevil.com` or `/..//evil.com` cannot turn into `//evil.com` (another host, RFC 3986 4.2)
 * once an app decodes or normalizes it.
 * @internal
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return DEFAULT_RETURN_TO;
  if (!/^\/[\x21-\x5B\x5D-\x7E]*$/.test(value)) return DEFAULT_RETURN_TO;
  let current = value;
  for (let round = 0; round < 4; round++) {
    if (!isLocalPath(current)) return DEFAULT_RETURN_TO;
    const decoded = percentDecodeBytes(current);
    if (decoded === current) return value;
    current = decoded;
  }
  return DEFAULT_RETURN_TO; // still encoded after three rounds: nothing legitimate needs that
}

// Byte-wise (each %XX to one code unit): every character that matters here is ASCII, and a stray
// "%" or invalid UTF-8 cannot make the check throw or stop early.
function percentDecodeBytes(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function isLocalPath(path: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (path[0] !== "/" || path[1] === "/" || /[\x00-\x1F\x7F\\]/.test(path)) return false;
  let resolved: URL;
  try {
    resolved = new URL(path, BASE);
  } catch {
    return false;
  }
  return resolved.origin === BASE && !resolved.pathname.startsWith("//");
}
