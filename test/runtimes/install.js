// Installs the runtimes of test/runtimes (Node 22 and 24, Deno, Bun, workerd, the Edge Runtime)
// from their lockfile unless already installed from it, for the npm scripts that need them
// (test:package, bench). Usage: node test/runtimes/install.js
import { ensureRuntimes } from "./runtime-bins.js";

const problem = ensureRuntimes();
if (problem) {
  console.error(`runtimes: ${problem}`);
  process.exit(1);
}
