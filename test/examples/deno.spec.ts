// examples/deno: Deno.serve, run by the deno devDependency with the permissions its README gives.
import { describe } from "vitest";
import { consumerFolder } from "./harness/consumer.js";
import { bin } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

describe("examples/deno", () => {
  webExampleChecks(async (env) => {
    // deno.json maps twitter-oauth1 to npm:, which is not published from here: run main.ts in a
    // folder where the package is installed in node_modules instead, as `npm i` would leave it.
    const cwd = consumerFolder("deno", ["deno/main.ts"]);
    const server = start(bin("deno"), ["run", "--no-prompt", "--allow-net", "--allow-env", "main.ts"], { cwd, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
