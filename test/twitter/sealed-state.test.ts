import { describe, expect, it } from "vitest";
import { sealRequestToken, unsealRequestToken, isTwitterOAuthError, type RequestToken } from "../../src/index.js";
import { MAX_SEALED_LENGTH, type SealPurpose, sealJson, unsealJson } from "../../src/twitter/seal.js";

const PURPOSE: SealPurpose = { context: "test/limits", noun: "test value" };

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
    expect(await unsealRequestToken(sealed, SECRET, { now: () => start + 60_000, maxAgeSeconds: 60 })).toEqual(
      REQUEST_TOKEN,
    );
    expect(await stateError(unsealRequestToken(sealed, SECRET, { now: () => start + 61_000, maxAgeSeconds: 60 }))).toBe(
      "INVALID_STATE",
    );
    expect(await stateError(unsealRequestToken(sealed, SECRET, { now: () => start - 120_000 }))).toBe("INVALID_STATE");
    // A minute of clock skew between two servers is tolerated, not more.
    expect(await unsealRequestToken(sealed, SECRET, { now: () => start - 60_000 })).toEqual(REQUEST_TOKEN);
    await expect(unsealRequestToken(sealed, SECRET, { now: () => start - 61_000 })).rejects.toThrow(
      /^The sealed request token is -61 s old, outside -60 to 900 s \(expired, or a wrong server clock\); start the sign-in again$/,
    );
    await expect(unsealRequestToken(sealed, SECRET, { now: () => start + 901_000 })).rejects.toThrow(/is 901 s old/);
  });

  it("a value sealed with the secret and purpose but of another shape is INVALID_STATE", async () => {
    const purpose: SealPurpose = { context: "twitter-oauth1/request-token", noun: "sealed request token" };
    // The fourth item is when it was sealed, in seconds; the unsealing clock is pinned to it.
    const sealedAt = Date.UTC(2026, 11, 7, 12, 0, 0) / 1000;
    const now = (): number => sealedAt * 1000;
    const good = await sealJson(["t", "s", true, sealedAt], SECRET, purpose);
    expect(await unsealRequestToken(good, SECRET, { now })).toEqual({
      token: "t",
      tokenSecret: "s",
      callbackConfirmed: true,
    });
    for (const shape of [
      ["t", "s", "true", sealedAt],
      ["t", "s", true, String(sealedAt)],
      ["t", "s", true, sealedAt, "one more"],
      ["t", "s", true],
      { token: "t", tokenSecret: "s", callbackConfirmed: true, sealedAt },
      null,
    ]) {
      const sealed = await sealJson(shape, SECRET, purpose);
      await expect(unsealRequestToken(sealed, SECRET, { now }), JSON.stringify(shape)).rejects.toThrow(
        /^The sealed request token could not be opened \(malformed, altered, or sealed with another secret\); start the sign-in again$/,
      );
    }
  });

  it("a secret shorter than 32 characters is a TypeError", async () => {
    await expect(sealRequestToken(REQUEST_TOKEN, "short")).rejects.toThrow(TypeError);
    await expect(unsealRequestToken("x", "x".repeat(31))).rejects.toThrow(/at least 32/);
    await expect(sealRequestToken({ token: "", tokenSecret: "s", callbackConfirmed: true }, SECRET)).rejects.toThrow(
      TypeError,
    );
  });
});

describe("sealed state limits", () => {
  it.each([
    ["Infinity", Number.POSITIVE_INFINITY],
    ["NaN", Number.NaN],
    ["0", 0],
    ["-1", -1],
    ["a string", "900"],
  ])("maxAgeSeconds %s is a TypeError naming it", async (_name, maxAgeSeconds) => {
    const sealed = await sealRequestToken(REQUEST_TOKEN, SECRET);
    await expect(unsealRequestToken(sealed, SECRET, { maxAgeSeconds: maxAgeSeconds as number })).rejects.toThrow(
      /options\.maxAgeSeconds must be a positive, finite number/,
    );
  });

  // RFC 6265 6.1: browsers keep at least 4096 bytes per cookie (name, value and attributes); the
  // major ones drop a larger Set-Cookie silently, which would lose the sign-in without a trace.
  it(`refuses to seal a value a browser would drop (over ${MAX_SEALED_LENGTH} characters), with a clear TypeError`, async () => {
    const huge = { ...REQUEST_TOKEN, tokenSecret: "s".repeat(4_000) };
    const refused = sealRequestToken(huge, SECRET);
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow(/cookie/);
    await expect(sealJson("x".repeat(4_000), SECRET, PURPOSE)).rejects.toThrow(
      / characters sealed, over the 3968 a cookie holds; keep less in it$/,
    );
  });

  it("a value longer than any cookie a browser sends is INVALID_STATE, like any other that does not open", async () => {
    expect(await stateError(unsealRequestToken("A".repeat(5_000), SECRET))).toBe("INVALID_STATE");
  });

  it("the limit is exact: the longest value that fits is sealed, one more character is refused", async () => {
    expect(MAX_SEALED_LENGTH).toBeGreaterThanOrEqual(3_800);
    expect(MAX_SEALED_LENGTH).toBeLessThanOrEqual(4_000);
    // base64url of 1 version byte + 12 IV bytes + the JSON + 16 tag bytes
    const sealedLength = (json: number): number => Math.ceil(((1 + 12 + json + 16) * 4) / 3);
    let fits = 0;
    while (sealedLength(fits + 3) <= MAX_SEALED_LENGTH) fits++;
    const longest = await sealJson("x".repeat(fits), SECRET, PURPOSE); // fits + 2 quotes of JSON
    expect(longest.length).toBeLessThanOrEqual(MAX_SEALED_LENGTH);
    expect(await unsealJson(longest, SECRET, PURPOSE)).toBe("x".repeat(fits));
    await expect(sealJson("x".repeat(fits + 3), SECRET, PURPOSE)).rejects.toThrow(TypeError);
  });
});
