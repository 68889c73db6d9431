// Named references: XML's five, and HTML's for the other characters of a base64 signature.
const NAMED: Record<string, string> = {
  "&": "amp",
  "<": "lt",
  ">": "gt",
  '"': "quot",
  "'": "apos",
  "/": "sol",
  "+": "plus",
  "=": "equals",
};

/**
 * Every spelling of one character in text from a server (see docs/security.md, "Redaction"), in a
 * pattern matched case-insensitively (hex digits, "&#X", "&AMP;"): a secret's letters then match in
 * either case too, which redacts more, never less.
 */
function spellings(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = (value: number, width: number): string => value.toString(16).padStart(width, "0");
  const alternatives = [
    // as is
    char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"),
    // JSON \uXXXX, UTF-16 units (a surrogate pair for characters beyond U+FFFF)
    Array.from({ length: char.length }, (_, i) => `\\\\u${hex(char.charCodeAt(i), 4)}`).join(""),
    // XML and HTML numeric references, the ";" optional as HTML allows
    `&#(?:0*${code}|x0*${hex(code, 1)});?`,
    // percent-encoded UTF-8
    Array.from(new TextEncoder().encode(char), (byte) => `%${hex(byte, 2)}`).join(""),
  ];
  if (NAMED[char]) alternatives.push(`&${NAMED[char]};`);
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
    .map((secret) => new RegExp(Array.from(secret, spellings).join(""), "gi"));
  return (text) => patterns.reduce((out, pattern) => out.replace(pattern, "[redacted]"), text);
}
