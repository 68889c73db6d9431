// examples/bun: Bun.serve, run in place by the bun devDependency (the import of twitter-oauth1
// resolves to this repository's build through the package's self-reference, as in Node).
import { join } from "node:path";
import { describe } from "vitest";
import { bin, examples } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/bun", () => {
  webExampleChecks(async (env) => {
    const server = start(bin("bun"), ["server.ts"], { cwd: join(examples, "bun"), env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
