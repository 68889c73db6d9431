import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BUILT_TESTS } from "./test/phases/built-tests.js";
import { ISOLATED_TESTS } from "./test/phases/isolated-tests.js";
import { noDistImports } from "./test/phases/no-dist-imports.js";

// Two phases of one suite. "unit" (npm run test:unit) needs no build and starts no process: it is
// the inner loop, and a guard (test/phases/unit-guard.ts) fails any test in it that spawns a process
// or touches dist/. "built" (npm run test:built) is everything that runs a compiler, a runtime or
// Python as a child process, or reads the build: npm test runs it after `npm run build`.
// The unit phase is two projects: "unit", whose files share their worker's module cache, and
// "unit-isolated", the few files that need modules of their own (test/phases/isolated-tests.ts).
// `npx vitest run <file>` finds a file in whichever phase holds it.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Every core: by default vitest leaves one free, which on a two-core machine (like CI's) runs
    // the test files one at a time.
    maxWorkers: availableParallelism(),
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary"],
      thresholds: {
        // A coverage gap in the signing core fails the run: every branch of RFC 5849 has a test.
        "src/oauth1/**": { lines: 99, branches: 97, functions: 100, statements: 99 },
      },
    },
    projects: [
      {
        extends: true,
        plugins: [noDistImports()],
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "node_modules/**", ...BUILT_TESTS, ...ISOLATED_TESTS],
          setupFiles: ["test/phases/unit-guard.ts"],
          // A file's imports stay loaded for the next file in the same worker: isolating every file
          // re-imported msw, fast-check and src/ seventy times, half the phase's CPU time.
          isolate: false,
        },
      },
      {
        extends: true,
        plugins: [noDistImports()],
        test: {
          name: "unit-isolated",
          include: [...ISOLATED_TESTS],
          setupFiles: ["test/phases/unit-guard.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "built",
          include: [...BUILT_TESTS],
          // tsc, typedoc and child runtimes take seconds each, and longer on a shared CI machine:
          // a slow compiler is not a failure of the code under test.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ["test/phases/require-build.ts"],
        },
      },
    ],
  },
});
