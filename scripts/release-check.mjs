#!/usr/bin/env node
// `npm run release:check`: what a user gets from the registry, checked before publishing.
// 1. `npm pack` once (its prepack builds dist/), into a temporary folder.
// 2. That tarball installed into an empty project in another temporary folder.
// 3. Every export of every entry point in the tarball's exports map imported there: with `import`
//    and `require` in Node (the two must export the same names), then with `import` in Deno and Bun
//    (the sub-package test/runtimes, installed from its lockfile on first use, as the conformance
//    runs find them), which must see the same names with the same types, none undefined.
// 4. `npm publish --dry-run` of that same tarball, and `deno publish --dry-run` of jsr.json's sources.
// Every step is bounded; the first failure stops the check with its output. Nothing in the clone
// changes; the temporary folders are removed at the end.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureRuntimes, runtimeBin } from "../test/runtimes/runtime-bins.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const temp = [];
const tempDir = (what) => {
  const dir = mkdtempSync(join(tmpdir(), `twitter-oauth1-release-${what}-`));
  temp.push(dir);
  return dir;
};

/** Runs a command (ten minutes at most); its stdout, or the check fails with everything it printed. */
function run(step, command, args, cwd) {
  process.stdout.write(`\n> ${step}\n  $ ${[command, ...args].join(" ")}\n`);
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: "1" },
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(
      `${step} failed (${result.error?.message ?? (result.signal ? `killed by ${result.signal}` : `exit ${result.status}`)})`,
    );
  }
  return result.stdout;
}

// The script every runtime runs in the install folder: one line of JSON, entry point -> export name
// -> typeof. A module that fails to load fails the run.
const PROBE = `
const entries = JSON.parse(${JSON.stringify("__ENTRIES__")});
const seen = {};
for (const entry of entries) {
  const module = await import(entry);
  seen[entry] = Object.fromEntries(Object.keys(module).sort().map((name) => [name, typeof module[name]]));
}
console.log(JSON.stringify(seen));
`;

try {
  const runtimes = ensureRuntimes();
  if (runtimes !== undefined) throw new Error(runtimes);
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const entries = Object.keys(manifest.exports)
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`));

  const packDir = tempDir("pack");
  run("pack once (prepack builds dist/)", npm, ["pack", "--pack-destination", packDir], root);
  const tarball = join(
    packDir,
    readdirSync(packDir).find((file) => file.endsWith(".tgz")),
  );

  const project = tempDir("install");
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "release-check", private: true, type: "module" }),
  );
  run("install the tarball into an empty project", npm, ["install", "--no-audit", "--no-fund", tarball], project);
  const installed = readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."));
  if (installed.join() !== manifest.name) {
    throw new Error(`installing the tarball brought other packages: ${installed.join(", ")}`);
  }

  const probe = PROBE.replace('"__ENTRIES__"', JSON.stringify(JSON.stringify(entries)));
  writeFileSync(join(project, "probe.mjs"), probe);
  writeFileSync(
    join(project, "probe-require.cjs"),
    `const seen = {};\nfor (const entry of ${JSON.stringify(entries)}) {\n  const module = require(entry);\n  seen[entry] = Object.fromEntries(Object.keys(module).sort().map((name) => [name, typeof module[name]]));\n}\nconsole.log(JSON.stringify(seen));\n`,
  );
  const last = (out) => JSON.parse(out.trim().split("\n").pop());
  const node = last(run("import every entry point in Node", process.execPath, ["probe.mjs"], project));
  const results = {
    "Node (require)": last(run("require every entry point in Node", process.execPath, ["probe-require.cjs"], project)),
    Deno: last(
      run(
        "import every entry point in Deno",
        runtimeBin("deno"),
        ["run", "--no-prompt", "--allow-read", "--allow-env", "probe.mjs"],
        project,
      ),
    ),
    Bun: last(run("import every entry point in Bun", runtimeBin("bun"), ["probe.mjs"], project)),
  };
  for (const entry of entries) {
    const names = Object.entries(node[entry] ?? {});
    if (names.length === 0) throw new Error(`${entry} exports nothing in Node`);
    const missing = names.filter(([, type]) => type === "undefined").map(([name]) => name);
    if (missing.length > 0) throw new Error(`${entry}: ${missing.join(", ")} undefined in Node`);
    for (const [runtime, seen] of Object.entries(results)) {
      const got = JSON.stringify(seen[entry]);
      if (got !== JSON.stringify(node[entry])) {
        throw new Error(`${entry} in ${runtime} exports ${got}, Node's import gives ${JSON.stringify(node[entry])}`);
      }
    }
    process.stdout.write(`  ${entry}: ${names.length} exports, the same in Node (import, require), Deno and Bun\n`);
  }

  run("npm publish --dry-run (the same tarball)", npm, ["publish", "--dry-run", "--ignore-scripts", tarball], project);
  run("deno publish --dry-run (jsr.json)", runtimeBin("deno"), ["publish", "--dry-run", "--allow-dirty"], root);
  process.stdout.write(
    "\nrelease:check passed: the tarball installs alone, every export loads in Node, Deno and Bun, and both registries accept a dry run.\n",
  );
} catch (error) {
  process.stderr.write(`\nrelease:check FAILED: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
}
