// Node 22 and Node 24 for the conformance runs: binaries from the npm `node` package, installed
// into the sub-package test/runtimes/node-bins (its own package.json and package-lock.json, so no
// `node` binary ever lands in the root node_modules/.bin). Installed on first use with
// `npm ci --prefix test/runtimes/node-bins`, since CI starts from a fresh clone and the root `npm ci`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "node-bins");

/** Path of the binary for `major` (22 or 24) inside the sub-package. */
export function nodeBinary(major) {
  return join(here, "node_modules", `node${major}`, "bin", "node");
}

/**
 * Makes sure both binaries are installed; returns an error message (with how to fix it) or undefined.
 */
export function ensureNodeBins() {
  if ([22, 24].every((major) => existsSync(nodeBinary(major)))) return undefined;
  console.log("runtimes: installing Node 22 and Node 24 with npm ci --prefix test/runtimes/node-bins");
  try {
    execFileSync("npm", ["ci", "--prefix", here, "--no-audit", "--no-fund"], { stdio: "inherit" });
  } catch (error) {
    return `"npm ci --prefix test/runtimes/node-bins" failed (${error.message}); run it by hand to see why (it needs the npm registry)`;
  }
  for (const major of [22, 24]) {
    if (!existsSync(nodeBinary(major))) {
      return `${nodeBinary(major)} is missing after npm ci; run "npm ci --prefix test/runtimes/node-bins"`;
    }
  }
  return undefined;
}
