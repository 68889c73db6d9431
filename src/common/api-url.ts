import { describe } from "./describe.js";

/**
 * The URL a client's `fetch(input)` goes to: an absolute URL as given (a copy), a path resolved
 * against the client's baseUrl (with or without its leading "/"). Anything else is a TypeError.
 * @internal
 */
export function apiUrl(input: string | URL, baseUrl: string): URL {
  if (input instanceof URL) return new URL(input.href);
  if (typeof input !== "string") throw new TypeError(`input must be a path or a URL, got ${describe(input)}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return new URL(input);
  return new URL(baseUrl + (input.startsWith("/") ? input : `/${input}`));
}
