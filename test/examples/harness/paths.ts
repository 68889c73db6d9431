// Where things are: the repository, the examples, the runtimes from node_modules/.bin, scratch space.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { nodeBinary } from "../../runtimes/node-bins.js";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const examples = join(root, "examples");
export const scratch = join(root, ".tmp/examples");

/** A binary from the repository's devDependencies. */
export function bin(name: string): string {
  return join(root, "node_modules/.bin", name);
}

/**
 * Node 24 from test/runtimes/node-bins (installed by `npm run test:runtimes`, by global-setup.ts, or with
 * `npm ci --prefix test/runtimes/node-bins`): it runs a .ts file as written, as the READMEs say.
 */
export const node24 = nodeBinary(24);
