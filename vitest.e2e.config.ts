import { defineConfig } from "vitest/config";

// The demo in real browsers: Debian's Chromium, Firefox ESR and WebKitGTK, launched by test/support.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
