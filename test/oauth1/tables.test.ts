/**
 * The non-signature tables of test/vectors/rfc5849-tables.json, each row with its source: percent-encoding, normalization, the RFC 5849 3.4.1.3.2
 * normalized string and base string URIs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeParameters, percentEncode, signatureBaseString } from "../../src/oauth1/index.js";

interface Tables {
  percentEncoding: Array<{ input: string; encoded: string; source: string }>;
  normalization: Array<{ formEncoded: string; normalized: string; source: string }>;
  rfcNormalizedString: { params: Array<[string, string]>; normalized: string; source: string };
  baseStringUri: Array<{ url: string; baseStringUri: string; source: string }>;
}

const tables = JSON.parse(readFileSync(new URL("../vectors/rfc5849-tables.json", import.meta.url), "utf8")) as Tables;

describe("RFC 5849 3.6 percent-encoding (X docs 'Percent encoding parameters', oauth.net wiki, oauthlib)", () => {
  it("has all 15 rows", () => expect(tables.percentEncoding).toHaveLength(15));
  for (const row of tables.percentEncoding) {
    it(`${JSON.stringify(row.input)} -> ${row.encoded} [source: ${row.source}]`, () => {
      expect(percentEncode(row.input)).toBe(row.encoded);
    });
  }
});

describe("RFC 5849 3.4.1.3.2 normalization (oauth.net wiki TestCases)", () => {
  it("has all 5 rows", () => expect(tables.normalization).toHaveLength(5));
  for (const row of tables.normalization) {
    it(`${row.formEncoded} -> ${row.normalized} [source: ${row.source}]`, () => {
      // The table gives its input form-encoded; URLSearchParams decodes it ("+" is a space).
      expect(normalizeParameters(new URLSearchParams(row.formEncoded))).toBe(row.normalized);
    });
  }
});

describe("RFC 5849 3.4.1.3.2 normalized string of the RFC example", () => {
  it(`is ${tables.rfcNormalizedString.normalized.slice(0, 40)}… [source: ${tables.rfcNormalizedString.source}]`, () => {
    expect(normalizeParameters(tables.rfcNormalizedString.params)).toBe(tables.rfcNormalizedString.normalized);
  });
});

describe("RFC 5849 3.4.1.2 base string URI (RFC examples, oauthlib test_base_string_uri)", () => {
  it("has all 12 rows", () => expect(tables.baseStringUri).toHaveLength(12));
  for (const row of tables.baseStringUri) {
    it(`${row.url} -> ${row.baseStringUri} [source: ${row.source}]`, () => {
      const base = signatureBaseString("GET", row.url, []);
      const parts = base.split("&");
      expect(parts).toHaveLength(3);
      expect(parts[0]).toBe("GET");
      expect(decodeURIComponent(parts[1]!)).toBe(row.baseStringUri);
      expect(parts[2]).toBe("");
    });
  }

  // oauthlib refuses these with ValueError (tests/oauth1/rfc5849/test_signatures.py,
  // test_base_string_uri); here they are TypeErrors naming "url".
  for (const bad of [
    "www.example.com/path",
    "http://",
    "http://www.example.com:65536/",
    "http://www.example.com:BAD/",
    "http://www.example.com:42:42/",
  ]) {
    it(`refuses ${bad} like oauthlib does`, () => {
      expect(() => signatureBaseString("GET", bad, [])).toThrow(TypeError);
      expect(() => signatureBaseString("GET", bad, [])).toThrow(/^url /);
    });
  }
});
