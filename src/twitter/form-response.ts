/**
 * Reads a token endpoint's body as form data. X sends these as `text/html` (X docs "Log in with X": the
 * example answers of steps 1 and 3), so the content type is ignored on purpose. Returns undefined values for missing fields, never throws.
 * @internal
 */
export function parseFormResponse(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of text.trim().split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      const name = decodeURIComponent(part.slice(0, eq).replace(/\+/g, " "));
      if (!fields.has(name)) fields.set(name, decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " ")));
    } catch {
      // a malformed pair is skipped; the caller reports the field as missing
    }
  }
  return fields;
}
