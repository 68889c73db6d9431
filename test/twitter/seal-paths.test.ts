/**
 * The two crypto paths of sealed values and cookie names: node:crypto (reached through
 * process.getBuiltinModule where the runtime has it) and WebCrypto. Both are checked against the
 * same vectors, made here independently with node:crypto's own HKDF (RFC 5869), AES-256-GCM
 * (NIST SP 800-38D) and SHA-256, not by the code under test.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCookieStore } from "../../src/handlers/cookie-store.js";
import * as nodeCookies from "../../src/handlers/cookies.js";
import * as nodeSeal from "../../src/twitter/seal.js";
import type { SealPurpose } from "../../src/twitter/seal.js";
import { unsealRequestToken } from "../../src/twitter/sealed-state.js";
import { loadWebCryptoHandlers } from "../handlers/webcrypto-load.js";

// This Node has process.getBuiltinModule: the modules as imported take node:crypto; the same
// modules loaded where it is missing take WebCrypto.
const web = await loadWebCryptoHandlers();

const SECRET = "seal-paths-test-secret-0123456789abcdef";
const PURPOSE: SealPurpose = { context: "test/seal-paths", noun: "test value" };
const KEY = Buffer.from(hkdfSync("sha256", SECRET, Buffer.alloc(0), "twitter-oauth1 sealed request token v1", 32));
const IV = Buffer.from("000102030405060708090a0b", "hex");
const VALUE = ["token", "secret ✓", 1_765_000_000, "/after"];

// Sealed by the release before the seal's code was rewritten (a pending sign-in cookie and a
// sealRequestToken value, under OLD_SECRET), copied here as they were: a rewrite must keep the
// format, or every sign-in in progress during an upgrade fails.
const OLD_SECRET = "main-build-cookie-secret-0123456789abcdef";
const OLD_COOKIE_NAME = "__Host-x-signin-rDaxu9EMaLzSBvUK"; // of the request token "request-token-1"
const OLD_PENDING =
  "AT_sTMax7RZyu6ES6uBi6MlA1wtg8qEb2fCzCeCQfg8OEcHSVF0NsQkfVeG4UenmMsRWj_mMHalMdFN9RGCe9SS3yF5yfO33JYvs_kZpRv602k632HsV1clvD3_7cs3Vc0wi";
const OLD_REQUEST_TOKEN =
  "AS0ZpxqAyp886PbSqceWpNOaCP9a0pSTIqe0GpV54kg4XfHRqLrpOIVwLYDWzh9JOCInWA50nRbnYjLNEPyu2F2JMhqFxBGshXvJQ4BL0uBs1VxFw1-cNQI";

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
])("the %s path", (_name, { sealJson, unsealJson, openSealed }, { cookieNameFor }) => {
  it("opens a value sealed by the reference, and the reference opens what it seals", async () => {
    expect(await unsealJson(oracleSeal(VALUE), SECRET, PURPOSE)).toEqual(VALUE);
    const sealed = await sealJson(VALUE, SECRET, PURPOSE);
    expect(oracleOpen(sealed)).toEqual(VALUE);
    expect(sealed).not.toBe(await sealJson(VALUE, SECRET, PURPOSE)); // a fresh IV each time
  });

  it("refuses an altered value, another purpose, another secret and other data with INVALID_STATE (openSealed: undefined)", async () => {
    const sealed = oracleSeal(VALUE);
    const altered = sealed.slice(0, 20) + (sealed[20] === "A" ? "B" : "A") + sealed.slice(21);
    const attempts: Array<[string, string, SealPurpose, string?]> = [
      [altered, SECRET, PURPOSE],
      [sealed, SECRET, { context: "test/other", noun: "test value" }],
      [sealed, `${SECRET}-other`, PURPOSE],
      [sealed, SECRET, PURPOSE, "string,string,number"],
    ];
    for (const args of attempts) {
      // Started here, awaited at once: a rejection made ahead of its await is unhandled.
      await expect(unsealJson(...args)).rejects.toMatchObject({ code: "INVALID_STATE" });
      expect(await openSealed(...args)).toBeUndefined();
    }
    expect(await openSealed(sealed, SECRET, PURPOSE, "string,string,number,string")).toEqual(VALUE);
  });

  it("opens values sealed by the previous release of the seal", async () => {
    const pending = { context: "twitter-oauth1/pending-sign-in", noun: "pending sign-in" };
    expect(await unsealJson(OLD_PENDING, OLD_SECRET, pending, "string,string,number,string")).toEqual([
      "request-token-1",
      "request-token-secret-1",
      1_765_000_000,
      "/after?tab=1",
    ]);
    const requestToken = { context: "twitter-oauth1/request-token", noun: "sealed request token" };
    expect(await unsealJson(OLD_REQUEST_TOKEN, OLD_SECRET, requestToken)).toEqual([
      "request-token-1",
      "request-token-secret-1",
      true,
      1_765_000_000,
    ]);
    expect(await cookieNameFor("request-token-1", true)).toBe(OLD_COOKIE_NAME);
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

describe("a sign-in in progress across an upgrade", () => {
  it("its pending sign-in cookie, sealed by the previous release, is found by the callback's request token", async () => {
    const store = createCookieStore(`${OLD_COOKIE_NAME}=${OLD_PENDING}`, OLD_SECRET, {
      secure: true,
      maxAgeSeconds: 900,
    });
    expect(await store.find("request-token-1")).toEqual({
      token: "request-token-1",
      tokenSecret: "request-token-secret-1",
      issuedAt: 1_765_000_000,
      returnTo: "/after?tab=1",
    });
  });

  it("its sealed request token, from the previous release, opens within its age", async () => {
    const now = () => 1_765_000_000_000 + 60_000;
    expect(await unsealRequestToken(OLD_REQUEST_TOKEN, OLD_SECRET, { now })).toEqual({
      token: "request-token-1",
      tokenSecret: "request-token-secret-1",
      callbackConfirmed: true,
    });
  });
});
