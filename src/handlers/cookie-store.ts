import { timingSafeEqual } from "../oauth1/constant-time.js";
import { checkSecret, openSealed, type SealPurpose, sealJson } from "../twitter/seal.js";
import { type CookieAttributes, cookieNameFor, cookiePrefix, readCookies, setCookie } from "./cookies.js";
import type { PendingSignIn, PendingStore } from "./pending.js";

// Its own AES-GCM additional data: a sealed request token (sealRequestToken) never opens as a
// pending sign-in, nor the other way round.
const PURPOSE: SealPurpose = { context: "twitter-oauth1/pending-sign-in", noun: "pending sign-in" };

/** A {@link PendingStore} over one request's `Cookie` header; what it changes is in `setCookies`. @internal */
export interface CookieStore extends PendingStore {
  /** The `Set-Cookie` values to send with the answer. */
  readonly setCookies: string[];
}

async function open(value: string, secret: string): Promise<PendingSignIn | undefined> {
  const fields = (await openSealed(value, secret, PURPOSE, "string,string,number,string")) as
    | [string, string, number, string]
    | undefined;
  return fields && { token: fields[0], tokenSecret: fields[1], issuedAt: fields[2], returnTo: fields[3] };
}

/**
 * Pending sign-ins in sealed cookies, one per request token (see `cookies.ts` for the names and
 * attributes). A cookie that cannot be opened with this secret is left alone by `list`: it may
 * belong to another app on the same host, and its Max-Age removes it anyway.
 * @internal
 */
export function createCookieStore(
  cookieHeader: string | null | undefined,
  secret: string,
  attributes: CookieAttributes,
): CookieStore {
  const cookies = readCookies(cookieHeader, cookiePrefix(attributes.secure));
  const setCookies: string[] = [];
  // A callback looks its token's cookie up, then clears it: one hash per token and request, not two.
  // Bounded by the cookies read (at most 32) and the tokens added in this request.
  const names = new Map<string, string>();
  const nameFor = async (token: string): Promise<string> => {
    let name = names.get(token);
    if (name === undefined) {
      name = await cookieNameFor(token, attributes.secure);
      names.set(token, name);
    }
    return name;
  };
  return {
    setCookies,
    async list() {
      const entries: PendingSignIn[] = [];
      for (const [name, value] of cookies) {
        const entry = await open(value, secret);
        // A value only counts under its own name, so a copy under another name changes nothing.
        if (entry !== undefined && (await nameFor(entry.token)) === name) entries.push(entry);
      }
      return entries;
    },
    async find(token) {
      const value = cookies.get(await nameFor(token));
      if (value === undefined) return undefined;
      const entry = await open(value, secret);
      return entry !== undefined && timingSafeEqual(entry.token, token) ? entry : "unreadable";
    },
    async add(entry) {
      const name = await nameFor(entry.token);
      const value = await sealJson([entry.token, entry.tokenSecret, entry.issuedAt, entry.returnTo], secret, PURPOSE);
      cookies.set(name, value);
      setCookies.push(setCookie(name, value, attributes));
    },
    async remove(token) {
      const name = await nameFor(token);
      cookies.delete(name);
      setCookies.push(setCookie(name, "", { ...attributes, maxAgeSeconds: 0 })); // RFC 6265 5.3: Max-Age=0 deletes it
    },
  };
}

/**
 * `checkSecret` (a string of at least 32 characters) plus a refusal of the obviously weak: one
 * character repeated (`"x".repeat(32)`, a placeholder left in). The secret seals the pending
 * sign-ins with AES-GCM; anyone who can guess it can forge one, so it must be random.
 * @internal
 */
export function checkCookieSecret(value: unknown, name: string): string {
  const secret = checkSecret(value, name);
  if ([...secret].every((c) => c === secret[0])) {
    throw new TypeError(`${name} is one character repeated: it must be random (openssl rand -base64 32)`);
  }
  return secret;
}
