// examples/deno: Deno.serve, run by the deno devDependency with the command of its `deno task start`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, examples } from "./harness/paths.js";
import { start, waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";

const denoJson = JSON.parse(readFileSync(join(examples, "deno/deno.json"), "utf8")) as {
  imports: Record<string, string>;
  unstable?: string[];
  tasks: { start: string };
};

describe("examples/deno", () => {
  it("deno.json maps the bare name to this repository's source, so a clone runs it; `deno task start` runs main.ts", () => {
    expect(denoJson.imports["twitter-oauth1"]).toBe("../../src/index.ts");
    expect(denoJson.unstable).toEqual(["sloppy-imports"]);
    expect(denoJson.tasks.start).toMatch(/^deno run( --allow-[a-z]+)+ main\.ts$/);
  });

  webExampleChecks(async (env) => {
    // Run where a clone has it, with its own deno.json and the permissions of its start task (no more).
    const cwd = join(examples, "deno");
    const [, ...args] = denoJson.tasks.start.split(" ");
    const server = start(bin("deno"), [args[0]!, "--no-prompt", ...args.slice(1)], { cwd, env });
    await waitForHttp(server, `http://127.0.0.1:${env.PORT}/`);
    return server;
  });
});
