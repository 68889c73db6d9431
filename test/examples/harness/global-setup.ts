// The examples import the built package (dist/), as a user's app would: refuse to run on a missing
// build. Each example with a lockfile is installed from it (`npm ci --prefix examples/<name>`,
// skipped when node_modules there came from the same lockfile), as a user installs it: the
// frameworks (Next.js, SvelteKit, Hono, Express) are not in the root install. The runtimes (Node 24,
// which runs the examples' .ts files as written, Deno, Bun, workerd) come from the sub-package
// test/runtimes, installed the same way; the Node 24 cases skip (saying so) only if that fails.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureRuntimes } from "../../runtimes/runtime-bins.js";
import { npmCiOnce } from "../../support/npm-ci.js";
import { examples, root, scratch } from "./paths.js";

/** The example folders that have their own lockfile (the demo is a root workspace instead). */
export function installableExamples(): string[] {
  return readdirSync(examples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, "package-lock.json")))
    .map((entry) => entry.name);
}

export default function setup(): void {
  for (const file of ["dist/index.js", "dist/index.d.ts", "dist/testing.js"]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const name of installableExamples()) {
    const problem = npmCiOnce(join(examples, name));
    if (problem) throw new Error(`examples/${name} cannot be installed: ${problem}`);
  }
  const problem = ensureRuntimes();
  if (problem)
    console.warn(`examples: the runtimes of test/runtimes are missing (${problem}); the Node 24 cases will skip`);
}
