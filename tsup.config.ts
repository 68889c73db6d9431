import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      testing: "src/testing/index.ts",
      handlers: "src/handlers/index.ts",
      passport: "src/passport/index.ts",
      oauth2: "src/oauth2/index.ts",
      node: "src/node/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    // The command below writes dist/cli.js at the same time: keep it when cleaning.
    clean: ["!cli.js"],
    target: "es2022",
    platform: "neutral",
    // Shared chunks, in both formats: each class and function exists once per format, so
    // `instanceof TwitterOAuthError` holds for an error thrown by any entry point, and a bundle that
    // imports two entry points carries one copy of the client.
    splitting: true,
    sourcemap: false,
    treeshake: true,
    minify: false,
  },
  {
    // `twitter-oauth1 fake-x` (package.json "bin"): Node-only, self-contained, no types.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    platform: "node",
    splitting: false,
    sourcemap: false,
    treeshake: true,
    minify: false,
    banner: { js: "#!/usr/bin/env node" },
    // Keep "node:http": Deno resolves Node built-ins only with the prefix.
    removeNodeProtocol: false,
  },
]);
