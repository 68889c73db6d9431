// `npm run test:runtimes`: the conformance suite (test/conformance/) in eleven runs, one after
// another: Node 20 (this machine's node) on both HMAC paths, Node 22 and 24 (npm `node`), Deno and
// Bun (npm devDependencies), workerd (npm, serving a bundled Worker on loopback), Vercel's Edge
// Runtime (npm `edge-runtime`, an IIFE bundle), and headless Chromium, Firefox ESR and WebKitGTK
// (Debian's). Prints each runtime's failures and a table with versions and HMAC paths, and exits 1
// if any runtime failed, ran zero cases or could not start.
//
// The README's runtimes table (between its runtimes:start and runtimes:end markers) is this
// table: each run checks the rows it ran against it and fails on a broken promise (a runtime with
// no row, another label or HMAC path, a suite the README says passes failing); a version or driver
// build that moved is printed as a note, never failed on. A full run with --write-readme rewrites
// it: the only run that writes a tracked file. No number in it is typed by hand.
// Needs a fresh build: run `npm run build` first (npm test does).
// Usage: node test/runtimes/run.js [name ...] [--verbose] [--write-readme]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bounded } from "../support/bounded.js";
import { start } from "../support/processes.js";
import { startHostileX } from "./hostile-server.js";
import { compareReadme, renderTable, replaceTable } from "./readme-table.js";
import { RUNTIMES } from "./runtimes.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const entry = "test/runtimes/entry.js";
// Each runner bounds its own waits; this is the backstop for one that hangs anyway.
const RUNTIME_LIMIT_MS = 150_000;

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const writeReadme = args.includes("--write-readme");
const chosen = args.filter((a) => !a.startsWith("--"));
const unknown = chosen.filter((name) => !RUNTIMES.some((r) => r.name === name));
if (unknown.length) {
  console.error(`unknown runtime(s): ${unknown.join(", ")}; choose from ${RUNTIMES.map((r) => r.name).join(", ")}`);
  process.exit(2);
}
if (writeReadme && chosen.length > 0) {
  console.error("--write-readme rewrites the whole table: run every runtime (name none).");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const missing = Object.values(manifest.exports)
  .flatMap((target) => (typeof target === "string" ? [target] : [target.import?.default]))
  .filter((file) => file?.startsWith("./dist/") && !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`${missing.join(", ")} missing: run "npm run build" first.`);
  process.exit(1);
}

// The runtimes that run entry.js open sockets: they also meet a hostile X over loopback.
const hostileX = await startHostileX();

async function runOne(runtime) {
  const [command, ...given] = runtime.command();
  const rest = given.includes(entry) ? [...given, "--network", hostileX.origin] : given;
  // Its own process group: a runner that hangs is stopped with its browsers, drivers, Xvfb and workerd.
  const child = start(command, verbose && rest.includes(entry) ? [...rest, "--verbose"] : rest, {
    cwd: root,
    env: { NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    group: true,
    onOutput: (text) => process.stdout.write(text),
  });
  let note = "";
  const code = await bounded(child.exited(), RUNTIME_LIMIT_MS, runtime.name).catch(async () => {
    note = `\n${runtime.name}: no result after ${RUNTIME_LIMIT_MS / 1000} s; stopped\n`;
    // SIGTERM first: the runner exits and stops what it started; SIGKILL after 10 s.
    return (await child.stop({ graceMs: 10_000 })).exitCode;
  });
  return { code: code ?? 128, output: child.output() + note };
}

const line = (output, key) => new RegExp(`^${key}: (.+)$`, "m").exec(output)?.[1]?.trim();

const rows = [];
const started = Date.now();
for (const runtime of RUNTIMES.filter((r) => chosen.length === 0 || chosen.includes(r.name))) {
  console.log(`\n=== ${runtime.label} ===`);
  const problem =
    runtime.setup?.() ?? (runtime.needs && !existsSync(runtime.needs) ? `${runtime.needs} is missing` : undefined);
  if (problem) {
    console.log(`${runtime.name}: cannot start: ${problem}. To fix: ${runtime.hint}.`);
    rows.push({ runtime, version: "-", passed: 0, failed: 0, status: "FAILED (cannot start)" });
    continue;
  }
  const t0 = Date.now();
  const { code, output } = await runOne(runtime);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const measured = {
    version: line(output, "version") ?? "?",
    via: line(output, "via"),
    hmac: line(output, "hmac") ?? "?",
    seconds,
  };
  const lines = output.trimEnd().split("\n");
  const last = lines[lines.length - 1]?.trim() ?? "";
  const summary = /^(\d+) passed, (\d+) failed$/.exec(last);
  if (last === "SKIPPED" && code === 0) {
    rows.push({ runtime, ...measured, passed: 0, failed: 0, status: "SKIPPED (not installed; fails when CI is set)" });
  } else if (!summary) {
    console.log(`${runtime.name}: no "N passed, M failed" line (exit ${code}). To fix: ${runtime.hint}.`);
    rows.push({ runtime, ...measured, passed: 0, failed: 0, status: `FAILED (exit ${code}, no summary)` });
  } else {
    const passed = Number(summary[1]);
    const failed = Number(summary[2]);
    const good = code === 0 && failed === 0 && passed > 0;
    rows.push({
      runtime,
      ...measured,
      passed,
      failed,
      status: good ? "ok" : passed === 0 ? "FAILED (did not run; see its output above)" : "FAILED",
    });
  }
}

await hostileX.close();

const table = [
  ["runtime", "version", "HMAC", "passed", "failed", "s", "status"],
  ...rows.map((r) => [
    r.runtime.label,
    r.version,
    r.hmac ?? "-",
    String(r.passed),
    String(r.failed),
    r.seconds ?? "-",
    r.status,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`\nConformance suite by runtime (${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((cell, j) => cell.padEnd(widths[j]))
      .join("  ")
      .trimEnd(),
  );
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
const bad = rows.filter((r) => r.status !== "ok" && !r.status.startsWith("SKIPPED"));
for (const row of rows.filter((r) => r.status.startsWith("SKIPPED"))) {
  console.log(`\n!!! ${row.runtime.label} was SKIPPED: nothing was proven in it on this run. !!!`);
}

// The README's table: every row that ran here must be there, with what this run proved.
const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
// Rows that ran the suite (passing or not); a runtime that could not start or was skipped has none.
const measuredRows = rows
  .filter((r) => r.passed + r.failed > 0)
  .map((r) => ({
    name: r.runtime.name,
    runtime: r.runtime.readme,
    version: r.version,
    via: r.via,
    hmac: r.hmac,
    result: r.status === "ok" ? "passes" : "**fails**",
  }));
let readmeProblem;
if (writeReadme) {
  if (measuredRows.length !== RUNTIMES.length) {
    readmeProblem = "--write-readme: not written, since not every runtime ran the suite on this run";
  } else {
    writeFileSync(readmePath, replaceTable(readme, renderTable(measuredRows)));
    console.log("\nREADME.md: runtimes table rewritten from this run.");
  }
} else {
  const { problems, notes } = compareReadme(readme, measuredRows);
  if (notes.length > 0)
    console.log(
      `\nREADME.md's runtimes table, informative cells that differ from this run (not a failure; a full run with --write-readme refreshes them):\n${notes.join("\n")}`,
    );
  if (problems.length > 0)
    readmeProblem = `README.md's runtimes table says otherwise than this run proved:\n${problems.join("\n")}\nTo fix: make the runtime pass, or if the change is meant, node test/runtimes/run.js --write-readme (runs every runtime, then rewrites the table), and commit README.md.`;
}
if (readmeProblem) console.log(`\n${readmeProblem}`);

console.log(`\n${passed} passed, ${failed + (readmeProblem ? 1 : 0)} failed`);
if (bad.length > 0 || rows.length === 0 || readmeProblem) {
  console.log(
    `runtimes failing: ${bad.map((r) => r.runtime.name).join(", ") || (readmeProblem ? "none (README table)" : "none selected")}`,
  );
  process.exit(1);
}
