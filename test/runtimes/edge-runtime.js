// Runs the conformance suite in Vercel's Edge Runtime (npm `edge-runtime`, the runtime of Vercel
// and Next.js edge functions, on Node's vm with web primitives and no code generation from
// strings): bundles edge-entry.js as an IIFE with esbuild, evaluates it in a fresh EdgeRuntime,
// awaits the result, prints the failures and "N passed, M failed". Usage: node test/runtimes/edge-runtime.js
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bounded } from "../support/bounded.js";
import { entryPointsPlugin } from "./entry-points-plugin.js";
import { fail, finish } from "./finish.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SUITE_MS = 60_000;
const HINT = 'edge-runtime comes from the sub-package test/runtimes: run "npm ci --prefix test/runtimes"';

let EdgeRuntime;
try {
  ({ EdgeRuntime } = await import("edge-runtime"));
} catch (error) {
  fail("edge-runtime", `edge-runtime cannot be loaded (${error.message}); ${HINT}.`);
}
const require = createRequire(import.meta.url);
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
console.log(
  `runtime: Edge Runtime (npm edge-runtime ${version("edge-runtime")}, @edge-runtime/vm ${version("@edge-runtime/vm")})`,
);
console.log(`version: ${version("edge-runtime")}`);
console.log(`via: @edge-runtime/vm ${version("@edge-runtime/vm")}`);

let result;
try {
  const bundle = await build({
    entryPoints: [join(root, "test/runtimes/edge-entry.js")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
    plugins: [entryPointsPlugin(root)],
  });
  const runtime = new EdgeRuntime({ initialCode: bundle.outputFiles[0].text });
  const json = await bounded(runtime.evaluate("globalThis.__conformance"), SUITE_MS, "the suite in the Edge Runtime");
  result = JSON.parse(json);
} catch (error) {
  fail("edge-runtime", error.stack ?? error.message);
}
finish(result, "the Edge Runtime");
