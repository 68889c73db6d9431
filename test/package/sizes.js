// Sizes of the entry points with size-limit (its esbuild and file plugins: bundle, minify, gzip -9),
// checked against budgets.js. `npm run test:package` measures the installed tarball and fails on a
// size over its budget; it checks docs/performance.md's block (between its sizes:start and
// sizes:end markers) for a row per measurement and never writes it. Only the command a person runs
// on purpose, `node test/package/measure-sizes.js --write`, rewrites that block.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import esbuildPlugin from "@size-limit/esbuild";
import filePlugin from "@size-limit/file";
import sizeLimit from "size-limit";
import { entryPoints } from "../conformance/entry-points.js";
import { ENTRY_BUDGETS, EXPORT_BUDGETS } from "./budgets.js";

export const START =
  "<!-- sizes:start (written by node test/package/measure-sizes.js --write; do not edit by hand) -->";
export const END = "<!-- sizes:end -->";

const require = createRequire(import.meta.url);
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;

/** What is measured: every entry point (all its exports) and the named exports of EXPORT_BUDGETS. */
export function sizeChecks(manifest) {
  const checks = entryPoints(manifest).map((entry) => ({
    name: `everything exported by "twitter-oauth1${entry.subpath.slice(1)}"`,
    subpath: entry.subpath,
    file: entry.import,
    imports: "*",
    ...ENTRY_BUDGETS[entry.subpath],
  }));
  for (const extra of EXPORT_BUDGETS) {
    const entry = entryPoints(manifest).find((e) => e.subpath === extra.subpath);
    checks.push({
      ...extra,
      name: `${extra.name} (import ${extra.imports} from "twitter-oauth1${extra.subpath.slice(1)}")`,
      file: entry?.import,
    });
  }
  return checks;
}

/** Measures the checks against the package installed at `packageDir`; adds `size` and `passed`. */
export async function measure(packageDir, checks) {
  const config = {
    checks: checks.map((check) => ({
      name: check.name,
      files: [],
      import: { [join(packageDir, check.file)]: check.imports },
      gzip: true,
      sizeLimit: check.budget,
      modifyEsbuildConfig: (esbuild) => ({ ...esbuild, format: "esm", platform: "browser", target: "es2022" }),
    })),
  };
  const results = await sizeLimit([esbuildPlugin, filePlugin], config);
  return checks.map((check, i) => ({
    ...check,
    size: results[i].size,
    passed: check.budget !== undefined && results[i].size <= check.budget,
  }));
}

/** The docs block for measured checks. */
export function sizesBlock(measured) {
  const rows = measured.map(
    (m) =>
      `| ${m.name.replace(/\|/g, "\\|")} | ${m.size.toLocaleString("en-US")} | ${m.budget.toLocaleString("en-US")} | ${m.target ? m.target.toLocaleString("en-US") : ""} |`,
  );
  return [
    START,
    `Measured on the built entry points (the files the tarball ships) by size-limit ${version("size-limit")} (esbuild ${version("esbuild")}: bundle, minify, \`--platform=browser\`, \`--format=esm\`; then gzip -9, less esbuild's empty-bundle bytes: a plain \`esbuild --bundle --minify | gzip -9\` of a one-line import of the same export reads about 45 B more). Budgets live in \`test/package/budgets.js\`; a size over its budget fails the gate.`,
    "",
    "| what | gzip -9 B | budget B | target B |",
    "|---|---:|---:|---:|",
    ...rows,
    END,
  ].join("\n");
}

/** The block of the docs text, markers included; throws when they are missing. */
export function sizesBlockIn(text, where = "docs/performance.md") {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${where} has no "${START}" … "${END}" block`);
  return text.slice(start, end + END.length);
}

/** The block's rows keyed by what they measure: { size, budget } as written. */
export function docsRows(text) {
  const rows = new Map();
  for (const line of sizesBlockIn(text).split("\n")) {
    const cells = /^\| (.+) \| ([\d,]+) \| ([\d,]+) \| [\d,]* \|$/.exec(line);
    if (cells) {
      const number = (cell) => Number(cell.replace(/,/g, ""));
      rows.set(cells[1].replace(/\\\|/g, "|"), { size: number(cells[2]), budget: number(cells[3]) });
    }
  }
  return rows;
}

/**
 * The docs' block against this run's measurements. `problems` fail the run: no block, no row for
 * something measured, a row for something no longer measured. `notes` are the numbers that moved
 * (a size or a budget): informative, since the budget itself is checked on the measurement.
 */
export function compareSizes(text, measured) {
  let rows;
  try {
    rows = docsRows(text);
  } catch (error) {
    return { problems: [error.message], notes: [] };
  }
  const problems = [];
  const notes = [];
  for (const m of measured) {
    const row = rows.get(m.name);
    if (row === undefined) {
      problems.push(`no row for ${m.name}`);
      continue;
    }
    if (row.size !== m.size) notes.push(`${m.name}: docs show ${row.size} B, this run ${m.size} B`);
    if (row.budget !== m.budget)
      notes.push(`${m.name}: docs show a budget of ${row.budget} B, budgets.js ${m.budget} B`);
  }
  for (const name of rows.keys()) {
    if (!measured.some((m) => m.name === name)) problems.push(`a row for ${name}, which is no longer measured`);
  }
  return { problems, notes };
}

/** The docs text with its block replaced by the one for `measured`. */
export function replaceSizes(text, measured) {
  return text.replace(sizesBlockIn(text), sizesBlock(measured));
}

/** Rewrites the block in docs/performance.md; returns true when it changed. Only measure-sizes.js --write calls it. */
export function writeSizes(docsPath, measured) {
  const text = readFileSync(docsPath, "utf8");
  const next = replaceSizes(text, measured);
  if (next === text) return false;
  writeFileSync(docsPath, next);
  return true;
}
