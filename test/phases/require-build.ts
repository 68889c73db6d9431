// Global setup of the built phase: its tests read dist/, so a missing build is one clear error
// instead of a failure in every file.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Throws when the build the built phase tests is missing. */
export default function requireBuild(): void {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/cli.js"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  }
}
