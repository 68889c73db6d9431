// The unit test files that need modules of their own (vitest.config.ts, project "unit-isolated").
// The rest of the unit phase shares its workers' module cache: src/, msw and fast-check load once
// per worker instead of once per file, which halves the phase's CPU time. A file belongs here when
// it reloads modules (vi.resetModules, vi.doMock: the copies it loads would stay in the cache for
// the next file, such as a signing core loaded with process.getBuiltinModule hidden, which signs on
// WebCrypto where the next file expects node:crypto), or when it counts work that a cache filled
// by an earlier file would hide. test/phases/isolated-tests.test.ts finds the first kind by itself.

/** Paths, relative to the repository, of the unit test files that run each in a fresh worker. */
export const ISOLATED_TESTS: readonly string[] = [
  // Loads the handlers and the seal afresh with getBuiltinModule hidden (test/handlers/webcrypto-load.ts).
  "test/handlers/crypto-work.test.ts",
  // Load the signing core afresh with getBuiltinModule hidden (test/oauth1/hmac-paths.ts).
  "test/oauth1/internals.test.ts",
  "test/oauth1/perf-memory.test.ts",
  "test/oauth1/perf-paths.test.ts",
  // Load the client with redaction mocked out, to show each leak the redaction stops.
  "test/oauth2/no-secret-leaks.test.ts",
  "test/twitter/no-secret-leaks.test.ts",
  // Loads the seal afresh with getBuiltinModule hidden (test/handlers/webcrypto-load.ts).
  "test/twitter/seal-paths.test.ts",
];
