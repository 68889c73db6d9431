// Node 22 and Node 24 for the conformance runs: binaries from the npm `node` package, installed
// into the sub-package test/runtimes/node-bins (its own package.json and package-lock.json, so no
// `node` binary ever lands in the root node_modules/.bin). Installed on first use with
// `npm ci --prefix test/runtimes/node-bins`, since CI starts from a fresh clone and the root `npm ci`;
// the examples' harness (test/examples/harness/global-setup.ts) installs them the same way.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "node-bins");

/** Path of the binary for `major` (22 or 24) inside the sub-package. */
export function nodeBinary(major) {
  return join(here, "node_modules", `node${major}`, "bin", "node");
}

let checked;

/**
 * Makes sure both binaries are installed and run; returns an error message (with how to fix it)
 * or undefined. Checked once per process.
 */
export function ensureNodeBins() {
  checked ??= installAndCheck();
  return checked;
}

function installAndCheck() {
  if ([22, 24].some((major) => !existsSync(nodeBinary(major)))) return install() ?? check();
  return check();
}

function install() {
  console.log("runtimes: installing Node 22 and Node 24 with npm ci --prefix test/runtimes/node-bins");
  try {
    execFileSync("npm", ["ci", "--prefix", here, "--no-audit", "--no-fund"], { stdio: "inherit", timeout: 300_000 });
  } catch (error) {
    return `"npm ci --prefix test/runtimes/node-bins" failed (${error.message}); run it by hand to see why (it needs the npm registry)`;
  }
  return undefined;
}

function check() {
  for (const major of [22, 24]) {
    // The npm `node` package ships a placeholder and fetches the real binary in its preinstall
    // script (allowed in node-bins/package.json "allowScripts"): check that it really runs.
    let version = "";
    try {
      version = execFileSync(nodeBinary(major), ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
    } catch (error) {
      version = error.message;
    }
    if (!version.startsWith(`v${major}.`)) {
      return `${nodeBinary(major)} does not run as Node ${major} after npm ci (${version}); run "npm ci --prefix test/runtimes/node-bins" and check that its install scripts ran`;
    }
  }
  return undefined;
}
