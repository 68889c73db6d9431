// PKCE S256 (RFC 7636): the challenge of the published vector, and what verifiers look like.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCodeChallenge, TwitterOAuth2 } from "../../src/oauth2/index.js";
import { verifierFromBytes } from "../../src/oauth2/pkce.js";

const UNRESERVED = /^[A-Za-z0-9\-._~]{43,128}$/;

describe("RFC 7636 4.2, S256", () => {
  it("Appendix B: dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk -> E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", async () => {
    expect(await createCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("Appendix B: the verifier is the base64url of the 32 published octets", () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(verifierFromBytes(new Uint8Array(octets))).toBe("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  });

  it("accepts the longest verifier (128 characters) and the one with every unreserved character", async () => {
    const { createHash } = await import("node:crypto");
    for (const verifier of ["~".repeat(128), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"]) {
      expect(await createCodeChallenge(verifier)).toBe(createHash("sha256").update(verifier).digest("base64url"));
    }
  });

  it.each([
    ["42 characters", "a".repeat(42)],
    ["129 characters", "a".repeat(129)],
    ["a character outside the unreserved set", `${"a".repeat(42)}+`],
    ["a non-ASCII letter", `${"a".repeat(42)}é`],
    ["not a string", 42],
  ])("refuses a verifier of %s with a TypeError naming codeVerifier", async (_, verifier) => {
    await expect(createCodeChallenge(verifier as string)).rejects.toThrow(
      new TypeError(
        "codeVerifier must be 43 to 128 characters of letters, digits, '-', '.', '_' and '~' (RFC 7636 4.1)",
      ),
    );
  });
});

describe("RFC 7636 4.1, code verifiers", () => {
  it("property: any 32 to 96 random octets give 43 to 128 characters of the unreserved set", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 96 }), (bytes) => {
        const verifier = verifierFromBytes(bytes);
        expect(verifier).toMatch(UNRESERVED);
        expect(verifier.length).toBe(Math.ceil((bytes.length * 4) / 3));
      }),
    );
  });

  it("property: createAuthorization's verifier is 43 unreserved characters and its challenge is the S256 of it", async () => {
    const { createHash } = await import("node:crypto");
    const client = new TwitterOAuth2({ clientId: "c", callbackUrl: "https://app.example/cb" });
    await fc.assert(
      fc.asyncProperty(fc.constant(null), async () => {
        const { url, codeVerifier } = await client.createAuthorization();
        expect(codeVerifier).toMatch(UNRESERVED);
        expect(codeVerifier).toHaveLength(43);
        expect(new URL(url).searchParams.get("code_challenge")).toBe(
          createHash("sha256").update(codeVerifier).digest("base64url"),
        );
      }),
      { numRuns: 50 },
    );
  });
});
