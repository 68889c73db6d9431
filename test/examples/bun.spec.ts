// examples/bun: Bun.serve, run in place by the bun devDependency (twitter-oauth1 resolves to this
// repository's build through node_modules, as after `npm install` in a copy of the folder).
import { join } from "node:path";
import { describe } from "vitest";
import { bin, examples } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/bun", () => {
  for (const protocol of ["oauth1", "oauth2"] as const) {
    describe(protocol, () => {
      webExampleChecks({
        protocol,
        start: async (env, port) =>
          processExample(bin("bun"), ["server.ts"], { cwd: join(examples, "bun"), env, port }),
      });
    });
  }
});
