// SHA-256 and AES-256-GCM for the sealed cookies and their names, on node:crypto where the runtime
// offers it (Node, Deno, Bun, through process.getBuiltinModule) and WebCrypto elsewhere. As for the
// HMAC in src/oauth1/signature.ts: every crypto.subtle call is a round trip through a thread pool in
// those runtimes, several times the cost of hashing or sealing a few hundred bytes synchronously.
// Both paths give the same bytes (FIPS 180-4, NIST SP 800-38D).
import type { BuiltinModuleScope } from "../oauth1/signature.js";

// The parts of node:crypto used here, typed here because src/ has no Node types.
interface NodeHash {
  update(data: string): NodeHash;
  digest(): Uint8Array;
}
interface NodeCipher {
  setAAD(data: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag(): Uint8Array;
}
interface NodeDecipher {
  setAAD(data: Uint8Array): unknown;
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}
/** The functions of `node:crypto` the synchronous seal and hash paths call. @internal */
export interface NodeCipherCrypto {
  createHash(algorithm: "sha256"): NodeHash;
  createCipheriv(algorithm: "aes-256-gcm", key: Uint8Array, iv: Uint8Array): NodeCipher;
  createDecipheriv(algorithm: "aes-256-gcm", key: Uint8Array, iv: Uint8Array): NodeDecipher;
}

// Looked up once, as the HMAC path does (src/oauth1/signature.ts). Reached at run time and never
// imported, so browser and edge bundles see no `node:` import.
const builtin = (globalThis as BuiltinModuleScope).process?.getBuiltinModule?.("node:crypto") as
  | Partial<NodeCipherCrypto>
  | undefined;

/**
 * The `node:crypto` of this runtime when it has the functions used here, or `undefined` where only
 * WebCrypto is available.
 * @internal
 */
export const nodeCipherCrypto: NodeCipherCrypto | undefined =
  typeof builtin?.createHash === "function" &&
  typeof builtin.createCipheriv === "function" &&
  typeof builtin.createDecipheriv === "function"
    ? (builtin as NodeCipherCrypto)
    : undefined;

/** SHA-256 of the UTF-8 bytes of `text`. @internal */
export async function sha256(text: string): Promise<Uint8Array> {
  if (nodeCipherCrypto) return nodeCipherCrypto.createHash("sha256").update(text).digest();
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}
