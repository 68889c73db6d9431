// examples/express: run by this machine's node (20) after esbuild strips the types, and by Node 24
// straight from server.ts ("node server.ts", as its README says).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { examples, node24, root } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/express (Node 20, types stripped by esbuild)", () => {
  webExampleChecks(async (env) => {
    const server = start(process.execPath, [await compileNodeExample("express", "server.ts")], { cwd: root, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});

describe.skipIf(!existsSync(node24))(
  "examples/express (Node 24: node server.ts; skipped only if Node 24 could not be installed)",
  () => {
    webExampleChecks(async (env) => {
      const server = start(node24, ["server.ts"], { cwd: join(examples, "express"), env });
      await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
      return server;
    });
  },
);
