// The examples import the built package (dist/), as a user's app would: refuse to run on a missing
// build. Node 24 (which runs the examples' .ts files as written) comes from the sub-package
// test/runtimes/node-bins that `npm run test:runtimes` uses, installed by the same code when it is
// missing; the Node 24 cases skip (saying so) only if that install fails.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureNodeBins } from "../../runtimes/node-bins.js";
import { root, scratch } from "./paths.js";

export default function setup(): void {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/testing.js"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const problem = ensureNodeBins();
  if (problem) console.warn(`examples: no Node 24 (${problem}); its cases will skip`);
}
