// `npm run test:examples`: every example under examples/ type-checks, and the runnable ones sign in
// against the fake X. Kept out of the unit run (its files end in .spec.ts, not .test.ts) because it
// starts real runtimes (Node, Deno, Bun, workerd) as child processes. Needs a fresh `npm run build`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["test/examples/**/*.spec.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["test/examples/harness/global-setup.ts"],
  },
});
