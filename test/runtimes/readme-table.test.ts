// The README's runtimes table is the last full run's output: one row per run of
// test/runtimes/run.js, in its order, each exactly as run.js renders it. A run fails on what it
// proves wrong (a runtime without a row, another label or HMAC path, a suite failing, no version
// printed), never on a version or driver build that moved since the table was written: those are
// notes. (Every run of run.js checks the rows it ran; this checks the table's shape and the
// comparison without running any runtime.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compareReadme,
  END,
  parseRow,
  readmeRows,
  renderRow,
  renderTable,
  replaceTable,
  START,
  tableIn,
} from "./readme-table.js";
import { RUNTIMES } from "./runtimes.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

// A README as --write-readme would have left it, written out by hand for the comparison below.
const WRITTEN = [
  "# Runtimes",
  "",
  START,
  "| Runtime | Version run | Through | HMAC computed by | Suite | Run alone |",
  "| --- | --- | --- | --- | --- | --- |",
  "| Node (npm `node`) | v24.21.0 | - | `node:crypto` | passes | `node24` |",
  "| Deno (npm `deno`) | 2.9.6 | - | `node:crypto` | passes | `deno` |",
  "| Chromium, headless (Debian's) | 156.0.8078.108 | playwright-core 1.65.1 | WebCrypto | passes | `chromium` |",
  "| Firefox ESR, headless (Debian's) | 153.8.0 | puppeteer-core 24.43.1, WebDriver BiDi | WebCrypto | **fails** | `firefox` |",
  END,
  "",
  "More text.",
].join("\n");

/** Rows as run.js measures them on a machine where every build matches the table above. */
const chromium = {
  name: "chromium",
  runtime: "Chromium, headless (Debian's)",
  version: "156.0.8078.108",
  via: "playwright-core 1.65.1",
  hmac: "WebCrypto",
  result: "passes",
};
const node24 = {
  name: "node24",
  runtime: "Node (npm `node`)",
  version: "v24.21.0",
  hmac: "node:crypto",
  result: "passes",
};
const deno = { name: "deno", runtime: "Deno (npm `deno`)", version: "2.9.6", hmac: "node:crypto", result: "passes" };

describe("README runtimes table", () => {
  it("has one row per run of run.js, in its order, each with its README label, a version and an HMAC path", () => {
    const rows = readmeRows(readme);
    expect([...rows.keys()]).toEqual(RUNTIMES.map((r) => r.name));
    for (const runtime of RUNTIMES) {
      const row = parseRow(runtime.name, rows.get(runtime.name)!);
      expect(row.runtime).toBe(runtime.readme);
      expect(row.version).toMatch(/[0-9]/);
      expect(["node:crypto", "WebCrypto"]).toContain(row.hmac);
      expect(row.result).toBe("passes");
      // Each row is exactly what run.js renders: nothing in it was typed by hand.
      expect(renderRow(row)).toBe(rows.get(runtime.name));
    }
    expect(tableIn(readme).startsWith(START) && tableIn(readme).endsWith(END)).toBe(true);
  });

  it("reads a written row back cell by cell", () => {
    expect(parseRow("chromium", readmeRows(WRITTEN).get("chromium")!)).toEqual(chromium);
    expect(parseRow("node24", readmeRows(WRITTEN).get("node24")!)).toEqual({ ...node24, via: undefined });
  });
});

describe("a run against the README's table", () => {
  it("passes when every row it ran reads as measured", () => {
    expect(compareReadme(WRITTEN, [chromium, node24, deno])).toEqual({ problems: [], notes: [] });
  });

  it("passes on another build of a Debian browser or its driver, with a note saying what moved", () => {
    const result = compareReadme(WRITTEN, [
      { ...chromium, version: "156.0.8078.129" },
      { ...chromium, version: "157.0.8100.2", via: "playwright-core 1.66.0" },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      "chromium: README shows 156.0.8078.108, this run 156.0.8078.129",
      "chromium: README shows 156.0.8078.108, this run 157.0.8100.2",
      "chromium: README shows it through playwright-core 1.65.1, this run playwright-core 1.66.0",
    ]);
  });

  it("passes on a newer npm runtime (Node, Deno) within the declared range", () => {
    const result = compareReadme(WRITTEN, [
      { ...node24, version: "v24.22.1" },
      { ...deno, version: "2.10.0" },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.notes).toHaveLength(2);
  });

  it("passes, with a note, when a suite the README says fails now passes", () => {
    const firefox = {
      name: "firefox",
      runtime: "Firefox ESR, headless (Debian's)",
      version: "153.8.0",
      via: "puppeteer-core 24.43.1, WebDriver BiDi",
      hmac: "WebCrypto",
      result: "passes",
    };
    expect(compareReadme(WRITTEN, [firefox])).toEqual({
      problems: [],
      notes: ["firefox: README says the suite fails, it passes on this run"],
    });
  });

  it("fails when a runtime that ran has no row", () => {
    const bun = { name: "bun", runtime: "Bun (npm `bun`)", version: "1.4.4", hmac: "node:crypto", result: "passes" };
    const { problems } = compareReadme(WRITTEN, [chromium, bun]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^bun: no row in README\.md's runtimes table/);
  });

  it("fails when a suite the README says passes fails", () => {
    expect(compareReadme(WRITTEN, [{ ...chromium, result: "**fails**" }]).problems).toEqual([
      "chromium: README says the suite passes, it fails on this run",
    ]);
  });

  it("fails when the HMAC path or the runtime's label is not the README's", () => {
    expect(compareReadme(WRITTEN, [{ ...deno, hmac: "WebCrypto" }]).problems).toEqual([
      "deno: README says the HMAC is computed by node:crypto, this run by WebCrypto",
    ]);
    expect(compareReadme(WRITTEN, [{ ...deno, runtime: "Deno (system)" }]).problems).toHaveLength(1);
  });

  it("fails when a runner printed no version, or the README has no table", () => {
    expect(compareReadme(WRITTEN, [{ ...chromium, version: "?" }]).problems).toEqual([
      "chromium: the runner printed no version",
    ]);
    expect(compareReadme(WRITTEN.replace(START, ""), [chromium]).problems[0]).toMatch(/no runtimes table/);
  });
});

describe("--write-readme", () => {
  it("replaces the block between the markers and nothing else", () => {
    const rows = readmeRows(readme);
    const all = RUNTIMES.map((r) => parseRow(r.name, rows.get(r.name)!));
    expect(replaceTable(readme, renderTable(all))).toBe(readme);
    const changed = replaceTable(readme, renderTable(all.map((row) => ({ ...row, version: "9.9.9" }))));
    expect(changed.replace(tableIn(changed), "")).toBe(readme.replace(tableIn(readme), ""));
    expect(readmeRows(changed).get("chromium")).toContain("| 9.9.9 |");
    // Only the versions moved: a run on the old README notes each of them and finds no problem.
    expect(
      compareReadme(
        readme,
        all.map((row) => ({ ...row, version: "9.9.9" })),
      ),
    ).toMatchObject({ problems: [] });
    expect(
      compareReadme(
        readme,
        all.map((row) => ({ ...row, version: "9.9.9" })),
      ).notes,
    ).toHaveLength(all.length);
  });
});
