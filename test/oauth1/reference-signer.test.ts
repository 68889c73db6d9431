/**
 * The reference signer of test/reference/ must itself reproduce the published vectors before
 * its agreement with signRequest (differential.test.ts) means anything.
 */
import { describe, expect, it } from "vitest";
import {
  referenceBaseString,
  referenceBaseStringUri,
  referenceParseForm,
  referencePercentEncode,
  referenceSignature,
} from "../reference/signer.js";
import { isFormBody, signedPairs, title, vectors } from "./vectors.js";
import { readFileSync } from "node:fs";

describe("reference signer reproduces every verified vector (vectors.json)", () => {
  for (const vector of vectors.filter((v) => v.verified)) {
    it(title(vector), () => {
      const expectedSignature = vector.expectedSignature ?? vector.computedSignature!;
      if (vector.url === null) {
        expect(
          referenceSignature(
            vector.signatureMethod,
            vector.expectedBaseString!,
            vector.consumerSecret!,
            vector.tokenSecret!,
          ),
        ).toBe(expectedSignature);
        return;
      }
      // Its form parser reads the vector's raw query and body into the vector's parameter list.
      const query = vector.url.includes("?") ? vector.url.slice(vector.url.indexOf("?") + 1) : "";
      const parsed = [...referenceParseForm(query), ...(isFormBody(vector) ? referenceParseForm(vector.rawBody!) : [])];
      expect(parsed.filter(([name]) => !name.startsWith("oauth_"))).toEqual(vector.params.map(([n, v]) => [n, v]));
      const baseString = referenceBaseString(vector.method!, vector.url, signedPairs(vector));
      expect(baseString).toBe(vector.expectedBaseString ?? vector.computedBaseString);
      expect(referenceSignature(vector.signatureMethod, baseString, vector.consumerSecret!, vector.tokenSecret!)).toBe(
        expectedSignature,
      );
    });
  }
});

describe("reference signer against the protocol.md D.4 tables", () => {
  const tables = JSON.parse(readFileSync(new URL("../vectors/rfc5849-tables.json", import.meta.url), "utf8")) as {
    percentEncoding: Array<{ input: string; encoded: string }>;
    baseStringUri: Array<{ url: string; baseStringUri: string }>;
  };
  it("percent-encodes all 15 rows", () => {
    for (const row of tables.percentEncoding) expect(referencePercentEncode(row.input)).toBe(row.encoded);
  });
  it("writes all 12 base string URIs", () => {
    for (const row of tables.baseStringUri) expect(referenceBaseStringUri(row.url)).toBe(row.baseStringUri);
  });
});
