// examples/node-http: run by this machine's node (20) after esbuild strips the types, and by Node 24
// straight from server.ts ("node server.ts", as its README says).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { examples, node24 } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { webExampleChecks } from "./harness/web-example.js";

const folder = join(examples, "node-http");

describe.each(["oauth1", "oauth2"] as const)(
  "examples/node-http over %s (Node 20, types stripped by esbuild)",
  (protocol) => {
    webExampleChecks({
      protocol,
      start: async (env, port) =>
        processExample(process.execPath, [await compileNodeExample("node-http", "server.ts")], {
          cwd: folder,
          env,
          port,
        }),
    });
  },
);

describe.skipIf(!existsSync(node24))(
  "examples/node-http (Node 24: node server.ts; skipped only if Node 24 could not be installed)",
  () => {
    webExampleChecks({
      start: async (env, port) => processExample(node24, ["server.ts"], { cwd: folder, env, port }),
    });
  },
);
