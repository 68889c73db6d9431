import { clip, describe } from "../common/describe.js";

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
  const text = part.includes("+") ? part.replace(/\+/g, " ") : part;
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    throw new TypeError(`${where} has a malformed percent-escape (not %XX, or not UTF-8); write a literal "%" as %25`);
  }
}

/**
 * Parses `application/x-www-form-urlencoded` text (a query without its "?", or a form body) into
 * `out`. A name without "=" is that name with an empty value (RFC 5849 3.4.1.3.2, "c2").
 * @internal
 */
export function parseForm(text: string, where: string, out: ParameterList): void {
  if (text === "") return;
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq === -1) {
      out.push([decode(part, where), ""]);
    } else {
      out.push([decode(part.slice(0, eq), where), decode(part.slice(eq + 1), where)]);
    }
  }
}

/** Adds the parameters of a form body, whatever its shape, to `out`. @internal */
export function collectBody(body: FormBody, out: ParameterList): void {
  if (typeof body === "string") {
    parseForm(body, "the form body", out);
  } else if (body instanceof URLSearchParams) {
    for (const pair of body) out.push(pair);
  } else if (typeof body === "object" && body !== null) {
    for (const name of Object.keys(body)) {
      const value = body[name];
      if (typeof value === "string") {
        out.push([name, value]);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly unknown[]) {
          if (typeof item !== "string") {
            throw new TypeError(`body parameter "${clip(name)}" must hold strings, got ${describe(item)} in its array`);
          }
          out.push([name, item]);
        }
      } else {
        throw new TypeError(
          `body parameter "${clip(name)}" must be a string or an array of strings, got ${describe(value)}`,
        );
      }
    }
  } else {
    throw new TypeError(
      `request.body must be a form string, URLSearchParams, a record of strings, null or undefined; got ${describe(body)}`,
    );
  }
}
