// The error-body parser runs on whatever a server sends (up to the 64 KiB cap), so it must be
// linear: a body eight times larger may cost about eight times the work, never sixty-four. The work
// is counted (characters the string and RegExp built-ins look at, scan or copy: see
// test/support/string-work.ts), never timed.
import { describe, expect, it } from "vitest";
import { MAX_ERRORS, parseErrorBody } from "../../src/twitter/error-body.js";
import { workGrowth } from "../support/string-work.js";

const KB = 1024;

/** How much more work the 64 KiB body costs than the 8 KiB one: ~8 when linear, ~64 when quadratic. */
const growth = (parse: (body: string) => unknown, make: (size: number) => string): number =>
  workGrowth(parse, make, 8 * KB, 64 * KB);

const repeat =
  (unit: string, head = "") =>
  (size: number) =>
    head + unit.repeat(Math.ceil((size - head.length) / unit.length));

describe("parseErrorBody is linear in the body size", () => {
  it("the measure tells: a parser that looks for each tag's end from its start again grows quadratically here", () => {
    // Each "<error" searched from the last one's start, and its ">" from the body's start.
    const naive = (body: string): number => {
      let found = 0;
      for (let at = body.indexOf("<error"); at >= 0; at = body.indexOf("<error", at + 1)) {
        if (body.slice(0, at).lastIndexOf(">") >= 0) found++;
      }
      return found;
    };
    expect(growth(naive, repeat("<error ", "<errors>"))).toBeGreaterThan(40);
  });

  it.each([
    ["XML start tags that never close", repeat("<error ", "<errors>")],
    ["XML errors that never end", repeat('<error code="1">x', "<errors>")],
    ["XML empty attributes", repeat("<error a='' ", "<?xml version='1.0'?><hash>")],
    ["many complete XML errors", repeat('<error code="32">Could not authenticate you.</error>', "<errors>")],
    ["JSON with many errors", (size: number) => `{"errors":[${repeat('{"code":32,"message":"m"},')(size)}{}]}`],
    ["plain text of spaces", repeat(" \t", "x")],
  ])("%s: 8x the bytes costs at most 10x the counted work", (_name, make) => {
    expect(growth((body) => parseErrorBody(body), make)).toBeLessThanOrEqual(10);
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
