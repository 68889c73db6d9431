// Every example type-checks against the built package (dist/*.d.ts), with the tsconfig.json it
// ships to users: a renamed export or a changed signature fails here before a user copies it.
// Deno's example is checked by `deno check`, with Deno's own types.
import { execFile } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { consumerFolder } from "./harness/consumer.js";
import { bin, examples } from "./harness/paths.js";

const run = promisify(execFile);

async function check(command: string, args: string[], cwd: string): Promise<string> {
  try {
    await run(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 16 * 1024 * 1024 });
    return "";
  } catch (error) {
    const { stdout = "", stderr = "", message } = error as { stdout?: string; stderr?: string; message: string };
    return `${stdout}${stderr}` || message;
  }
}

// Every example folder with a tsconfig.json (the demo belongs to another suite; it is checked too
// when it has one, since it is published code as well). SvelteKit's tsconfig extends what
// `svelte-kit sync` generates: sveltekit.spec.ts checks it after the sync.
const withTsconfig = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, "tsconfig.json")))
  .map((entry) => entry.name)
  .filter((name) => name !== "sveltekit");

describe("examples type-check", () => {
  it("covers every example examples/README.md lists", () => {
    for (const name of ["node-http", "express", "hono-workers", "hono-middleware", "bun", "nextjs", "cli-pin"])
      expect(withTsconfig).toContain(name);
  });

  it.each(withTsconfig)("tsc -p examples/%s/tsconfig.json", async (name) => {
    expect(await check(bin("tsc"), ["-p", join(examples, name, "tsconfig.json"), "--noEmit"], examples)).toBe("");
  });

  // In a scratch folder with the package copied into node_modules, as npm installs a published
  // version: through the workspace link Deno would see dist/ as local files, whose .d.ts it does not
  // pair with the .js imports.
  it("deno check examples/deno/main.ts (the package installed in node_modules)", async () => {
    const folder = consumerFolder("deno-check", ["deno/main.ts"]);
    expect(await check(bin("deno"), ["check", "main.ts"], folder)).toBe("");
  });
});
