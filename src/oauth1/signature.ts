import { badArgument } from "../common/describe.js";
import { encodeAs } from "./percent-encode.js";

/**
 * How a request is signed. X documents only `HMAC-SHA1`. `HMAC-SHA256` and `HMAC-SHA512` are the
 * common extensions (RFC 5849 3.4 lets servers define methods; oauthlib, NetSuite and others use them),
 * and `PLAINTEXT` is RFC 5849 3.4.4 (TLS only).
 */
export type SignatureMethod = "HMAC-SHA1" | "HMAC-SHA256" | "HMAC-SHA512" | "PLAINTEXT";

const METHODS: readonly string[] = ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"];

/** Checks a signature method name; a TypeError names the argument. @internal */
export function checkSignatureMethod(method: unknown, what = "options.signatureMethod"): SignatureMethod {
  return METHODS.includes(method as string)
    ? (method as SignatureMethod)
    : badArgument(what, "one of " + METHODS.join(", "), method);
}

/**
 * The signing key of RFC 5849 3.4.2: `encode(consumerSecret) & encode(tokenSecret)`. The "&" is
 * there even when a secret is empty.
 * @internal
 */
export function signingKey(consumerSecret: string, tokenSecret: string): string {
  return (
    encodeAs(consumerSecret, "credentials.consumerSecret") + "&" + encodeAs(tokenSecret, "credentials.tokenSecret")
  );
}

// The parts of node:crypto the fast path uses, typed here because src/ has no Node types.
interface NodeHmac {
  update(data: string): NodeHmac;
  digest(encoding: "base64"): string;
}
/** The function of `node:crypto` the synchronous HMAC path calls. @internal */
export interface NodeCrypto {
  createHmac(algorithm: string, key: string): NodeHmac;
}
/** Where a runtime may offer `process.getBuiltinModule` (Node >= 20.16 / 22.3, Deno, Bun). @internal */
export interface BuiltinModuleScope {
  process?: { getBuiltinModule?: (id: string) => unknown };
}

// In Node, Deno and Bun every crypto.subtle call is a round trip through a thread pool (tens of
// microseconds, several times the HMAC itself), while node:crypto's HMAC is synchronous. Both give
// the same bytes (RFC 2104), so use node:crypto where the runtime offers it, WebCrypto elsewhere.
// Reached at run time through process.getBuiltinModule and never imported, so browser and edge
// bundles see no `node:` import at all; a runtime whose module has no createHmac gets WebCrypto.
const builtin = (globalThis as BuiltinModuleScope).process?.getBuiltinModule?.("node:crypto") as
  | Partial<NodeCrypto>
  | undefined;
const nodeCrypto = typeof builtin?.createHmac === "function" ? (builtin as NodeCrypto) : undefined;

// Importing a key costs as much as the HMAC itself, and an app signs with few keys (one consumer
// secret, a handful of token secrets at a time), so keep the imported CryptoKey. Bounded: a server
// signing for many users must not grow without end: when full, it is emptied, so a hit costs one
// Map lookup and nothing else. (Least-recently-used order would cost a delete and a set on every
// hit, and a server cycling through one more user than the limit would miss on every call.)
// node:crypto needs no such cache: it takes the key as a string on each call at no extra cost.
/** How many imported keys the WebCrypto path keeps. @internal */
export const KEY_CACHE_LIMIT = 256;
const keyCache = new Map<string, Promise<CryptoKey>>();
const encoder = new TextEncoder();

function importKey(hash: string, key: string): Promise<CryptoKey> {
  // The hash names differ at their fifth character, so hash + key names one key unambiguously.
  const id = hash + key;
  let imported = keyCache.get(id);
  if (imported === undefined) {
    // Full: start again rather than track which key was used last. The keys still in use are
    // imported once more; the bound holds.
    if (keyCache.size === KEY_CACHE_LIMIT) keyCache.clear();
    imported = crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash }, false, ["sign"]);
    // A failed import is not kept: the next call tries again.
    imported.catch(() => keyCache.delete(id));
    keyCache.set(id, imported);
  }
  return imported;
}

async function webCryptoHmac(hash: string, key: string, baseString: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await importKey(hash, key), encoder.encode(baseString));
  // Standard base64 with padding (RFC 5849 3.4.2); a MAC is at most 64 bytes, a safe spread.
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/**
 * The base64 HMAC of `baseString` under the RFC 5849 3.4.2 signing `key`: a string at once with
 * node:crypto, a promise with WebCrypto (one `subtle.sign` per call once the key is cached).
 * @internal
 */
export function hmacBase64(
  method: Exclude<SignatureMethod, "PLAINTEXT">,
  key: string,
  baseString: string,
): string | Promise<string> {
  // "HMAC-SHA256" is "SHA-256" to WebCrypto, "sha256" to node:crypto (which takes the key as a
  // UTF-8 string).
  const bits = method.slice(8);
  if (nodeCrypto === undefined) return webCryptoHmac("SHA-" + bits, key, baseString);
  return nodeCrypto
    .createHmac("sha" + bits, key)
    .update(baseString)
    .digest("base64");
}

/**
 * Signs a base string with the given method and secrets (RFC 5849 3.4.2 to 3.4.4) and returns
 * the `oauth_signature` value: base64 of the HMAC, or the key itself for `PLAINTEXT`.
 *
 * @param signatureMethod - `"HMAC-SHA1"` (X), `"HMAC-SHA256"`, `"HMAC-SHA512"` or `"PLAINTEXT"`.
 * @param baseString - the signature base string (ignored by `PLAINTEXT`).
 * @param consumerSecret - the consumer secret; may be empty.
 * @param tokenSecret - the token secret; empty or omitted when there is no token.
 * @throws TypeError on an unknown method or a secret that is not a string.
 *
 * @example
 * ```ts
 * import { createSignature } from "./signature.js"; // internal: signRequest and verifySignature call it
 * const signature = await createSignature("HMAC-SHA1", "GET&http%3A%2F%2Fexample.com%2F&", "cs", "ts");
 * ```
 */
export async function createSignature(
  signatureMethod: SignatureMethod,
  baseString: string,
  consumerSecret: string,
  tokenSecret = "",
): Promise<string> {
  const method = checkSignatureMethod(signatureMethod, "signatureMethod");
  const key = signingKey(consumerSecret, tokenSecret);
  if (method === "PLAINTEXT") return key;
  if (typeof baseString !== "string") throw new TypeError("baseString must be a string");
  return hmacBase64(method, key, baseString);
}
