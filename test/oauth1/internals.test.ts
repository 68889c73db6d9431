/**
 * Internal helpers of src/oauth1 that the public functions lean on: the bounded key cache,
 * base64 (RFC 4648), the constant-time comparison and the nonce (RFC 5849 3.3).
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { base64UrlToBytes, bytesToBase64, bytesToBase64Url } from "../../src/oauth1/base64.js";
import { timingSafeEqual } from "../../src/oauth1/constant-time.js";
import { keyImports, loadWebCryptoCore } from "./hmac-paths.js";

describe("signing key cache (src/oauth1/signature.ts)", () => {
  // The cache holds imported CryptoKeys: it is WebCrypto's, so use the core as loaded where
  // node:crypto is missing (here it is there, and signs with the key string, keeping nothing).
  // Its size is counted by its misses: one crypto.subtle.importKey per key not held.
  let web: typeof import("../../src/oauth1/signature.js");
  beforeAll(async () => {
    web = (await loadWebCryptoCore()).signature;
  });

  it("stays bounded while signing with 10,000 distinct token secrets, and every signature is right", async () => {
    const baseString = "GET&https%3A%2F%2Fapi.x.com%2F&a%3D1";
    let checked = 0;
    for (let i = 0; i < 10_000; i++) {
      const tokenSecret = `token-secret-${i}`;
      const signature = await web.createSignature("HMAC-SHA1", baseString, "consumer", tokenSecret);
      if (i % 997 === 0) {
        // Independent oracle: node:crypto HMAC over the RFC 5849 3.4.2 key (no character needs encoding here).
        expect(signature).toBe(createHmac("sha1", `consumer&${tokenSecret}`).update(baseString).digest("base64"));
        checked++;
      }
    }
    expect(checked).toBe(11);
    // The first key was evicted long ago; the last one is still held.
    expect(await keyImports(() => web.createSignature("HMAC-SHA1", baseString, "consumer", "token-secret-0"))).toBe(1);
    expect(await keyImports(() => web.createSignature("HMAC-SHA1", baseString, "consumer", "token-secret-9999"))).toBe(
      0,
    );
  }, 60_000);

  it("does not import again when the same key signs again, whatever the base string", async () => {
    await web.createSignature("HMAC-SHA256", "one", "same-consumer", "same-token");
    const imports = await keyImports(async () => {
      for (const baseString of ["two", "three", "four"]) {
        await web.createSignature("HMAC-SHA256", baseString, "same-consumer", "same-token");
      }
    });
    expect(imports).toBe(0);
  });

  it("does not keep a key whose import failed, so the next call tries again", async () => {
    const spy = vi.spyOn(crypto.subtle, "importKey").mockRejectedValueOnce(new Error("import failed"));
    try {
      await expect(web.createSignature("HMAC-SHA1", "bs", "import-fails", "")).rejects.toThrow("import failed");
      await Promise.resolve(); // let the cache's own rejection handler run
      expect(await web.createSignature("HMAC-SHA1", "bs", "import-fails", "")).toBe(
        createHmac("sha1", "import-fails&").update("bs").digest("base64"),
      );
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("keeps the same secrets under different hashes apart (RFC 5849 3.4.2 with SHA-1, SHA-256, SHA-512)", async () => {
    const results = await Promise.all(
      (["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512"] as const).map((m) => web.createSignature(m, "bs", "cs", "ts")),
    );
    expect(results).toEqual([
      createHmac("sha1", "cs&ts").update("bs").digest("base64"),
      createHmac("sha256", "cs&ts").update("bs").digest("base64"),
      createHmac("sha512", "cs&ts").update("bs").digest("base64"),
    ]);
  });
});

describe("base64 (RFC 4648 section 10 test vectors)", () => {
  const vectors: Array<[string, string]> = [
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ];
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  for (const [input, output] of vectors) {
    it(`BASE64("${input}") = "${output}", base64url without padding, and back`, () => {
      expect(bytesToBase64(bytes(input))).toBe(output);
      const url = output.replace(/=+$/, "");
      expect(bytesToBase64Url(bytes(input))).toBe(url);
      expect(base64UrlToBytes(url)).toEqual(bytes(input));
    });
  }

  it("uses - and _ in base64url (RFC 4648 section 5) where base64 has + and /", () => {
    const data = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(bytesToBase64(data)).toBe("+/+/");
    expect(bytesToBase64Url(data)).toBe("-_-_");
    expect(base64UrlToBytes("-_-_")).toEqual(data);
  });

  it("refuses text that is not unpadded base64url", () => {
    for (const bad of ["+/+/", "Zg==", "Z", "Zm9vY", "a b", "é"]) expect(base64UrlToBytes(bad)).toBeUndefined();
  });
});

describe("constant-time comparison (src/oauth1/constant-time.ts)", () => {
  it("is true only for equal strings", () => {
    const cases: Array<[string, string, boolean]> = [
      ["", "", true],
      ["hCtSmYh+iHYCEqBWrE7C7hYmtUk=", "hCtSmYh+iHYCEqBWrE7C7hYmtUk=", true],
      ["hCtSmYh+iHYCEqBWrE7C7hYmtUk=", "hCtSmYh+iHYCEqBWrE7C7hYmtUl=", false],
      ["abc", "abd", false],
      ["a", "", false],
      ["", "a", false],
      ["abc", "abcabc", false],
      ["ab", "abab", false],
      ["\u0100", "\u0000", false],
    ];
    for (const [a, b, equal] of cases) expect(timingSafeEqual(a, b), `${a} vs ${b}`).toBe(equal);
  });
});

describe("RFC 5849 3.3 nonce (X API reference: ASCII only)", () => {
  it("is 30 hex digits (20 to 30 characters: oauthlib's default nonce_length) and does not repeat in 2,000 signatures", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const { oauthParams } = await signRequest(
        { method: "GET", url: "https://api.x.com/1.1/account/verify_credentials.json" },
        { consumerKey: "key", consumerSecret: "secret" },
      );
      expect(oauthParams.oauth_nonce).toMatch(/^[0-9a-f]{30}$/);
      seen.add(oauthParams.oauth_nonce!);
    }
    expect(seen.size).toBe(2_000);
  });

  it("is the random part of a crypto.randomUUID(): its 32 hex digits less the first two", async () => {
    const uuid = "0123abcd-4567-4def-89ab-cdef01234567";
    const spy = vi.spyOn(crypto, "randomUUID").mockReturnValue(uuid);
    try {
      const { oauthParams } = await signRequest(
        { method: "GET", url: "https://api.x.com/" },
        { consumerKey: "key", consumerSecret: "secret" },
      );
      expect(oauthParams.oauth_nonce).toBe("23abcd45674def89abcdef01234567");
    } finally {
      spy.mockRestore();
    }
  });
});
