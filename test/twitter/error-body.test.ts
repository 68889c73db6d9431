// The error-body parser runs on whatever a server sends (up to the 64 KiB cap), so it must be
// linear: a body eight times larger may take about eight times longer, never sixty-four. Measured
// as a ratio in this process, never against a wall-clock threshold.
import { describe, expect, it } from "vitest";
import { MAX_ERRORS, parseErrorBody } from "../../src/twitter/error-body.js";

const KB = 1024;

/** Milliseconds for `reps` parses of `body`, the best of five runs (the least disturbed by load). */
function bestOf(body: string, reps: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) parseErrorBody(body);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How much longer the 64 KiB body takes than the 8 KiB one: ~8 when linear, ~64 when quadratic. */
function growth(make: (size: number) => string): number {
  const small = make(8 * KB);
  const large = make(64 * KB);
  let reps = 1;
  while (bestOf(small, reps) < 10 && reps < 1 << 16) reps *= 2;
  return bestOf(large, reps) / bestOf(small, reps);
}

const repeat =
  (unit: string, head = "") =>
  (size: number) =>
    head + unit.repeat(Math.ceil((size - head.length) / unit.length));

describe("parseErrorBody is linear in the body size", () => {
  it.each([
    ["XML start tags that never close", repeat("<error ", "<errors>")],
    ["XML errors that never end", repeat('<error code="1">x', "<errors>")],
    ["XML empty attributes", repeat("<error a='' ", "<?xml version='1.0'?><hash>")],
    ["many complete XML errors", repeat('<error code="32">Could not authenticate you.</error>', "<errors>")],
    ["JSON with many errors", (size: number) => `{"errors":[${repeat('{"code":32,"message":"m"},')(size)}{}]}`],
    ["plain text of spaces", repeat(" \t", "x")],
  ])("%s: 8x the bytes takes under 20x the time", (_name, make) => {
    expect(growth(make)).toBeLessThan(20);
  });
});

describe("parseErrorBody keeps a bounded list", () => {
  it(`keeps at most ${MAX_ERRORS} errors, in order, from XML or JSON`, () => {
    const xml = `<errors>${'<error code="7">m</error>'.repeat(2_000)}</errors>`;
    const json = JSON.stringify({ errors: Array.from({ length: 2_000 }, (_, i) => ({ code: i, message: "m" })) });
    expect(MAX_ERRORS).toBeGreaterThanOrEqual(1);
    expect(MAX_ERRORS).toBeLessThanOrEqual(20);
    expect(parseErrorBody(xml)).toHaveLength(MAX_ERRORS);
    const fromJson = parseErrorBody(json);
    expect(fromJson).toHaveLength(MAX_ERRORS);
    expect(fromJson.map((e) => e.code)).toEqual(Array.from({ length: MAX_ERRORS }, (_, i) => i));
  });

  it("the formats X uses still parse: XML with attributes and entities, an unclosed tail ignored", () => {
    expect(
      parseErrorBody(
        `<?xml version="1.0"?><errors><ERROR code='415' x="y">A &amp; B &#x41;&#66;</ERROR><error>second</error><error code="9">never closed`,
      ),
    ).toEqual([
      { code: 415, message: "A & B AB" },
      { code: 0, message: "second" },
    ]);
    expect(
      parseErrorBody("<hash><error>Invalid / expired Token</error><request>/oauth/access_token</request></hash>"),
    ).toEqual([{ code: 0, message: "Invalid / expired Token" }]);
    expect(parseErrorBody('<errors><errorx>no</errorx><error\tcode="3">yes</error></errors>')).toEqual([
      { code: 3, message: "yes" },
    ]);
  });
});
