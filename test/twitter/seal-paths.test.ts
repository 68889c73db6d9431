/**
 * The two crypto paths of sealed values and cookie names: node:crypto (reached through
 * process.getBuiltinModule where the runtime has it) and WebCrypto. Both are checked against the
 * same vectors, made here independently with node:crypto's own HKDF (RFC 5869), AES-256-GCM
 * (NIST SP 800-38D) and SHA-256, not by the code under test.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as nodeCookies from "../../src/handlers/cookies.js";
import * as nodeSeal from "../../src/twitter/seal.js";
import type { SealPurpose } from "../../src/twitter/seal.js";
import { loadWebCryptoHandlers } from "../handlers/webcrypto-load.js";

// This Node has process.getBuiltinModule: the modules as imported take node:crypto; the same
// modules loaded where it is missing take WebCrypto.
const web = await loadWebCryptoHandlers();

const SECRET = "seal-paths-test-secret-0123456789abcdef";
const PURPOSE: SealPurpose = { context: "test/seal-paths", noun: "test value" };
const KEY = Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), "twitter-oauth1 sealed request token v1", 32));
const IV = Buffer.from("000102030405060708090a0b", "hex");
const VALUE = ["token", "secret ✓", 1_765_000_000, "/after"];

/** Version byte 1, the IV, AES-256-GCM ciphertext and tag, base64url: the sealed format. */
function oracleSeal(value: unknown): string {
  const cipher = createCipheriv("aes-256-gcm", KEY, IV);
  cipher.setAAD(Buffer.from(PURPOSE.context));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([Buffer.from([1]), IV, body]).toString("base64url");
}

function oracleOpen(sealed: string): unknown {
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", KEY, bytes.subarray(1, 13));
  decipher.setAAD(Buffer.from(PURPOSE.context));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return JSON.parse(
    Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString(),
  );
}

describe.each([
  ["node:crypto", nodeSeal, nodeCookies],
  ["WebCrypto", web.seal, web.cookies],
])("the %s path", (_name, { sealJson, unsealJson }, { cookieNameFor }) => {
  it("opens a value sealed by the reference, and the reference opens what it seals", async () => {
    expect(await unsealJson(oracleSeal(VALUE), SECRET, PURPOSE)).toEqual(VALUE);
    const sealed = await sealJson(VALUE, SECRET, PURPOSE);
    expect(oracleOpen(sealed)).toEqual(VALUE);
    expect(sealed).not.toBe(await sealJson(VALUE, SECRET, PURPOSE)); // a fresh IV each time
  });

  it("refuses an altered value, another purpose and another secret with INVALID_STATE", async () => {
    const sealed = oracleSeal(VALUE);
    const altered = sealed.slice(0, 20) + (sealed[20] === "A" ? "B" : "A") + sealed.slice(21);
    // Each attempt starts only when it is awaited: a rejection made ahead of its await is unhandled.
    for (const attempt of [
      () => unsealJson(altered, SECRET, PURPOSE),
      () => unsealJson(sealed, SECRET, { context: "test/other", noun: "test value" }),
      () => unsealJson(sealed, `${SECRET}-other`, PURPOSE),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "INVALID_STATE" });
    }
  });

  it("names a pending sign-in's cookie after 96 bits of the SHA-256 of its request token", async () => {
    const digest = createHash("sha256").update("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0").digest();
    const expected = digest.subarray(0, 12).toString("base64url");
    expect(await cookieNameFor("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0", true)).toBe(
      `__Host-x-signin-${expected}`,
    );
    expect(await cookieNameFor("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0", false)).toBe(`x-signin-${expected}`);
  });
});
