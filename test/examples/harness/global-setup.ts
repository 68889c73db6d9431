// The examples import the built package (dist/), as a user's app would: refuse to run on a missing
// build. Node 24 (which runs the examples' .ts files as written) comes from the sub-package
// test/runtimes/node-bins that `npm run test:runtimes` uses; install it the same way if it is
// missing, and let the Node 24 cases skip (saying so) only if that install fails.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { node24, root, scratch } from "./paths.js";

export default function setup(): void {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/testing.js"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  if (!existsSync(node24)) {
    const prefix = join(root, "test/runtimes/node-bins");
    try {
      execFileSync("npm", ["ci", "--prefix", prefix, "--no-audit", "--no-fund"], { stdio: "ignore" });
    } catch (error) {
      console.warn(
        `examples: could not install Node 24 ("npm ci --prefix ${prefix}": ${(error as Error).message}); its cases will skip`,
      );
    }
  }
}
