/**
 * The oracle (test/conformance/oracle.js), the independent reference signer every expected value
 * comes from, must itself reproduce the published vectors, and stay independent of the code under
 * test, before its agreement with signRequest (differential.test.ts) and the conformance cases
 * means anything. Its agreement with Python's oauthlib is in oauthlib.test.ts.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  readAuthorizationHeader,
  referenceAuthorizationHeader,
  referenceBaseString,
  referenceBaseStringUri,
  referenceNormalize,
  referenceParseForm,
  referencePercentEncode,
  referenceSignature,
} from "../conformance/oracle.js";
import { isFormBody, signedPairs, title, vectors } from "./vectors.js";

const ORACLE = fileURLToPath(new URL("../conformance/oracle.js", import.meta.url));

describe("the oracle is independent of the package", () => {
  it("bundles from its own file alone: it imports nothing, so nothing from src/ or dist/", async () => {
    const result = await build({
      entryPoints: [ORACLE],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "neutral",
      logLevel: "silent",
    });
    expect(Object.keys(result.metafile.inputs)).toEqual(["test/conformance/oracle.js"]);
  });

  it("has no import, require or dynamic import in its text", () => {
    const text = readFileSync(ORACLE, "utf8");
    expect(text).not.toMatch(/^\s*import\s|^\s*export\s[^(]*\sfrom\s|\brequire\(|\bimport\(/m);
    expect(text).not.toMatch(/\/src\/|\/dist\/|node:/);
  });
});

describe("the oracle reproduces every verified vector of test/vectors/vectors.json", () => {
  const verified = vectors.filter((v) => v.verified);
  it("covers all 50 verified vectors, published and constructed", () => {
    expect(verified).toHaveLength(50);
    expect(verified.filter((v) => v.kind === "published")).toHaveLength(34);
  });
  for (const vector of verified) {
    it(title(vector), async () => {
      const expectedSignature = vector.expectedSignature ?? vector.computedSignature!;
      if (vector.url === null) {
        expect(
          await referenceSignature(
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
      expect(
        await referenceSignature(vector.signatureMethod, baseString, vector.consumerSecret!, vector.tokenSecret!),
      ).toBe(expectedSignature);
    });
  }
});

describe("the oracle against test/vectors/rfc5849-tables.json", () => {
  const tables = JSON.parse(readFileSync(new URL("../vectors/rfc5849-tables.json", import.meta.url), "utf8")) as {
    percentEncoding: Array<{ input: string; encoded: string }>;
    normalization: Array<{ formEncoded: string; normalized: string }>;
    rfcNormalizedString: { params: Array<[string, string]>; normalized: string };
    baseStringUri: Array<{ url: string; baseStringUri: string }>;
  };
  it("percent-encodes all 15 rows (RFC 5849 3.6)", () => {
    for (const row of tables.percentEncoding) expect(referencePercentEncode(row.input)).toBe(row.encoded);
  });
  it("normalizes all 5 rows and the RFC 5849 3.4.1.3.2 example", () => {
    for (const row of tables.normalization) {
      expect(referenceNormalize(referenceParseForm(row.formEncoded))).toBe(row.normalized);
    }
    expect(referenceNormalize(tables.rfcNormalizedString.params)).toBe(tables.rfcNormalizedString.normalized);
  });
  it("writes all 12 base string URIs (RFC 5849 3.4.1.2)", () => {
    for (const row of tables.baseStringUri) expect(referenceBaseStringUri(row.url)).toBe(row.baseStringUri);
  });
});

describe("the oracle's Authorization header (RFC 5849 3.5.1)", () => {
  // X docs "Authorizing a request": the header exactly as the page prints it.
  const published =
    'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"';

  it("writes X's published header byte for byte, and reads it back", () => {
    const params = Object.fromEntries(readAuthorizationHeader(published).map((p) => [p.name, p.value]));
    expect(params.oauth_signature).toBe("tnnArxj06cWHq44gCs1OSKk/jLY=");
    const shuffled = Object.fromEntries(Object.entries(params).reverse());
    expect(referenceAuthorizationHeader(shuffled)).toBe(published);
  });

  it("writes the realm first as a quoted-string, not percent-encoded, and reads it back", () => {
    for (const realm of ["Photos", "http://photos.example.net/", "Photos 100% sure", 'say "hi" \\o/']) {
      const header = referenceAuthorizationHeader({ oauth_nonce: "a b" }, realm);
      const escaped = realm.replace(/["\\]/g, (c) => `\\${c}`);
      expect(header).toBe(`OAuth realm="${escaped}", oauth_nonce="a%20b"`);
      expect(readAuthorizationHeader(header)).toEqual([
        { name: "realm", rawValue: escaped, value: realm },
        { name: "oauth_nonce", rawValue: "a%20b", value: "a b" },
      ]);
    }
  });

  it("refuses what a signer must not write: raw reserved characters, another separator, no scheme", () => {
    expect(() => readAuthorizationHeader('OAuth oauth_nonce="a b"')).toThrow(/malformed/);
    expect(() => readAuthorizationHeader('OAuth oauth_nonce="a",oauth_token="b"')).toThrow(/malformed/);
    expect(() => readAuthorizationHeader('Bearer oauth_nonce="a"')).toThrow(/not an OAuth header/);
  });
});
