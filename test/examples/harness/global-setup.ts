// The examples import the built package (dist/), as a user's app would: refuse to run on a missing build.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { root, scratch } from "./paths.js";

export default function setup(): void {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/testing.js"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
}
