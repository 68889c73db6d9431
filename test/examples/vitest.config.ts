// `npm run test:examples`: every example under examples/ type-checks, and the runnable ones sign in
// against the fake X. Kept out of the unit run (its files end in .spec.ts, not .test.ts) because it
// starts real runtimes (Node, Deno, Bun, workerd) as child processes. Needs a fresh `npm run build`;
// global-setup.ts installs each example from its own lockfile and the runtimes of test/runtimes.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const nextModules = fileURLToPath(new URL("../../examples/nextjs/node_modules", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: {
    // nextjs.spec.ts renders the app in-process with the app's own Next.js and React, which live in
    // examples/nextjs/node_modules (the root install has neither).
    alias: [{ find: /^(next|react|react-dom)(\/.*)?$/, replacement: `${nextModules}/$1$2` }],
  },
  test: {
    include: ["test/examples/**/*.spec.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["test/examples/harness/global-setup.ts"],
  },
});
