// `node test/package/measure-sizes.js [--write]` (after `npm run build`): the sizes of every entry
// point, measured as `npm run test:package` measures them (size-limit: esbuild, minified, gzip -9)
// on the built files in dist/, which are the files the tarball ships. Prints each against its
// budget and exits 1 when one is over. With --write, and only then, it rewrites the sizes block of
// docs/performance.md: the one command that writes those numbers, run by a person on purpose.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareSizes, measure, sizeChecks, writeSizes } from "./sizes.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const docs = join(root, "docs/performance.md");
const write = process.argv.includes("--write");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const checks = sizeChecks(manifest);
const unbudgeted = checks.filter((check) => check.budget === undefined || check.file === undefined);
if (unbudgeted.length > 0) {
  console.error(`no budget in test/package/budgets.js for: ${unbudgeted.map((c) => c.name).join(", ")}`);
  process.exit(1);
}
const missing = [...new Set(checks.map((check) => check.file))].filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`${missing.join(", ")} missing: run "npm run build" first.`);
  process.exit(1);
}
const measured = await measure(root, checks);
for (const m of measured) console.log(`${m.passed ? "within" : "OVER"} ${m.size} B / ${m.budget} B: ${m.name}`);
const over = measured.filter((m) => !m.passed);
if (write) {
  console.log(writeSizes(docs, measured) ? "docs/performance.md: sizes rewritten" : "docs/performance.md: unchanged");
} else {
  const { problems, notes } = compareSizes(readFileSync(docs, "utf8"), measured);
  for (const line of [...problems, ...notes]) console.log(line);
  if (problems.length + notes.length > 0)
    console.log("To refresh the docs: node test/package/measure-sizes.js --write");
}
if (over.length > 0) {
  console.log("Over budget: shrink the code, or raise the budget in test/package/budgets.js and say why.");
  process.exit(1);
}
