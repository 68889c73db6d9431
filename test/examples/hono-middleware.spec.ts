// examples/hono-middleware: the middleware in a Hono app served by @hono/node-server, run by this
// machine's node (20) after esbuild strips the types, and by Node 24 straight from server.ts.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { examples, node24 } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { webExampleChecks } from "./harness/web-example.js";

const folder = join(examples, "hono-middleware");

describe.each(["oauth1", "oauth2"] as const)(
  "examples/hono-middleware over %s (Node 20, types stripped by esbuild)",
  (protocol) => {
    webExampleChecks({
      protocol,
      start: async (env, port) =>
        processExample(process.execPath, [await compileNodeExample("hono-middleware", "server.ts")], {
          cwd: folder,
          env,
          port,
        }),
    });
  },
);

describe.skipIf(!existsSync(node24))(
  "examples/hono-middleware (Node 24: node server.ts; skipped only if Node 24 could not be installed)",
  () => {
    webExampleChecks({
      start: async (env, port) => processExample(node24, ["server.ts"], { cwd: folder, env, port }),
    });
  },
);
