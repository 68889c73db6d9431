// The error tables of README.md and docs/errors.md must list exactly the package's error codes
// (src/common/errors.ts), and every X code the client has a hint for (src/twitter/error-hints.ts): a code
// added to the source without its row fails here.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string): string => readFileSync(join(root, file), "utf8");

const union = /export type TwitterOAuthErrorCode =([^;]+);/.exec(read("src/common/errors.ts"))?.[1] ?? "";
const packageCodes = [...union.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]!).sort();
const hints = /const HINTS[^{]*\{([\s\S]*?)\n\};/.exec(read("src/twitter/error-hints.ts"))?.[1] ?? "";
const hintedXCodes = [...hints.matchAll(/^\s*(\d+):/gm)].map((m) => Number(m[1])).sort((a, b) => a - b);

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

  it("list every X code the client has a hint for (src/twitter/error-hints.ts)", () => {
    expect(hintedXCodes.length).toBeGreaterThan(5);
    const documented = new Set(cells.filter((c) => /^\d+(, \d+)*$/.test(c)).flatMap((c) => c.split(", ").map(Number)));
    expect(hintedXCodes.filter((code) => !documented.has(code))).toEqual([]);
  });
});
