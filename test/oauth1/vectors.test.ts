/**
 * Every vector of test/vectors/vectors.json, stage by stage: normalized parameters, base string,
 * signature, Authorization header and server-side verification. Verified vectors must reproduce;
 * unverified ones must give what the vector's `verification` note recomputes and NOT the wrongly
 * published value. Test names carry each vector's number, name and source.
 */
import { describe, expect, it } from "vitest";
import {
  createSignature,
  normalizeParameters,
  parseAuthorizationHeader,
  signatureBaseString,
  verifySignature,
} from "../../src/oauth1/index.js";
import {
  expressibleThroughSignRequest,
  isFormBody,
  normalizedPartOf,
  receivedRequest,
  signedPairs,
  title,
  vectors,
  whyNotVerifiable,
  type Vector,
  expectedBaseString,
  expectedSignature,
  signVector,
} from "./vectors.js";

async function ourSignature(vector: Vector): Promise<string> {
  if (expressibleThroughSignRequest(vector)) return (await signVector(vector)).signature;
  const baseString = vector.url === null ? vector.expectedBaseString! : expectedBaseString(vector);
  return createSignature(vector.signatureMethod, baseString, vector.consumerSecret!, vector.tokenSecret!);
}

const withRequest = vectors.filter((v) => v.url !== null);

describe("test/vectors/vectors.json: the set itself", () => {
  it("holds 57 vectors, 41 published and 16 constructed, 7 of them unverified", () => {
    expect(vectors).toHaveLength(57);
    expect(vectors.filter((v) => v.kind === "published")).toHaveLength(41);
    expect(vectors.filter((v) => !v.verified).map((v) => vectors.indexOf(v) + 1)).toEqual([3, 5, 7, 11, 29, 31, 32]);
  });

  it("puts 32 vectors through signRequest and the rest through createSignature", () => {
    // If this drops, a change in vectors.json or in the helper has stopped exercising signRequest.
    expect(vectors.filter(expressibleThroughSignRequest).length).toBeGreaterThanOrEqual(32);
  });
});

describe("RFC 5849 3.4.1.3.2 normalized parameters, per vector", () => {
  for (const vector of withRequest) {
    it(title(vector), () => {
      expect(normalizeParameters(signedPairs(vector))).toBe(normalizedPartOf(expectedBaseString(vector)));
    });
  }
});

describe("RFC 5849 3.4.1.1 signature base string, per vector", () => {
  for (const vector of withRequest) {
    it(title(vector), async () => {
      const expected = expectedBaseString(vector);
      expect(signatureBaseString(vector.method!, vector.url!, signedPairs(vector))).toBe(expected);
      if (expressibleThroughSignRequest(vector)) expect((await signVector(vector)).baseString).toBe(expected);
    });
  }

  const wiki = vectors[28]!;
  it(`${title(wiki)}: the RFC 5849 form keeps "/" for the empty path, not the OAuth Core 1.0 form`, () => {
    const ours = signatureBaseString(wiki.method!, wiki.url!, signedPairs(wiki));
    expect(ours).toBe("GET&http%3A%2F%2Fexample.com%2F&n%3Dv");
    expect(ours).not.toBe(wiki.expectedBaseString);
  });
});

describe("RFC 5849 3.4.2 to 3.4.4 signature, per vector", () => {
  for (const vector of vectors) {
    if (vector.consumerSecret === null || vector.tokenSecret === null) {
      it.skip(`${title(vector)}: skipped, its consumer secret was never published so no signature can be checked`, () => {});
      continue;
    }
    const route = expressibleThroughSignRequest(vector) ? "signRequest" : "createSignature";
    it(`${title(vector)} (${route})`, async () => {
      const signature = await ourSignature(vector);
      expect(signature).toBe(expectedSignature(vector));
      if (!vector.verified) {
        // The vector's `verification` note: the published value is wrong; we must not produce it.
        expect(signature).not.toBe(vector.expectedSignature);
      }
    });
  }

  it("RFC 5849 3.4.1.1 example: the Errata 2550 signature r6/TJjbCOr97/+UU0NsvSne7s5g=, not the printed bYT5CMsGcbgUdFHObYMEfcx6bsw=", async () => {
    const rfc = vectors[10]!;
    expect(rfc.name).toMatch(/^rfc5849-3\.4\.1\.1/);
    const signature = await createSignature("HMAC-SHA1", rfc.expectedBaseString!, "j49sk3j29djd", "dh893hdasih9");
    expect(signature).toBe("r6/TJjbCOr97/+UU0NsvSne7s5g=");
    expect(signature).not.toBe("bYT5CMsGcbgUdFHObYMEfcx6bsw=");
  });

  it("X docs 'Creating a signature': api.x.com gives Ls93hJiZbQ3akF3HF3x1Bz8/zU4=, api.twitter.com hCtSmYh+iHYCEqBWrE7C7hYmtUk=, API v1 tnnArxj06cWHq44gCs1OSKk/jLY=", async () => {
    const base = vectors[0]!;
    const at = async (url: string): Promise<string> => (await signVector({ ...base, url })).signature;
    expect(await at("https://api.x.com/1.1/statuses/update.json?include_entities=true")).toBe(
      "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=",
    );
    expect(await at("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")).toBe(
      "hCtSmYh+iHYCEqBWrE7C7hYmtUk=",
    );
    expect(await at("https://api.twitter.com/1/statuses/update.json?include_entities=true")).toBe(
      "tnnArxj06cWHq44gCs1OSKk/jLY=",
    );
  });
});

describe("RFC 5849 3.5.1 Authorization header carries the signature, per vector", () => {
  for (const vector of withRequest.filter(expressibleThroughSignRequest)) {
    it(`${title(vector)} (signRequest header parsed back)`, async () => {
      const signed = await signVector(vector);
      const parsed = parseAuthorizationHeader(signed.authorization);
      expect(parsed.params.oauth_signature).toBe(expectedSignature(vector));
      expect(parsed.realm).toBe(vector.realm ?? undefined);
      expect(parsed.params).toEqual({ ...vector.oauthParams, oauth_signature: expectedSignature(vector) });
      expect(signed.oauthParams).toEqual(parsed.params);
    });
  }
});

describe("RFC 5849 3.2 verifySignature of each vector as received (header, query or body)", () => {
  for (const vector of withRequest) {
    const why = whyNotVerifiable(vector);
    if (why !== undefined) {
      it.skip(`${title(vector)}: skipped, ${why}`, () => {});
      continue;
    }
    it(title(vector), async () => {
      const secrets = { consumerSecret: vector.consumerSecret!, tokenSecret: vector.tokenSecret! };
      // Every method the vectors use, PLAINTEXT included (refused unless listed).
      const every = { signatureMethods: ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"] } as const;
      const good = receivedRequest(vector, expectedSignature(vector));
      if (good.authorization !== null) {
        expect(parseAuthorizationHeader(good.authorization).params.oauth_signature).toBe(expectedSignature(vector));
      }
      const result = await verifySignature(good, secrets, every);
      expect(result.detail).toBeUndefined();
      expect(result.valid).toBe(true);
      if (!vector.verified && vector.expectedSignature !== null) {
        // The wrongly published value does not verify.
        const bad = await verifySignature(receivedRequest(vector, vector.expectedSignature), secrets, every);
        expect(bad.reason).toBe("bad_signature");
      }
      if (expressibleThroughSignRequest(vector)) {
        const signed = await signVector(vector);
        const body = isFormBody(vector) ? vector.rawBody : null;
        const direct = await verifySignature(
          { method: vector.method!, url: vector.url!, authorization: signed.authorization, body },
          secrets,
          every,
        );
        expect(direct.valid).toBe(true);
      }
    });
  }
});
