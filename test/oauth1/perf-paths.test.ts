/**
 * The two HMAC paths of src/oauth1/signature.ts (docs/performance.md, "Why it is fast"): node:crypto reached through process.getBuiltinModule where the runtime has it,
 * WebCrypto elsewhere. Both must give the published result for every vector of
 * test/vectors/vectors.json, and signRequest's hand-built header must be what the independent
 * reference writer (test/conformance/oracle.js) writes. No timing here: speed is
 * compared side by side by `npm run bench`, never in a test.
 */
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createSignature } from "../../src/oauth1/index.js";
import { forceWebCrypto, hmacPath, nodeCryptoIn } from "../../src/oauth1/signature.js";
import { referenceAuthorizationHeader } from "../conformance/oracle.js";
import {
  expectedBaseString,
  expectedSignature,
  expressibleThroughSignRequest,
  signVector,
  title,
  vectors,
} from "./vectors.js";

afterAll(() => forceWebCrypto(false));

const signable = vectors.filter((v) => v.consumerSecret !== null && v.tokenSecret !== null);

describe("process.getBuiltinModule('node:crypto') detection", () => {
  it("finds node:crypto in Node >= 20.16 (this test runs in such a Node), so signing takes the synchronous path", () => {
    expect(typeof process.getBuiltinModule).toBe("function");
    expect(nodeCryptoIn(globalThis as never)).toBeDefined();
    expect(hmacPath()).toBe("node:crypto");
  });

  it("falls back to WebCrypto with no process (browsers, workerd), no getBuiltinModule (older Node) or an unusable module", () => {
    expect(nodeCryptoIn({})).toBeUndefined();
    expect(nodeCryptoIn({ process: {} })).toBeUndefined();
    expect(nodeCryptoIn({ process: { getBuiltinModule: () => undefined } })).toBeUndefined();
    expect(nodeCryptoIn({ process: { getBuiltinModule: () => ({ createHmac: "not a function" }) } })).toBeUndefined();
    expect(nodeCryptoIn({ process: { getBuiltinModule: () => ({ createHmac() {} }) } })).toBeDefined();
  });

  it("forceWebCrypto switches the path both ways", () => {
    forceWebCrypto(true);
    expect(hmacPath()).toBe("webcrypto");
    forceWebCrypto(false);
    expect(hmacPath()).toBe("node:crypto");
  });
});

for (const path of ["node:crypto", "webcrypto"] as const) {
  describe(`every vector on the ${path} path (RFC 5849 3.4.1 to 3.5.1)`, () => {
    for (const vector of signable) {
      it(title(vector), async () => {
        forceWebCrypto(path === "webcrypto");
        expect(hmacPath()).toBe(path);
        const expected = expectedSignature(vector);
        if (!expressibleThroughSignRequest(vector)) {
          const baseString = vector.url === null ? vector.expectedBaseString! : expectedBaseString(vector);
          expect(
            await createSignature(vector.signatureMethod, baseString, vector.consumerSecret!, vector.tokenSecret!),
          ).toBe(expected);
          return;
        }
        const signed = await signVector(vector);
        expect(signed.baseString).toBe(expectedBaseString(vector));
        expect(signed.signature).toBe(expected);
        expect(signed.oauthParams).toEqual({ ...vector.oauthParams, oauth_signature: expected });
        expect(signed.authorization).toBe(
          referenceAuthorizationHeader({ ...vector.oauthParams, oauth_signature: expected }, vector.realm ?? undefined),
        );
      });
    }
  });
}

describe("both paths agree with an independent node:crypto HMAC (RFC 2104) on awkward keys and text", () => {
  const cases: Array<[string, string, string]> = [
    ["", "", ""],
    ["consumer", "", "GET&https%3A%2F%2Fapi.x.com%2F&"],
    ["c s", "t&s", "POST&x&y"],
    ["☃ snow", "€", "a".repeat(10_000)],
  ];
  for (const method of ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512"] as const) {
    it(method, async () => {
      const hash = "sha" + method.slice(8);
      for (const [consumerSecret, tokenSecret, baseString] of cases) {
        const key = encodeURIComponent(consumerSecret) + "&" + encodeURIComponent(tokenSecret);
        const oracle = createHmac(hash, key).update(baseString, "utf8").digest("base64");
        forceWebCrypto(true);
        expect(await createSignature(method, baseString, consumerSecret, tokenSecret)).toBe(oracle);
        forceWebCrypto(false);
        expect(await createSignature(method, baseString, consumerSecret, tokenSecret)).toBe(oracle);
      }
    });
  }
});
