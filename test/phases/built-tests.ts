// The test files of the "built" phase (vitest.config.ts): each runs a compiler (tsc, typedoc,
// esbuild), another runtime (node, python, git) as a child process, or reads dist/. Everything else
// under test/**/*.test.ts is the "unit" phase, where test/phases/unit-guard.ts makes such a test
// fail. A new test that needs a build or a process goes here, by its path.

/** Globs, relative to the repository, of the test files that run after `npm run build`. */
export const BUILT_TESTS: readonly string[] = [
  // tsc on the package's types, and `git ls-files` for the self-containment check.
  "test/build/**/*.test.ts",
  // dist/cli.js started as its own process.
  "test/cli/**/*.test.ts",
  // README and docs code blocks, type-checked and run against dist/; typedoc's output.
  "test/docs/**/*.test.ts",
  // Other people's clients and Python's requests-oauthlib against the fake X command.
  "test/interop/**/*.test.ts",
  // Python's oauthlib as a second implementation.
  "test/oauth1/oauthlib.test.ts",
  // esbuild bundles the oracle to prove it imports nothing.
  "test/oauth1/oracle.test.ts",
  // esbuild bundle run in a child Node with --expose-gc.
  "test/oauth1/perf-verify-body.test.ts",
  // dist/ as built: each class and function defined once per format.
  "test/package/**/*.test.ts",
  // dist/passport.d.ts compiled by tsc.
  "test/passport/types.test.ts",
  // The process launcher, tested by launching processes.
  "test/support/processes.test.ts",
  // esbuild bundle run in a child Node with default flags.
  "test/twitter/unhandled-rejection.test.ts",
];
