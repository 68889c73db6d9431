// Node examples are TypeScript, as users write them; Node 20 cannot run .ts, so esbuild strips the
// types first (packages left as imports: `twitter-oauth1` then resolves to this repository's build
// through the package's self-reference, express from node_modules) and the system node runs it.
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
  return outfile;
}
