import { badArgument, clip } from "../common/describe.js";

/** Name/value pairs, decoded, in the order they arrived; duplicates kept. @internal */
export type ParameterList = Array<[name: string, value: string]>;

/** What a form body may be: `application/x-www-form-urlencoded` text, `URLSearchParams` or a record. */
export type FormBody = string | URLSearchParams | Record<string, string | readonly string[]>;

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * Whether a Content-Type is `application/x-www-form-urlencoded` (parameters such as `charset`
 * allowed): the only body whose parameters are signed (RFC 5849 3.4.1.3.1).
 * @internal
 */
export function isFormContentType(contentType: string | null | undefined): boolean {
  return FORM_TYPE.test(contentType ?? "");
}

function decode(part: string, where: string): string {
  // "+" is a space in application/x-www-form-urlencoded (RFC 5849 3.4.1.3.1: "MUST be properly
  // decoded"); %2B stays a literal plus because it is decoded after this replacement.
  const text = part.includes("+") ? part.replaceAll("+", " ") : part;
  try {
    return text.includes("%") ? decodeURIComponent(text) : text;
  } catch {
    return badArgument(where, "valid %XX escapes");
  }
}

/**
 * Parses `application/x-www-form-urlencoded` text (a query without its "?", or a form body) into
 * `out`. A name without "=" is that name with an empty value (RFC 5849 3.4.1.3.2, "c2").
 * @internal
 */
export function parseForm(text: string, where: string, out: ParameterList): void {
  for (const part of text.split("&")) {
    // Without "=", the name runs to the end and the value is empty.
    const eq = part.indexOf("=") + 1 || part.length + 1;
    if (part !== "") out.push([decode(part.slice(0, eq - 1), where), decode(part.slice(eq), where)]);
  }
}

/** Adds the parameters of a form body (not null: callers leave a null body out), whatever its shape, to `out`. @internal */
export function collectBody(body: FormBody, out: ParameterList): void {
  if (typeof body === "string") {
    parseForm(body, "request.body", out);
  } else if (body instanceof URLSearchParams) {
    for (const pair of body) out.push(pair);
  } else if (typeof body === "object") {
    for (const name of Object.keys(body)) {
      const value = body[name];
      for (const item of Array.isArray(value) ? (value as readonly unknown[]) : [value]) {
        if (typeof item !== "string") {
          badArgument(`request.body "${clip(name)}"`, "a string or an array of strings", item);
        }
        out.push([name, item]);
      }
    }
  } else {
    badArgument("request.body", "a string, URLSearchParams or a record", body);
  }
}
