import { TwitterOAuthError } from "../common/errors.js";
import { base64UrlToBytes, bytesToBase64Url } from "../oauth1/base64.js";
import { describe } from "../common/describe.js";
import { nodeCipherCrypto } from "./fast-crypto.js";

const VERSION = 1;
const IV_BYTES = 12; // AES-GCM's standard nonce size (NIST SP 800-38D)
const TAG_BYTES = 16;
const MIN_SECRET = 32;
/**
 * The longest sealed value made or opened, in characters. RFC 6265 6.1 asks browsers to keep at
 * least 4096 bytes per cookie, and the major ones keep no more (name and value counted together):
 * a longer Set-Cookie is dropped without a word. 4096 less 128 for the cookie's name and "=".
 * @internal
 */
export const MAX_SEALED_LENGTH = 3_968;
const INFO = "twitter-oauth1 sealed request token v1";
// Encoded on use, not at module load: a module-level call would keep this file in bundles that never seal.
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/**
 * What a sealed value is for: `context` is bound to the ciphertext as AES-GCM additional data, so a
 * value sealed for one purpose never opens as another; `noun` names it in error messages.
 * @internal
 */
export interface SealPurpose {
  context: string;
  noun: string;
}

// Deriving the key (HKDF) on every call would double the cost of a seal; an app has one or two
// secrets, so a tiny cache is enough. The derived bytes are kept for node:crypto's synchronous
// AES-GCM (fast-crypto.ts); the WebCrypto key is imported from them once, on first use.
interface SealKey {
  raw: Uint8Array<ArrayBuffer>;
  web?: Promise<CryptoKey>;
}
const keys = new Map<string, Promise<SealKey>>();

function keyFor(secret: string): Promise<SealKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = crypto.subtle
      .importKey("raw", utf8(secret), "HKDF", false, ["deriveBits"])
      .then((material) =>
        crypto.subtle.deriveBits(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: utf8(INFO) },
          material,
          256, // AES-256
        ),
      )
      .then((bits) => ({ raw: new Uint8Array(bits) }));
    if (keys.size >= 8) keys.delete(keys.keys().next().value!);
    keys.set(secret, key);
  }
  return key;
}

function webKey(key: SealKey): Promise<CryptoKey> {
  key.web ??= crypto.subtle.importKey("raw", key.raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return key.web;
}

/** Checks a sealing secret: a string of at least 32 characters. @internal */
export function checkSecret(secret: unknown, name = "secret"): string {
  if (typeof secret !== "string" || secret.length < MIN_SECRET) {
    throw new TypeError(
      `${name} must be at least ${MIN_SECRET} random characters (openssl rand -base64 32), got ${typeof secret === "string" ? `${secret.length}` : describe(secret)}`,
    );
  }
  return secret;
}

/**
 * Seals a JSON value: AES-256-GCM under a key derived with HKDF-SHA256 from `secret`, a random IV,
 * the purpose's context as additional data; base64url out (cookie-safe). The bytes are the version
 * (1), the IV, the ciphertext and the tag.
 * @throws TypeError when the result would be over {@link MAX_SEALED_LENGTH} characters (a cookie
 *   browsers would drop).
 * @internal
 */
export async function sealJson(value: unknown, secret: string, purpose: SealPurpose): Promise<string> {
  const key = await keyFor(checkSecret(secret));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = await gcm(key, iv, utf8(purpose.context), utf8(JSON.stringify(value)), false);
  const sealed = bytesToBase64Url(join([VERSION], iv, body));
  if (sealed.length > MAX_SEALED_LENGTH) {
    throw new TypeError(
      `The ${purpose.noun} would be ${sealed.length} characters sealed, over the ${MAX_SEALED_LENGTH} a cookie holds; keep less in it`,
    );
  }
  return sealed;
}

function join(...parts: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * AES-256-GCM: `data` encrypted to ciphertext then tag (as WebCrypto returns them), or, when
 * `open`, ciphertext then tag decrypted; throws when the tag does not match.
 */
async function gcm(
  key: SealKey,
  iv: Uint8Array<ArrayBuffer>,
  context: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  open: boolean,
): Promise<Uint8Array> {
  const node = nodeCipherCrypto;
  if (node === undefined) {
    return new Uint8Array(
      await crypto.subtle[open ? "decrypt" : "encrypt"](
        { name: "AES-GCM", iv, additionalData: context },
        await webKey(key),
        data,
      ),
    );
  }
  if (open) {
    const decipher = node.createDecipheriv("aes-256-gcm", key.raw, iv);
    decipher.setAAD(context);
    decipher.setAuthTag(data.subarray(-TAG_BYTES));
    // final() throws when the tag does not match.
    return join(decipher.update(data.subarray(0, -TAG_BYTES)), decipher.final());
  }
  const cipher = node.createCipheriv("aes-256-gcm", key.raw, iv);
  cipher.setAAD(context);
  return join(cipher.update(data), cipher.final(), cipher.getAuthTag()); // final() is empty for GCM
}

/**
 * Opens a value made by {@link sealJson} for the same purpose and secret: an array whose items have
 * the `typeof`s listed in `types` (`"string,number"`), nothing more.
 * @returns the value, or `undefined` when it is malformed, altered, sealed with another secret or
 *   for another purpose, or holds other data (JSON has no `undefined`: a sealed value is never one).
 * @internal
 */
export async function openSealed(
  sealed: string,
  secret: string,
  purpose: SealPurpose,
  types?: string,
): Promise<unknown> {
  const key = await keyFor(checkSecret(secret));
  try {
    // No browser sends a longer cookie back; refusing it first bounds the work on hostile input.
    const bytes =
      typeof sealed === "string" && sealed.length <= MAX_SEALED_LENGTH ? base64UrlToBytes(sealed) : undefined;
    // Only the canonical encoding is accepted: a last character that differs in its unused bits
    // decodes to the same bytes, and a sealed value should have exactly one spelling.
    if (
      bytes &&
      bytesToBase64Url(bytes) === sealed &&
      bytes.length >= 1 + IV_BYTES + TAG_BYTES &&
      bytes[0] === VERSION
    ) {
      const plain = await gcm(
        key,
        bytes.subarray(1, 1 + IV_BYTES),
        utf8(purpose.context),
        bytes.subarray(1 + IV_BYTES),
        true,
      );
      const value: unknown = JSON.parse(new TextDecoder().decode(plain));
      if (types === undefined || (Array.isArray(value) && value.map((item) => typeof item).join() === types))
        return value;
    }
  } catch {
    // Not opened: the tag did not match, or the JSON did not parse; its error may quote the plaintext.
  }
  return undefined;
}

/**
 * {@link openSealed}, refusing what does not open.
 * @throws TwitterOAuthError `INVALID_STATE` when it is malformed, altered, sealed with another
 *   secret or for another purpose, or holds other data.
 * @internal
 */
export async function unsealJson(
  sealed: string,
  secret: string,
  purpose: SealPurpose,
  types?: string,
): Promise<unknown> {
  const value = await openSealed(sealed, secret, purpose, types);
  if (value !== undefined) return value;
  throw new TwitterOAuthError(
    "INVALID_STATE",
    `The ${purpose.noun} could not be opened (malformed, altered, or sealed with another secret); start the sign-in again`,
  );
}
