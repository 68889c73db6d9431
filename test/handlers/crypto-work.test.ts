/**
 * How much crypto one complete sign-in does, counted (never timed): the request token is hashed once
 * per leg for its cookie's name, and where the runtime offers node:crypto (Node, Deno, Bun, through
 * process.getBuiltinModule) the cookie's SHA-256 and AES-GCM run there synchronously, with no
 * WebCrypto job at all once the cookie secret's key is derived.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { forceWebCrypto } from "../../src/oauth1/signature.js";
import { CALLBACK, LOGIN, setup, tokenOf } from "./setup.js";

afterEach(() => {
  vi.restoreAllMocks();
  forceWebCrypto(false);
});

/** Login, approval as the fake's user, callback with the cookies the login set; the callback's status. */
async function completeSignIn(app: ReturnType<typeof setup>): Promise<number> {
  const login = await app.signIn.login(new Request(LOGIN));
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const callback = app.fake.approve(tokenOf(login.headers.get("location")!));
  expect(callback.startsWith(CALLBACK)).toBe(true);
  const back = await app.signIn.callback(new Request(callback, { headers: { cookie } }));
  return back.status;
}

const SUBTLE = ["digest", "encrypt", "decrypt", "sign", "importKey", "deriveKey", "deriveBits"] as const;

describe("crypto work per sign-in", () => {
  it("on the WebCrypto path, the request token is hashed once in the login and once in the callback", async () => {
    forceWebCrypto(true);
    const app = setup();
    expect(await completeSignIn(app)).toBe(303); // warm: the cookie secret's key is derived
    const digest = vi.spyOn(crypto.subtle, "digest");
    expect(await completeSignIn(app)).toBe(303);
    expect(digest).toHaveBeenCalledTimes(2);
  });

  it("with node:crypto available, a sign-in starts no WebCrypto job once the cookie secret's key is derived", async () => {
    const app = setup();
    expect(await completeSignIn(app)).toBe(303);
    const spies = SUBTLE.map((name) => vi.spyOn(crypto.subtle, name));
    expect(await completeSignIn(app)).toBe(303);
    expect(await completeSignIn(app)).toBe(303);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("a cookie sealed on one path opens on the other, both ways", async () => {
    const app = setup();
    for (const [start, finish] of [
      [true, false],
      [false, true],
    ] as const) {
      forceWebCrypto(start);
      const login = await app.signIn.login(new Request(LOGIN));
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const callback = app.fake.approve(tokenOf(login.headers.get("location")!));
      forceWebCrypto(finish);
      expect((await app.signIn.callback(new Request(callback, { headers: { cookie } }))).status).toBe(303);
    }
    expect(app.successes).toHaveLength(2);
  });
});
