// Sizes of the installed tarball's entry points with size-limit (its esbuild and file plugins:
// bundle, minify, gzip -9), checked against budgets.js, and written into docs/performance.md
// between its sizes:start and sizes:end markers by the run that measured them.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import esbuildPlugin from "@size-limit/esbuild";
import filePlugin from "@size-limit/file";
import sizeLimit from "size-limit";
import { entryPoints } from "../conformance/entry-points.js";
import { ENTRY_BUDGETS, EXPORT_BUDGETS } from "./budgets.js";

export const START = "<!-- sizes:start (written by npm run test:package; do not edit by hand) -->";
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
    `Measured on the installed tarball by size-limit ${version("size-limit")} (esbuild ${version("esbuild")}: bundle, minify, \`--platform=browser\`, \`--format=esm\`; then gzip -9, less esbuild's empty-bundle bytes). Budgets live in \`test/package/budgets.js\`; a size over its budget fails the gate.`,
    "",
    "| what | gzip -9 B | budget B | target B |",
    "|---|---:|---:|---:|",
    ...rows,
    END,
  ].join("\n");
}

/** Rewrites the block in docs/performance.md; returns true when it changed. */
export function writeSizes(docsPath, measured) {
  const text = readFileSync(docsPath, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${docsPath} has no "${START}" … "${END}" block`);
  const next = text.slice(0, start) + sizesBlock(measured) + text.slice(end + END.length);
  if (next === text) return false;
  writeFileSync(docsPath, next);
  return true;
}
