// examples/express: Express 5, run by this machine's node.
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { root } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/express", () => {
  webExampleChecks(async (env) => {
    const server = start(process.execPath, [await compileNodeExample("express", "server.ts")], { cwd: root, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
