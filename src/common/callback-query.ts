import { describe } from "./describe.js";

/** What `parseCallback` accepts (either client's): the callback URL X redirected to, in any usual shape. */
export type CallbackInput = string | URL | URLSearchParams | Request;

/**
 * The query of a callback, whatever shape the app hands it in: a URLSearchParams, a URL, a Request,
 * an absolute URL string, a path with a query, or a bare query (a fragment is never part of it,
 * RFC 3986 3.5). `name` is the argument's name for the TypeError.
 * @internal
 */
export function callbackQuery(input: CallbackInput, name: string): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  if (typeof Request !== "undefined" && input instanceof Request) return new URL(input.url).searchParams;
  if (typeof input !== "string") {
    throw new TypeError(`${name} must be a URL string, URL, URLSearchParams or Request, got ${describe(input)}`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) {
    try {
      return new URL(input).searchParams;
    } catch {
      // not absolute after all: read it as a path or a bare query below
    }
  }
  const withoutFragment = input.split("#", 1)[0]!;
  const question = withoutFragment.indexOf("?");
  return new URLSearchParams(question === -1 ? withoutFragment : withoutFragment.slice(question + 1));
}
