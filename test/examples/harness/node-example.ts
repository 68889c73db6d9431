// Node examples are TypeScript, as users write them; Node 20 cannot run .ts, so esbuild strips the
// types first (packages left as imports, resolved from the example's own node_modules, linked
// beside the output: `twitter-oauth1` is its link to this repository's build, express or hono what
// its lockfile installed) and the system node runs it.
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { examples, scratch } from "./paths.js";

/** Compiles examples/<name>/<entry> to .tmp/examples/<name>/<entry>.mjs and returns that path. */
export async function compileNodeExample(name: string, entry: string): Promise<string> {
  const outfile = join(scratch, name, entry.replace(/\.ts$/, ".mjs"));
  await build({
    entryPoints: [join(examples, name, entry)],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  const modules = join(scratch, name, "node_modules");
  mkdirSync(join(scratch, name), { recursive: true });
  if (!existsSync(modules)) symlinkSync(join(examples, name, "node_modules"), modules, "dir");
  return outfile;
}
