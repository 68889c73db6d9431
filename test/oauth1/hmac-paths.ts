/**
 * The two HMAC paths as users get them: the signing core takes node:crypto when the runtime offers
 * `process.getBuiltinModule` (Node >= 20.16, Deno, Bun) and WebCrypto where it does not (browsers,
 * workerd, older Node). Tests reach the WebCrypto path the same way, by loading the core afresh in
 * a process without `getBuiltinModule` (as test/runtimes/entry.js --webcrypto does), never through a
 * switch in the library. Which path signed is told by counting `crypto.subtle.sign` calls.
 */
import { vi } from "vitest";

type Core = typeof import("../../src/oauth1/index.js");
type Signature = typeof import("../../src/oauth1/signature.js");

/** The core (index and signature module) loaded afresh with `process.getBuiltinModule` hidden. */
export function loadWebCryptoCore(): Promise<{ core: Core; signature: Signature }> {
  return loadCoreWith(undefined);
}

/**
 * The core loaded afresh while `process.getBuiltinModule` is `getBuiltinModule` (a stand-in for
 * another runtime's, or undefined for none), put back afterwards.
 */
export async function loadCoreWith(getBuiltinModule: unknown): Promise<{ core: Core; signature: Signature }> {
  const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
  vi.resetModules();
  Object.defineProperty(process, "getBuiltinModule", { value: getBuiltinModule, configurable: true, writable: true });
  try {
    const signature: Signature = await import("../../src/oauth1/signature.js");
    const core: Core = await import("../../src/oauth1/index.js");
    return { core, signature };
  } finally {
    if (original) Object.defineProperty(process, "getBuiltinModule", original);
    else Reflect.deleteProperty(process, "getBuiltinModule");
  }
}

/** How many times `crypto.subtle.sign` ran during `action` (0 on the node:crypto path). */
export async function subtleSignCalls(action: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(crypto.subtle, "sign");
  try {
    await action();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/** How many times `crypto.subtle.importKey` ran during `action`: each is a miss of the key cache. */
export async function keyImports(action: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(crypto.subtle, "importKey");
  try {
    await action();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
