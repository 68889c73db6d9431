/**
 * A server that signs for many users must not grow the signing-key cache without end
 * (docs/performance.md, "Why it is fast"). A bound is shown by exceeding it several times over and
 * reading the cache size after every signature, not by volume: four times KEY_CACHE_LIMIT distinct
 * token secrets, on both HMAC paths. The cache is counted by its misses (`crypto.subtle.importKey`
 * calls): WebCrypto keeps at most KEY_CACHE_LIMIT keys and starts again when full; node:crypto (which takes
 * the key string on each call) imports none. Every signature, including
 * those made again after their key was evicted, is checked against the independent oracle.
 */
import { describe, expect, it } from "vitest";
import { createSignature, KEY_CACHE_LIMIT } from "../../src/oauth1/signature.js";
import { referenceSignature } from "../conformance/oracle.js";
import { keyImports, loadWebCryptoCore, subtleSignCalls } from "./hmac-paths.js";

const SECRETS = 4 * KEY_CACHE_LIMIT;
const baseString = "GET&https%3A%2F%2Fapi.x.com%2F1.1%2Faccount%2Fverify_credentials.json&";
const web = (await loadWebCryptoCore()).signature;

// The oracle imports keys too, so signatures are collected while counting and checked after.
const signed = new Map<string, string[]>();

async function sign(how: typeof createSignature, tokenSecret: string): Promise<void> {
  const signature = await how("HMAC-SHA1", baseString, "consumer", tokenSecret);
  signed.set(tokenSecret, [...(signed.get(tokenSecret) ?? []), signature]);
}

async function checkAllSigned(): Promise<void> {
  for (const [tokenSecret, signatures] of signed) {
    const expected = await referenceSignature("HMAC-SHA1", baseString, "consumer", tokenSecret);
    expect(new Set(signatures), tokenSecret).toEqual(new Set([expected]));
  }
  signed.clear();
}

describe("signing key cache (src/oauth1/signature.ts)", () => {
  it("the bound is the documented 256", () => expect(KEY_CACHE_LIMIT).toBe(256));

  it(`WebCrypto path: over ${SECRETS} distinct token secrets it holds at most ${KEY_CACHE_LIMIT} keys, emptied when full`, async () => {
    const secret = (i: number): string => `secret-${i}`;
    expect(
      await keyImports(async () => {
        for (let i = 0; i < SECRETS; i++) await sign(web.createSignature, secret(i));
      }),
    ).toBe(SECRETS);
    // SECRETS is a multiple of the limit, so the last fill holds exactly the last KEY_CACHE_LIMIT
    // keys: they sign again without importing their key…
    expect(
      await keyImports(async () => {
        for (let i = SECRETS - KEY_CACHE_LIMIT; i < SECRETS; i++) await sign(web.createSignature, secret(i));
      }),
    ).toBe(0);
    // …and the cache is full: the next new key empties it, so the key signed just before is
    // imported again, as is the first. Every signature is right.
    expect(await keyImports(() => sign(web.createSignature, secret(SECRETS - KEY_CACHE_LIMIT - 1)))).toBe(1);
    expect(await keyImports(() => sign(web.createSignature, secret(SECRETS - 1)))).toBe(1);
    expect(await keyImports(() => sign(web.createSignature, secret(0)))).toBe(1);
    await checkAllSigned();
  });

  it(`node:crypto path: imports no key and calls no subtle.sign over ${SECRETS} distinct token secrets`, async () => {
    const work = async (): Promise<void> => {
      for (let i = 0; i < SECRETS; i++) await sign(createSignature, `other-secret-${i}`);
    };
    expect(await keyImports(work)).toBe(0);
    expect(await subtleSignCalls(work)).toBe(0);
    await checkAllSigned();
  });
});
