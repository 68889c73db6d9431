// Named references: XML's five, and HTML's for the other characters of a base64 signature.
const NAMED: Record<string, string> = {
  "&": "amp|AMP",
  "<": "lt|LT",
  ">": "gt|GT",
  '"': "quot|QUOT",
  "'": "apos",
  "/": "sol",
  "+": "plus",
  "=": "equals",
};

/** A hex number matched in either case: 2f -> 2[fF]. */
function hexOf(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
}

/** Every spelling of one character in text from a server (see docs/security.md, "Redaction"). */
function spellings(char: string): string {
  const code = char.codePointAt(0)!;
  const alternatives = [
    // as is
    char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"),
    // JSON \uXXXX, UTF-16 units (a surrogate pair for characters beyond U+FFFF)
    Array.from({ length: char.length }, (_, i) => `\\\\u${hexOf(char.charCodeAt(i), 4)}`).join(""),
    // XML and HTML numeric references; the ";" may be missing in HTML, unless a digit follows
    `&#(?:0*${code}(?:;|(?![\\d;]))|[xX]0*${hexOf(code, 1)}(?:;|(?![\\da-fA-F;])))`,
    // percent-encoded UTF-8, hex in either case
    Array.from(new TextEncoder().encode(char), (byte) => `%${hexOf(byte, 2)}`).join(""),
  ];
  if (NAMED[char]) alternatives.push(`&(?:${NAMED[char]});`);
  // JSON's two-character escapes ("\/" is PHP's default), and "+" for a space in forms
  if ('/"\\'.includes(char)) alternatives.push(`\\\\\\${char}`);
  if (char === " ") alternatives.push("\\+");
  return `(?:${alternatives.join("|")})`;
}

/**
 * A function that replaces every secret in text from the network with "[redacted]", in each
 * spelling a server or proxy may echo it in: as is, JSON escapes, XML/HTML character references
 * and percent-encoding, in any mix, character by character. Run it on text after it is decoded
 * (JSON parsed, XML references resolved), so that one more layer of encoding is covered too.
 * Secrets under 4 characters are left alone: redacting "s" would wreck every message.
 * @internal
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const patterns = [...new Set(secrets)]
    .filter((secret): secret is string => secret !== undefined && secret.length >= 4)
    .map((secret) => new RegExp(Array.from(secret, spellings).join(""), "g"));
  return (text) => patterns.reduce((out, pattern) => out.replace(pattern, "[redacted]"), text);
}
