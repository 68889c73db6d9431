// `--shard K/N`: N machines over one input, no coordination, no user exchanged twice.
import { describe, expect, it } from "vitest";
import { inShard, parseShard, shareOf } from "../../src/cli/migrate-tokens-shard.js";

describe("--shard K/N", () => {
  it("puts an id in the share given by the first 4 bytes of its SHA-256, big-endian, mod N", () => {
    // SHA-256("user-1") starts c6c2 d9e4 = 3334638052; "élan" is hashed as UTF-8.
    expect(shareOf("user-1", 4)).toBe((3334638052 % 4) + 1);
    expect(shareOf("user-1", 7)).toBe((3334638052 % 7) + 1);
    expect(shareOf("42", 4)).toBe((1934056628 % 4) + 1);
    expect(shareOf("élan", 7)).toBe((1678460117 % 7) + 1);
  });

  it.each([1, 2, 3, 5, 16])("the %i shares are disjoint and cover every id", (count) => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `user-${i}`);
    const shares = Array.from({ length: count }, (_, k) => ids.filter((id) => inShard(id, { index: k + 1, count })));
    expect(shares.reduce((n, share) => n + share.length, 0)).toBe(ids.length);
    expect(new Set(shares.flat())).toEqual(new Set(ids));
    // Every share gets some of 3,000 ids: the hash spreads them.
    for (const share of shares) expect(share.length).toBeGreaterThan(ids.length / count / 2);
  });

  it("reads K/N with 1 <= K <= N and refuses anything else, naming the flag", () => {
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    expect(parseShard("3/4")).toEqual({ index: 3, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "1", "1/2/3", "-1/2", " 1/2", ""]) {
      expect(() => parseShard(bad)).toThrow(`--shard takes K/N with 1 <= K <= N (e.g. 2/4), got "${bad}"`);
    }
  });
});
