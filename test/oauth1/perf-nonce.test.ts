/**
 * generateNonce draws random bytes a kilobyte at a time (crypto.getRandomValues costs
 * microseconds per call in Node; docs/performance.md). The pool must not change what a nonce is (RFC 5849 3.3, X API
 * reference: 22 ASCII letters and digits, every character equally likely) and must never use a
 * random byte twice. Checked against a getRandomValues that hands out a known byte stream, with
 * the expected characters computed here from that stream and the rejection rule (bytes 248 to
 * 255 skipped, then byte mod 62 into A-Z a-z 0-9).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateNonce } from "../../src/oauth1/index.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

afterEach(() => vi.restoreAllMocks());

describe("generateNonce byte pool (src/oauth1/nonce.ts)", () => {
  it("uses each random byte once, in order, across refills, and only bytes below 248", () => {
    let next = 0; // the known stream: 0, 1, ..., 255, 0, 1, ...
    const requested: number[] = [];
    vi.spyOn(crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      requested.push(bytes.length);
      for (let i = 0; i < bytes.length; i++) bytes[i] = next++ % 256;
      return array;
    });
    // This file's module instance starts with an empty pool, so the first call refills it.
    const nonces: string[] = [];
    for (let i = 0; i < 200; i++) nonces.push(generateNonce());

    let expected = "";
    for (let b = 0; expected.length < 200 * 22; b++) if (b % 256 < 248) expected += ALPHABET[(b % 256) % 62];
    expect(nonces.join("")).toBe(expected);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{22}$/);
    // 4,400 characters need 4,542 bytes (8 of every 256 are skipped): 5 draws of 1,024 bytes.
    expect(requested).toEqual([1024, 1024, 1024, 1024, 1024]);
  });
});
