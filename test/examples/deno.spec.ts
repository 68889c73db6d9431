// examples/deno: Deno.serve, run by the deno devDependency with the command of its `deno task start`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consumerFolder } from "./harness/consumer.js";
import { bin, examples, root } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

const denoJson = JSON.parse(readFileSync(join(examples, "deno/deno.json"), "utf8")) as {
  imports: Record<string, string>;
  tasks: { start: string };
};
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

describe("examples/deno", () => {
  it("deno.json maps the bare name to this version of the npm package, and `deno task start` runs main.ts", () => {
    expect(denoJson.imports["twitter-oauth1"]).toBe(`npm:twitter-oauth1@^${version}`);
    expect(denoJson.tasks.start).toMatch(/^deno run( --allow-[a-z]+)+ main\.ts$/);
  });

  webExampleChecks(async (env) => {
    // deno.json maps twitter-oauth1 to npm:, which is not published from here: run main.ts in a
    // folder where the package is installed in node_modules instead, as `npm i` would leave it,
    // with the permissions of the example's own start task (no more).
    const cwd = consumerFolder(`deno-${env.PORT}`, ["deno/main.ts"]);
    const [, ...args] = denoJson.tasks.start.split(" ");
    const server = start(bin("deno"), [args[0]!, "--no-prompt", ...args.slice(1)], { cwd, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
