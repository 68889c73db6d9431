// docs/performance.md's sizes table against a run of `npm run test:package`: the run fails on a
// broken promise (a size over its budget, checked on the measurement; no row for an entry point; a
// row for something no longer measured), never on a number that moved since the table was written.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareSizes, docsRows, END, type MeasuredSize, replaceSizes, START, sizeChecks } from "./sizes.js";

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const performance = readFileSync(new URL("docs/performance.md", root), "utf8");

// A docs page as measure-sizes.js --write would have left it, written out by hand.
const WRITTEN = [
  "## Sizes",
  START,
  "Measured by size-limit.",
  "",
  "| what | gzip -9 B | budget B | target B |",
  "|---|---:|---:|---:|",
  '| everything exported by "twitter-oauth1" | 13,971 | 14,260 | 3,500 |',
  '| everything exported by "twitter-oauth1/handlers" | 6,622 | 6,650 |  |',
  END,
  "After.",
].join("\n");

const measurement = (name: string, size: number, budget: number): MeasuredSize => ({
  name,
  subpath: ".",
  file: "./dist/index.js",
  imports: "*",
  budget,
  size,
  passed: size <= budget,
});
const rootEntry = measurement('everything exported by "twitter-oauth1"', 13_971, 14_260);
const handlers = measurement('everything exported by "twitter-oauth1/handlers"', 6_622, 6_650);

describe("docs/performance.md sizes table", () => {
  it("has a row for every entry point and named export measured, with the budget of budgets.js", () => {
    const rows = docsRows(performance);
    const checks = sizeChecks(manifest);
    expect([...rows.keys()]).toEqual(checks.map((check) => check.name));
    for (const check of checks) expect(rows.get(check.name)!.budget).toBe(check.budget);
  });

  it("reads the written rows back: sizes and budgets as numbers", () => {
    expect(docsRows(WRITTEN)).toEqual(
      new Map([
        [rootEntry.name, { size: 13_971, budget: 14_260 }],
        [handlers.name, { size: 6_622, budget: 6_650 }],
      ]),
    );
  });
});

describe("a run against the sizes table", () => {
  it("passes when the numbers are as measured", () => {
    expect(compareSizes(WRITTEN, [rootEntry, handlers])).toEqual({ problems: [], notes: [] });
  });

  it("passes on a size or a budget that moved, with a note", () => {
    const result = compareSizes(WRITTEN, [
      { ...rootEntry, size: 13_963 },
      { ...handlers, budget: 6_700 },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      'everything exported by "twitter-oauth1": docs show 13971 B, this run 13963 B',
      'everything exported by "twitter-oauth1/handlers": docs show a budget of 6650 B, budgets.js 6700 B',
    ]);
  });

  it("fails when something measured has no row, or a row is for something no longer measured", () => {
    const passport = measurement('everything exported by "twitter-oauth1/passport"', 14_963, 15_280);
    expect(compareSizes(WRITTEN, [rootEntry, handlers, passport]).problems).toEqual([
      'no row for everything exported by "twitter-oauth1/passport"',
    ]);
    expect(compareSizes(WRITTEN, [rootEntry]).problems).toEqual([
      'a row for everything exported by "twitter-oauth1/handlers", which is no longer measured',
    ]);
  });

  it("fails when the page has no sizes block", () => {
    expect(compareSizes(WRITTEN.replace(START, ""), [rootEntry]).problems[0]).toMatch(/has no .* block/);
  });

  it("--write replaces the block and nothing else", () => {
    const next = replaceSizes(WRITTEN, [{ ...rootEntry, size: 12_000 }, handlers]);
    expect(next.startsWith("## Sizes\n")).toBe(true);
    expect(next.endsWith(`${END}\nAfter.`)).toBe(true);
    expect(docsRows(next).get(rootEntry.name)).toEqual({ size: 12_000, budget: 14_260 });
  });
});
