// Where things are: the repository, the examples, the binaries the specs run, scratch space.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeBinary, runtimeBin } from "../../runtimes/runtime-bins.js";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const examples = join(root, "examples");
export const scratch = join(root, ".tmp/examples");

const RUNTIMES = new Set(["deno", "bun", "workerd"]);

/**
 * A binary: Deno, Bun and workerd from the sub-package test/runtimes, anything else (tsc) from the
 * repository's devDependencies.
 */
export function bin(name: string): string {
  return RUNTIMES.has(name) ? runtimeBin(name as "deno" | "bun" | "workerd") : join(root, "node_modules/.bin", name);
}

/** A binary from an example's own install (examples/<name>/node_modules/.bin). */
export function exampleBin(example: string, name: string): string {
  return join(examples, example, "node_modules/.bin", name);
}

/**
 * Node 24 from the sub-package test/runtimes (installed by global-setup.ts, by `npm run
 * test:runtimes`, or with `npm ci --prefix test/runtimes`): it runs a .ts file as written, as the
 * READMEs say.
 */
export const node24 = nodeBinary(24);
