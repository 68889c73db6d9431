// The README's runtimes table is the last full run's output: one row per run of
// test/runtimes/run.js, in its order, each exactly as run.js renders it; a row that reads otherwise
// than a run measured is reported. (Every run of run.js compares the rows it ran; this checks the
// table's shape and the comparison without running any runtime.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END, START, readmeDiff, readmeRows, renderRow, renderTable, replaceTable, tableIn } from "./readme-table.js";
import { RUNTIMES } from "./runtimes.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** A row as run.js would have measured it, parsed back from a README line. */
function parse(name: string, line: string) {
  const cells = line.split(" | ").map((cell) => cell.replace(/^\| |\|$/g, "").trim());
  const [runtime, version, via, hmac, result] = cells;
  return {
    name,
    runtime: runtime!,
    version: version!,
    via: via === "-" ? undefined : via,
    hmac: hmac === "`node:crypto`" ? "node:crypto" : hmac!,
    result: result!,
  };
}

describe("README runtimes table", () => {
  it("has one row per run of run.js, in its order, each with its README label, a version and an HMAC path", () => {
    const rows = readmeRows(readme);
    expect([...rows.keys()]).toEqual(RUNTIMES.map((r) => r.name));
    for (const runtime of RUNTIMES) {
      const row = parse(runtime.name, rows.get(runtime.name)!);
      expect(row.runtime).toBe(runtime.readme);
      expect(row.version).toMatch(/[0-9]/);
      expect(["node:crypto", "WebCrypto"]).toContain(row.hmac);
      // Each row is exactly what run.js renders: nothing in it was typed by hand.
      expect(renderRow(row)).toBe(rows.get(runtime.name));
    }
    expect(tableIn(readme).startsWith(START) && tableIn(readme).endsWith(END)).toBe(true);
  });

  it("reports a row whose version, driver, HMAC path or result differs from what a run measured", () => {
    const rows = readmeRows(readme);
    const measured = parse("chromium", rows.get("chromium")!);
    expect(readmeDiff(readme, [measured])).toEqual([]);
    for (const change of [
      { version: "0.0.1" },
      { via: "another driver" },
      { hmac: measured.hmac === "WebCrypto" ? "node:crypto" : "WebCrypto" },
      { result: "**fails**" },
    ]) {
      const diff = readmeDiff(readme, [{ ...measured, ...change }]);
      expect(diff).toHaveLength(2);
      expect(diff[0]).toContain(rows.get("chromium"));
    }
    expect(readmeDiff(readme.replace(START, ""), [measured])[0]).toMatch(/no runtimes table/);
  });

  it("--write-readme replaces the block between the markers and nothing else", () => {
    const rows = readmeRows(readme);
    const all = RUNTIMES.map((r) => parse(r.name, rows.get(r.name)!));
    expect(replaceTable(readme, renderTable(all))).toBe(readme);
    const changed = replaceTable(readme, renderTable(all.map((row) => ({ ...row, version: "9.9.9" }))));
    expect(changed.replace(tableIn(changed), "")).toBe(readme.replace(tableIn(readme), ""));
    expect(readmeDiff(changed, all)).toHaveLength(2 * all.length);
  });
});
