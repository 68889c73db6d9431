import type { XApiError } from "../common/errors.js";

const MAX_MESSAGE = 300;
/** How many of X's errors one body may add to `error.errors` (X sends one or two). @internal */
export const MAX_ERRORS = 10;

const XML_NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    const code = lower[1] === "x" ? parseInt(lower.slice(2), 16) : Number(lower.slice(1));
    return XML_NAMED[lower] ?? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole);
  });
}

/**
 * A message as kept: cleaned (secrets redacted) first, so that clipping never cuts a secret in two,
 * then on one line and clipped.
 * @internal
 */
export function keepMessage(text: string, clean: (text: string) => string): string {
  const oneLine = clean(text).replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_MESSAGE ? oneLine.slice(0, MAX_MESSAGE) + "…" : oneLine;
}

function fromJson(value: unknown, clean: (text: string) => string): XApiError[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const body = value as Record<string, unknown>;
  if (Array.isArray(body.errors)) {
    // v1.1: {"errors":[{"code":32,"message":"Could not authenticate you."}]}
    const errors: XApiError[] = [];
    for (const item of body.errors as unknown[]) {
      if (errors.length === MAX_ERRORS) break;
      if (typeof item !== "object" || item === null) continue;
      const entry = item as Record<string, unknown>;
      const message = entry.message ?? entry.detail ?? entry.title;
      errors.push({
        code: Number(entry.code) || 0,
        message: typeof message === "string" ? keepMessage(message, clean) : "",
      });
    }
    return errors;
  }
  // v2 problem JSON: {"title","detail","type","status"}; older: {"error":"..."}
  const message = body.detail ?? body.title ?? body.error;
  if (typeof message === "string") return [{ code: 0, message: keepMessage(message, clean) }];
  return undefined;
}

// <errors><error code="415">…</error></errors> and <hash><error>…</error><request>…</request></hash>:
// X's messages are text, entities and all, so an error is a start tag, text, an end tag. Each part
// stops at the next "<" (or ">"), so one forward scan reads the body, whatever it holds, in linear
// work; a tag that never closes is passed over.
const XML_ERROR = /<error(\s[^<>]*)?>([^<]*)<\/error\s*>/gi;

function fromXml(text: string, clean: (text: string) => string): XApiError[] | undefined {
  if (!/^\s*<(\?xml|errors|hash|error)\b/i.test(text)) return undefined;
  const errors: XApiError[] = [];
  for (const [, attributes = "", message] of text.matchAll(XML_ERROR)) {
    const code = /\bcode\s*=\s*["'](\d+)["']/i.exec(attributes);
    errors.push({ code: code ? Number(code[1]) : 0, message: keepMessage(decodeXmlEntities(message!), clean) });
    if (errors.length === MAX_ERRORS) break;
  }
  return errors;
}

/**
 * Parses the errors out of an error body of X, whatever its format: JSON `{"errors":[…]}` or
 * problem JSON, XML `<hash><error>` or `<errors><error code>`, plain text (`Error processing your
 * OAuth request: Invalid oauth_verifier parameter`), or an HTML page (no errors: the status says it
 * all). The content type is not trusted. Linear in the body; keeps at most {@link MAX_ERRORS}.
 * Each message is decoded, then passed through `clean` (the redaction), then clipped.
 * @internal
 */
export function parseErrorBody(text: string, clean: (text: string) => string = (t) => t): XApiError[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  try {
    // A JSON number, string or literal is no error list: it is kept as text below.
    const parsed = fromJson(JSON.parse(trimmed), clean);
    if (parsed) return parsed;
  } catch {
    // not JSON: XML or text
  }
  const xml = fromXml(trimmed, clean);
  if (xml) return xml;
  if (/^<(!doctype|html|head|body)\b/i.test(trimmed)) return [];
  return [{ code: 0, message: keepMessage(trimmed, clean) }];
}
