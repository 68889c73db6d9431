/**
 * The two HMAC paths of src/oauth1/signature.ts (docs/performance.md, "Why it is fast"): node:crypto reached through process.getBuiltinModule where the runtime has it,
 * WebCrypto elsewhere. Both must give the published result for every vector of
 * test/vectors/vectors.json, and signRequest's hand-built header must be what the independent
 * reference writer (test/conformance/oracle.js) writes. No timing here: speed is
 * compared side by side by `npm run bench`, never in a test.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as nodeCore from "../../src/oauth1/index.js";
import { createSignature } from "../../src/oauth1/signature.js";
import { loadCoreWith, loadWebCryptoCore, subtleSignCalls } from "./hmac-paths.js";
import { referenceAuthorizationHeader } from "../conformance/oracle.js";
import {
  expectedBaseString,
  expectedSignature,
  expressibleThroughSignRequest,
  signVector,
  title,
  vectors,
} from "./vectors.js";

// This Node has process.getBuiltinModule: the core as imported signs on node:crypto; the same core
// loaded where getBuiltinModule is missing signs on WebCrypto.
const web = await loadWebCryptoCore();
const webCore = web.signature;
const cores = {
  "node:crypto": { signRequest: nodeCore.signRequest, createSignature },
  webcrypto: { signRequest: web.core.signRequest, createSignature: webCore.createSignature },
};

const signable = vectors.filter((v) => v.consumerSecret !== null && v.tokenSecret !== null);

describe("process.getBuiltinModule('node:crypto') detection", () => {
  it("finds node:crypto in Node >= 20.16 (this test runs in such a Node), so signing takes the synchronous path", async () => {
    expect(typeof process.getBuiltinModule).toBe("function");
    expect(await subtleSignCalls(() => createSignature("HMAC-SHA1", "bs", "cs", "ts"))).toBe(0);
  });

  it("falls back to WebCrypto with no getBuiltinModule (older Node) or an unusable module", async () => {
    const unusable = [undefined, () => undefined, () => ({}), () => ({ createHmac: "not a function" })];
    for (const getBuiltinModule of unusable) {
      const { signature } = await loadCoreWith(getBuiltinModule);
      expect(await subtleSignCalls(() => signature.createSignature("HMAC-SHA1", "bs", "cs", "ts"))).toBe(1);
    }
  });

  it("signs with whatever createHmac the runtime's getBuiltinModule('node:crypto') gives, asking for nothing else", async () => {
    const asked: string[] = [];
    const hmacs: string[] = [];
    const { signature } = await loadCoreWith((id: string) => {
      asked.push(id);
      return {
        createHmac: (algorithm: string, key: string) => {
          hmacs.push(algorithm);
          return createHmac(algorithm, key);
        },
      };
    });
    expect(asked).toEqual(["node:crypto"]);
    expect(await subtleSignCalls(() => signature.createSignature("HMAC-SHA256", "bs", "cs", "ts"))).toBe(0);
    expect(await signature.createSignature("HMAC-SHA256", "bs", "cs", "ts")).toBe(
      createHmac("sha256", "cs&ts").update("bs").digest("base64"),
    );
    expect(hmacs).toEqual(["sha256", "sha256"]);
  });

  it("a core loaded without process.getBuiltinModule signs on WebCrypto: one subtle.sign per signature", async () => {
    expect(await subtleSignCalls(() => webCore.createSignature("HMAC-SHA1", "bs", "cs", "ts"))).toBe(1);
    expect(await subtleSignCalls(() => createSignature("HMAC-SHA1", "bs", "cs", "ts"))).toBe(0);
  });
});

for (const path of ["node:crypto", "webcrypto"] as const) {
  describe(`every vector on the ${path} path (RFC 5849 3.4.1 to 3.5.1)`, () => {
    for (const vector of signable) {
      it(title(vector), async () => {
        const core = cores[path];
        const expected = expectedSignature(vector);
        if (!expressibleThroughSignRequest(vector)) {
          const baseString = vector.url === null ? vector.expectedBaseString! : expectedBaseString(vector);
          expect(
            await core.createSignature(vector.signatureMethod, baseString, vector.consumerSecret!, vector.tokenSecret!),
          ).toBe(expected);
          return;
        }
        const signed = await signVector(vector, core.signRequest);
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
        expect(await webCore.createSignature(method, baseString, consumerSecret, tokenSecret)).toBe(oracle);
        expect(await createSignature(method, baseString, consumerSecret, tokenSecret)).toBe(oracle);
      }
    });
  }
});
