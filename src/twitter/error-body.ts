import type { XApiError } from "../errors.js";

const MAX_MESSAGE = 300;

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_MESSAGE ? oneLine.slice(0, MAX_MESSAGE) + "…" : oneLine;
}

function fromJson(value: unknown): XApiError[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const body = value as Record<string, unknown>;
  if (Array.isArray(body.errors)) {
    // v1.1: {"errors":[{"code":32,"message":"Could not authenticate you."}]}
    const errors: XApiError[] = [];
    for (const item of body.errors as unknown[]) {
      if (typeof item !== "object" || item === null) continue;
      const entry = item as Record<string, unknown>;
      const message = entry.message ?? entry.detail ?? entry.title;
      errors.push({
        code: typeof entry.code === "number" ? entry.code : Number(entry.code) || 0,
        message: typeof message === "string" ? clip(message) : "",
      });
    }
    return errors;
  }
  // v2 problem JSON: {"title","detail","type","status"}; older: {"error":"..."}
  const message = body.detail ?? body.title ?? body.error;
  if (typeof message === "string") return [{ code: 0, message: clip(message) }];
  return undefined;
}

function fromXml(text: string): XApiError[] | undefined {
  if (!/^\s*<(\?xml|errors|hash|error)\b/i.test(text)) return undefined;
  const errors: XApiError[] = [];
  // <errors><error code="415">…</error></errors> and <hash><error>…</error><request>…</request></hash>
  for (const match of text.matchAll(/<error(\s[^>]*)?>([\s\S]*?)<\/error>/gi)) {
    const code = /\bcode\s*=\s*["'](\d+)["']/i.exec(match[1] ?? "");
    errors.push({ code: code ? Number(code[1]) : 0, message: clip(decodeXmlEntities(match[2] ?? "")) });
  }
  return errors;
}

/**
 * Parses the errors out of an error body of X, whatever its format (protocol.md B.1): JSON
 * `{"errors":[…]}` or problem JSON, XML `<hash><error>` or `<errors><error code>`, plain text
 * (`Error processing your OAuth request: Invalid oauth_verifier parameter`), or an HTML page (no
 * errors: the status says it all). The content type is not trusted.
 * @internal
 */
export function parseErrorBody(text: string): XApiError[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const parsed = fromJson(JSON.parse(trimmed));
      if (parsed) return parsed;
    } catch {
      // not JSON after all: fall through to text
    }
  }
  const xml = fromXml(trimmed);
  if (xml) return xml;
  if (/^<(!doctype|html|head|body)\b/i.test(trimmed)) return [];
  return [{ code: 0, message: clip(trimmed) }];
}
