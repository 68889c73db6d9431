/**
 * A server that signs for many users must not grow the signing-key cache without end
 * (docs/performance.md, "Why it is fast"). A bound is shown by exceeding it several times over and
 * reading the cache size after every signature, not by volume: four times KEY_CACHE_LIMIT distinct
 * token secrets, on both HMAC paths. WebCrypto keeps at most KEY_CACHE_LIMIT imported keys;
 * node:crypto (which takes the key string on each call) keeps none. Every signature, including
 * those made again after their key was evicted, is checked against the independent oracle.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createSignature } from "../../src/oauth1/index.js";
import { forceWebCrypto, hmacPath, KEY_CACHE_LIMIT, keyCacheSize } from "../../src/oauth1/signature.js";
import { referenceSignature } from "../conformance/oracle.js";

const SECRETS = 4 * KEY_CACHE_LIMIT;
const baseString = "GET&https%3A%2F%2Fapi.x.com%2F1.1%2Faccount%2Fverify_credentials.json&";

afterAll(() => forceWebCrypto(false));

async function signChecked(tokenSecret: string): Promise<void> {
  const signature = await createSignature("HMAC-SHA1", baseString, "consumer", tokenSecret);
  expect(signature).toBe(await referenceSignature("HMAC-SHA1", baseString, "consumer", tokenSecret));
}

describe("signing key cache (src/oauth1/signature.ts)", () => {
  it("the bound is the documented 256", () => expect(KEY_CACHE_LIMIT).toBe(256));

  it(`WebCrypto path: never more than ${KEY_CACHE_LIMIT} keys over ${SECRETS} distinct token secrets`, async () => {
    forceWebCrypto(true);
    expect(hmacPath()).toBe("webcrypto");
    const sizes: number[] = [];
    for (let i = 0; i < SECRETS; i++) {
      await signChecked(`secret-${i}`);
      sizes.push(keyCacheSize());
    }
    expect(Math.max(...sizes)).toBe(KEY_CACHE_LIMIT);
    // Full from the LIMIT-th distinct key on, and no larger after it.
    expect(sizes.indexOf(KEY_CACHE_LIMIT)).toBeLessThan(KEY_CACHE_LIMIT);
    expect(sizes.slice(KEY_CACHE_LIMIT)).toEqual(new Array(SECRETS - KEY_CACHE_LIMIT).fill(KEY_CACHE_LIMIT));
    // Evicted keys come back right, and the size still holds.
    for (let i = 0; i < 8; i++) await signChecked(`secret-${i}`);
    expect(keyCacheSize()).toBe(KEY_CACHE_LIMIT);
  });

  it(`node:crypto path: keeps no key over ${SECRETS} distinct token secrets`, async () => {
    forceWebCrypto(false);
    expect(hmacPath()).toBe("node:crypto");
    const before = keyCacheSize();
    for (let i = 0; i < SECRETS; i++) {
      await signChecked(`other-secret-${i}`);
      expect(keyCacheSize()).toBe(before);
    }
  });
});
