import { bytesToBase64Url } from "../oauth1/base64.js";
import { readCookieHeader } from "../common/cookie-header.js";
import { sha256 } from "../twitter/fast-crypto.js";

/**
 * How the pending sign-in cookies are written: `Secure` and the `__Host-` name prefix when the
 * callback is https (RFC 6265bis 4.1.3.2: such a cookie cannot be set by a sibling subdomain or over
 * http), `Path=/` so that the login and the callback see them wherever they are mounted.
 * @internal
 */
export interface CookieAttributes {
  secure: boolean;
  /** Whole seconds (the options floor it): written as is into `Max-Age`. */
  maxAgeSeconds: number;
}

/** At most this many cookies of ours are read from one header; more than any browser holds of them. */
const MAX_COOKIES = 32;

/** The name prefix of every pending sign-in cookie. @internal */
export function cookiePrefix(secure: boolean): string {
  return secure ? "__Host-x-signin-" : "x-signin-";
}

/**
 * The cookie name of the pending sign-in of `requestToken`: the prefix and 96 bits of its SHA-256,
 * so that each tab's sign-in has a cookie of its own and the callback finds it by `oauth_token`
 * (or `denied`) without opening the others.
 * @internal
 */
export async function cookieNameFor(requestToken: string, secure: boolean): Promise<string> {
  return cookiePrefix(secure) + bytesToBase64Url((await sha256(requestToken)).subarray(0, 12));
}

/**
 * The cookies of a `Cookie` header whose names start with `prefix`, first occurrence kept, at most
 * 32; split on ";" only (see `readCookieHeader`: a "," is part of a value).
 * @internal
 */
export function readCookies(header: string | null | undefined, prefix: string): Map<string, string> {
  return readCookieHeader(header, (name) => name.startsWith(prefix), MAX_COOKIES);
}

/** A `Set-Cookie` value that stores a pending sign-in, or with `Max-Age=0` deletes it. @internal */
export function setCookie(name: string, value: string, attributes: CookieAttributes): string {
  return `${name}=${value}; Path=/; Max-Age=${attributes.maxAgeSeconds}; HttpOnly; SameSite=Lax${attributes.secure ? "; Secure" : ""}`;
}
