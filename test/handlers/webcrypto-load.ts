/**
 * The sign-in handlers and the seal as a runtime without `process.getBuiltinModule` gets them
 * (browsers, workerd, older Node): loaded afresh while it is hidden, so they take the WebCrypto path
 * as users there do, with no switch in the library.
 */
import { vi } from "vitest";

type Handlers = typeof import("../../src/handlers/index.js");
type Seal = typeof import("../../src/twitter/seal.js");
type Cookies = typeof import("../../src/handlers/cookies.js");

/** Fresh copies of the handlers, the seal and the cookie names, on WebCrypto. */
export async function loadWebCryptoHandlers(): Promise<{ handlers: Handlers; seal: Seal; cookies: Cookies }> {
  const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
  vi.resetModules();
  Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true, writable: true });
  try {
    const seal: Seal = await import("../../src/twitter/seal.js");
    const cookies: Cookies = await import("../../src/handlers/cookies.js");
    const handlers: Handlers = await import("../../src/handlers/index.js");
    return { handlers, seal, cookies };
  } finally {
    if (original) Object.defineProperty(process, "getBuiltinModule", original);
    else Reflect.deleteProperty(process, "getBuiltinModule");
  }
}
