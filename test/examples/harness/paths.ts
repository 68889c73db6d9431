// Where things are: the repository, the examples, the runtimes from node_modules/.bin, scratch space.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const root = fileURLToPath(new URL("../../..", import.meta.url));
export const examples = join(root, "examples");
export const scratch = join(root, ".tmp/examples");

/** A binary from the repository's devDependencies. */
export function bin(name: string): string {
  return join(root, "node_modules/.bin", name);
}
