import { describe, expect, it } from "vitest";
import { sealRequestToken, unsealRequestToken, isTwitterOAuthError, type RequestToken } from "../../src/index.js";

const SECRET = "0123456789abcdef0123456789abcdef-app-secret";
const REQUEST_TOKEN: RequestToken = {
  token: "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
  tokenSecret: "veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI",
  callbackConfirmed: true,
};

async function stateError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isTwitterOAuthError(error) ? error.code : String(error);
}

function flip(sealed: string, at: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const char = sealed[at]!;
  return sealed.slice(0, at) + alphabet[(alphabet.indexOf(char) + 1) % 64] + sealed.slice(at + 1);
}

describe("sealed request-token state (AES-256-GCM, HKDF-SHA256)", () => {
  it("round-trips, is cookie-safe base64url and well under 4 KB", async () => {
    const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed.length).toBeLessThan(400);
    expect(sealed).not.toContain(REQUEST_TOKEN.tokenSecret);
    expect(await unsealRequestToken(sealed, SECRET)).toEqual(REQUEST_TOKEN);
  });

  it("uses a random IV: the same token seals differently each time", async () => {
    const a = await sealRequestToken(REQUEST_TOKEN, SECRET);
    const b = await sealRequestToken(REQUEST_TOKEN, SECRET);
    expect(a).not.toBe(b);
  });

  it("a change to any character is INVALID_STATE", async () => {
    const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET);
    for (let at = 0; at < sealed.length; at += 7) {
      expect(await stateError(unsealRequestToken(flip(sealed, at), SECRET))).toBe("INVALID_STATE");
    }
    expect(await stateError(unsealRequestToken(sealed.slice(0, -2), SECRET))).toBe("INVALID_STATE");
    expect(await stateError(unsealRequestToken(sealed + "AA", SECRET))).toBe("INVALID_STATE");
    expect(await stateError(unsealRequestToken("", SECRET))).toBe("INVALID_STATE");
    expect(await stateError(unsealRequestToken("not base64!", SECRET))).toBe("INVALID_STATE");
  });

  it("only the canonical base64url spelling opens (unused bits of the last character changed)", async () => {
    for (let i = 0; i < 8; i++) {
      const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET);
      const last = sealed.at(-1)!;
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const value = alphabet.indexOf(last);
      // the low bits of the last character are padding when the byte count is not a multiple of 3
      const unused = sealed.length % 4 === 2 ? 4 : sealed.length % 4 === 3 ? 2 : 0;
      if (unused === 0) continue;
      const twin = sealed.slice(0, -1) + alphabet[value ^ 1];
      expect(await stateError(unsealRequestToken(twin, SECRET))).toBe("INVALID_STATE");
    }
  });

  it("another secret is INVALID_STATE", async () => {
    const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET);
    expect(await stateError(unsealRequestToken(sealed, SECRET.replace("app", "APP")))).toBe("INVALID_STATE");
  });

  it("expires after 15 minutes by default, or maxAgeSeconds", async () => {
    const start = 1_700_000_000_000;
    const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET, { now: () => start });
    expect(await unsealRequestToken(sealed, SECRET, { now: () => start + 900_000 })).toEqual(REQUEST_TOKEN);
    expect(await stateError(unsealRequestToken(sealed, SECRET, { now: () => start + 901_000 }))).toBe("INVALID_STATE");
    expect(await stateError(unsealRequestToken(sealed, SECRET, { now: () => start + 61_000, maxAgeSeconds: 60 }))).toBe(
      "INVALID_STATE",
    );
    expect(await stateError(unsealRequestToken(sealed, SECRET, { now: () => start - 120_000 }))).toBe("INVALID_STATE");
  });

  it("a secret shorter than 32 characters is a TypeError", async () => {
    await expect(sealRequestToken(REQUEST_TOKEN, "short")).rejects.toThrow(TypeError);
    await expect(unsealRequestToken("x", "x".repeat(31))).rejects.toThrow(/at least 32/);
    await expect(sealRequestToken({ token: "", tokenSecret: "s", callbackConfirmed: true }, SECRET)).rejects.toThrow(
      TypeError,
    );
  });
});
