// `npm run test:runtimes`: the conformance suite (test/conformance/) in seven runtimes, one after
// another: Node 20 (this machine's node), Node 22 and 24 (npm `node` package), Deno and Bun (npm
// devDependencies), workerd (npm devDependency, serving a bundled Worker on loopback) and headless
// Chromium (Debian's, through playwright-core). Prints each runtime's failures, a summary table
// with versions, and exits 1 if any runtime failed, ran zero cases or could not start.
// Needs a fresh build: run `npm run build` first (npm test does).
// Usage: node test/runtimes/run.js [node20 node22 node24 deno bun workerd chromium] [--verbose]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNodeBins, nodeBinary } from "./node-bins.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const entry = "test/runtimes/entry.js";
const bin = (name) => join(root, "node_modules/.bin", name);
const RUNTIME_LIMIT_MS = 10 * 60_000;
const NPM_HINT = 'it is a devDependency of the repository: run "npm ci" at the repository root';

const RUNTIMES = [
  {
    name: "node20",
    label: "Node 20 (system)",
    command: () => [process.execPath, entry],
    hint: "install Node.js >= 20 and run with it",
  },
  {
    name: "node20-webcrypto",
    label: "Node 20, WebCrypto path",
    command: () => [process.execPath, entry, "--webcrypto"],
    hint: "install Node.js >= 20 and run with it",
  },
  {
    name: "node22",
    label: "Node 22 (npm node)",
    command: () => [nodeBinary(22), entry],
    setup: ensureNodeBins,
    hint: 'run "npm ci --prefix test/runtimes/node-bins"',
  },
  {
    name: "node24",
    label: "Node 24 (npm node)",
    command: () => [nodeBinary(24), entry],
    setup: ensureNodeBins,
    hint: 'run "npm ci --prefix test/runtimes/node-bins"',
  },
  {
    name: "deno",
    label: "Deno (npm deno)",
    command: () => [bin("deno"), "run", "--no-prompt", "--no-config", entry],
    needs: bin("deno"),
    hint: NPM_HINT,
  },
  { name: "bun", label: "Bun (npm bun)", command: () => [bin("bun"), entry], needs: bin("bun"), hint: NPM_HINT },
  {
    name: "workerd",
    label: "workerd (npm workerd)",
    command: () => [process.execPath, "test/runtimes/workerd.js"],
    needs: bin("workerd"),
    hint: NPM_HINT,
  },
  {
    name: "chromium",
    label: "Chromium (Debian, playwright-core)",
    command: () => [process.execPath, "test/runtimes/chromium.js"],
    hint: "apt-get install -y chromium",
  },
];

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const chosen = args.filter((a) => !a.startsWith("--"));
const unknown = chosen.filter((name) => !RUNTIMES.some((r) => r.name === name));
if (unknown.length) {
  console.error(`unknown runtime(s): ${unknown.join(", ")}; choose from ${RUNTIMES.map((r) => r.name).join(", ")}`);
  process.exit(2);
}
if (!existsSync(join(root, "dist/index.js")) || !existsSync(join(root, "dist/testing.js"))) {
  console.error('dist/index.js or dist/testing.js is missing: run "npm run build" first.');
  process.exit(1);
}

function runOne(runtime) {
  return new Promise((resolvePromise) => {
    const [command, ...rest] = runtime.command();
    const child = spawn(command, verbose && rest[0] === entry ? [...rest, "--verbose"] : rest, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    // A suite that hangs must not hang CI: stop the runtime after RUNTIME_LIMIT_MS.
    const timer = setTimeout(() => {
      output += `\n${runtime.name}: no result after ${RUNTIME_LIMIT_MS / 1000} s; stopped\n`;
      child.kill("SIGTERM");
    }, RUNTIME_LIMIT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolvePromise({ code: 127, output: output + `\ncould not start ${command}: ${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 128, signal, output });
    });
  });
}

const rows = [];
for (const runtime of RUNTIMES.filter((r) => chosen.length === 0 || chosen.includes(r.name))) {
  console.log(`\n=== ${runtime.label} ===`);
  const problem =
    runtime.setup?.() ?? (runtime.needs && !existsSync(runtime.needs) ? `${runtime.needs} is missing` : undefined);
  if (problem) {
    console.log(`${runtime.name}: cannot start: ${problem}. To fix: ${runtime.hint}.`);
    rows.push({ runtime, version: "-", passed: 0, failed: 0, status: "FAILED (cannot start)" });
    continue;
  }
  const { code, output } = await runOne(runtime);
  const version = /^runtime: (.+)$/m.exec(output)?.[1] ?? "?";
  const lines = output.trimEnd().split("\n");
  const last = lines[lines.length - 1]?.trim() ?? "";
  const summary = /^(\d+) passed, (\d+) failed$/.exec(last);
  if (last === "SKIPPED" && code === 0) {
    rows.push({ runtime, version, passed: 0, failed: 0, status: "SKIPPED (no Chromium; fails when CI is set)" });
  } else if (!summary) {
    console.log(`${runtime.name}: no "N passed, M failed" line (exit ${code}). To fix: ${runtime.hint}.`);
    rows.push({ runtime, version, passed: 0, failed: 0, status: `FAILED (exit ${code}, no summary)` });
  } else {
    const passed = Number(summary[1]);
    const failed = Number(summary[2]);
    const good = code === 0 && failed === 0 && passed > 0;
    rows.push({
      runtime,
      version,
      passed,
      failed,
      status: good ? "ok" : passed === 0 ? "FAILED (did not run; see its output above)" : "FAILED",
    });
  }
}

const table = [
  ["runtime", "version", "passed", "failed", "status"],
  ...rows.map((r) => [r.runtime.label, r.version, String(r.passed), String(r.failed), r.status]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log("\nConformance suite by runtime");
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
console.log(`\n${passed} passed, ${failed} failed`);
if (bad.length > 0 || rows.length === 0) {
  console.log(`runtimes failing: ${bad.map((r) => r.runtime.name).join(", ") || "none selected"}`);
  process.exit(1);
}
