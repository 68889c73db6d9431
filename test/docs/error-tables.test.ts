// The error tables of README.md and docs/errors.md must list exactly the package's error codes
// (src/common/errors.ts): a code added to the source without its row fails here. The advice for X's
// codes lives in docs/errors.md's "X error codes" table, where every HTTP_ERROR message points
// (test/twitter/errors.test.ts holds its rows); README.md's table must list each of its codes.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string): string => readFileSync(join(root, file), "utf8");

const union = /export type TwitterOAuthErrorCode =([^;]+);/.exec(read("src/common/errors.ts"))?.[1] ?? "";
const packageCodes = [...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!).sort();

/** First cells of table rows: "| `CODE` |" or "| 64, 326 |". */
function firstCells(markdown: string): string[] {
  return [...markdown.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]!.trim());
}

describe.each(["README.md", "docs/errors.md"])("%s error tables", (file) => {
  const cells = firstCells(read(file));

  it("list exactly the codes of TwitterOAuthErrorCode (src/common/errors.ts)", () => {
    expect(packageCodes.length).toBe(9);
    const documented = cells.filter((c) => /^`[A-Z_]+`$/.test(c)).map((c) => c.slice(1, -1));
    expect([...new Set(documented)].sort()).toEqual(packageCodes);
  });
});

describe("README.md's table of X's codes", () => {
  const section =
    read("docs/errors.md")
      .split(/^## X error codes$/m)[1]
      ?.split(/^## |^Without one of these codes/m)[0] ?? "";
  // The first table of the section, by X code (the second is by status). Code 0 is X's plain-text answers, which have no code of their own.
  const adviceCodes = firstCells(section)
    .filter((c) => /^\d+$/.test(c) && c !== "0")
    .map(Number);
  const readmeCells = firstCells(read("README.md"));

  it("lists every X code docs/errors.md#x-error-codes has advice for", () => {
    expect(adviceCodes.length).toBeGreaterThan(5);
    const documented = new Set(
      readmeCells.filter((c) => /^\d+(, \d+)*$/.test(c)).flatMap((c) => c.split(", ").map(Number)),
    );
    expect(adviceCodes.filter((code) => !documented.has(code))).toEqual([]);
  });
});
