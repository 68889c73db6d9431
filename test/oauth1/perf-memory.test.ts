/**
 * Issue 7, "A memory check": a server that signs for many users must not grow the signing-key
 * cache without end. 100,000 distinct token secrets, on both HMAC paths: WebCrypto keeps at most
 * 256 imported keys, node:crypto (which takes the key string on each call) keeps none. A sample of
 * the signatures is checked against node:crypto so the cache never hands out a wrong key.
 */
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createSignature } from "../../src/oauth1/index.js";
import { forceWebCrypto, keyCacheSize } from "../../src/oauth1/signature.js";

const LIMIT = 256; // KEY_CACHE_LIMIT in src/oauth1/signature.ts
const SECRETS = 100_000;
const baseString = "GET&https%3A%2F%2Fapi.x.com%2F1.1%2Faccount%2Fverify_credentials.json&";

afterAll(() => forceWebCrypto(false));

for (const webCrypto of [false, true]) {
  describe(`signing key cache, ${webCrypto ? "WebCrypto" : "node:crypto"} path (src/oauth1/signature.ts)`, () => {
    it(`${webCrypto ? `stays at most ${LIMIT} keys` : "keeps no key"} with ${SECRETS.toLocaleString("en")} distinct token secrets`, async () => {
      forceWebCrypto(webCrypto);
      const before = keyCacheSize();
      let largest = 0;
      let checked = 0;
      // 500 at a time: WebCrypto's thread pool works on them together.
      for (let start = 0; start < SECRETS; start += 500) {
        const batch: Array<Promise<string>> = [];
        for (let i = start; i < start + 500; i++)
          batch.push(createSignature("HMAC-SHA1", baseString, "consumer", `secret-${i}`));
        const signatures = await Promise.all(batch);
        largest = Math.max(largest, keyCacheSize());
        if (start % 10_000 === 0) {
          // Independent oracle: RFC 5849 3.4.2 key "consumer&secret-N" (nothing to encode).
          expect(signatures[7]).toBe(
            createHmac("sha1", `consumer&secret-${start + 7}`)
              .update(baseString)
              .digest("base64"),
          );
          checked++;
        }
      }
      expect(checked).toBe(SECRETS / 10_000);
      expect(largest).toBeLessThanOrEqual(LIMIT);
      expect(keyCacheSize()).toBe(webCrypto ? LIMIT : before);
    }, 120_000);
  });
}
