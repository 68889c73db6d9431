// examples/node-http: node:http, no framework, run by this machine's node.
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { root } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/node-http", () => {
  webExampleChecks(async (env) => {
    const server = start(process.execPath, [await compileNodeExample("node-http", "server.ts")], { cwd: root, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
