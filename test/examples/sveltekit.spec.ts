// examples/sveltekit: type-checked the way SvelteKit projects are (svelte-kit sync, then tsc), built
// with `vite build` (adapter-node), and the built server run by Node as `node build`, so the hook's
// init and handle run in SvelteKit's own server against the fake X.
import { join } from "node:path";
import { x } from "tinyexec";
import { beforeAll, describe, expect, it } from "vitest";
import { examples, exampleBin } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { webExampleChecks } from "./harness/web-example.js";

const folder = join(examples, "sveltekit");

async function step(command: string, args: string[]): Promise<string> {
  // Bounded: a stuck build is killed before the hook gives up on it.
  const result = await x(exampleBin("sveltekit", command), args, {
    throwOnError: false,
    timeout: 110_000,
    nodeOptions: { cwd: folder },
  });
  return result.exitCode === 0
    ? ""
    : `${command} ${args.join(" ")} exited ${result.exitCode}:\n${result.stdout}${result.stderr}`;
}

describe("examples/sveltekit (vite build, then node build)", () => {
  let built = "";

  beforeAll(async () => {
    built = (await step("svelte-kit", ["sync"])) || (await step("vite", ["build", "--logLevel", "warn"]));
  }, 120_000);

  it("svelte-kit sync && tsc -p examples/sveltekit (its npm run check) passes, and vite build succeeds", async () => {
    expect(built).toBe("");
    expect(await step("tsc", ["-p", "tsconfig.json"])).toBe("");
  });

  for (const protocol of ["oauth1", "oauth2"] as const) {
    describe(protocol, () => {
      webExampleChecks({
        protocol,
        // adapter-node's server reads HOST and PORT, and says where it listens.
        start: async (env, port) =>
          processExample(process.execPath, ["build"], {
            cwd: folder,
            env: { ...env, HOST: "127.0.0.1" },
            port,
            ready: new RegExp(`Listening on http://127\\.0\\.0\\.1:${port}`),
          }),
      });
    });
  }
});
