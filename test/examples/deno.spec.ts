// examples/deno: Deno.serve, run by the deno devDependency with the command of its `deno task start`
// (the permissions it asks for, no more), resolving twitter-oauth1 from node_modules as after
// `npm install` in a copy of the folder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, examples } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { webExampleChecks } from "./harness/web-example.js";

const folder = join(examples, "deno");
const task = (JSON.parse(readFileSync(join(folder, "deno.json"), "utf8")) as { tasks: { start: string } }).tasks.start;

describe("examples/deno", () => {
  it("`deno task start` runs main.ts with network and environment access only", () => {
    expect(task).toBe("deno run --allow-net --allow-env main.ts");
  });

  for (const protocol of ["oauth1", "oauth2"] as const) {
    describe(protocol, () => {
      webExampleChecks({
        protocol,
        start: async (env, port) => {
          const [, run, ...args] = task.split(" ");
          return processExample(bin("deno"), [run!, "--no-prompt", ...args], { cwd: folder, env, port });
        },
      });
    });
  }
});
