// The runtimes other than the system's Node: Node 22 and 24 (npm `node`), Deno, Bun, workerd and
// the Edge Runtime, from the sub-package test/runtimes (its own package.json and package-lock.json),
// so that none of them (about 500 MB) lands in the root install. Installed on first use with
// `npm ci --prefix test/runtimes` by the conformance runner, the examples' harness, the fake-x
// command's Deno and Bun tests, the package checks and the benchmark.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { npmCiOnce } from "../support/npm-ci.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Path of the binary for `major` (22 or 24) inside the sub-package. */
export function nodeBinary(major) {
  return join(here, "node_modules", `node${major}`, "bin", "node");
}

/** Path of `name` (deno, bun, workerd) in the sub-package's node_modules/.bin. */
export function runtimeBin(name) {
  return join(here, "node_modules/.bin", name);
}

/** The sub-package's node_modules, where `edge-runtime` and `workerd/package.json` resolve. */
export const RUNTIMES_MODULES = join(here, "node_modules");

/** The hint every runtime of the sub-package gives when it cannot start. */
export const RUNTIMES_HINT = 'run "npm ci --prefix test/runtimes"';

let checked;

/**
 * Makes sure the sub-package is installed from its lockfile and its binaries run; returns an
 * error message (with how to fix it) or undefined. Checked once per process.
 */
export function ensureRuntimes() {
  checked ??= npmCiOnce(here) ?? check();
  return checked;
}

function check() {
  for (const major of [22, 24]) {
    // The npm `node` package ships a placeholder and fetches the real binary in its preinstall
    // script (allowed in package.json "allowScripts"): check that it really runs.
    let version = "";
    try {
      version = execFileSync(nodeBinary(major), ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
    } catch (error) {
      version = error.message;
    }
    if (!version.startsWith(`v${major}.`)) {
      return `${nodeBinary(major)} does not run as Node ${major} after npm ci (${version}); ${RUNTIMES_HINT} and check that its install scripts ran`;
    }
  }
  for (const name of ["deno", "bun", "workerd"]) {
    if (!existsSync(runtimeBin(name))) return `${runtimeBin(name)} is missing after npm ci; ${RUNTIMES_HINT}`;
  }
  return undefined;
}
