// Runs the conformance suite in workerd (the Cloudflare Workers runtime, from the npm `workerd`
// package): test/support/workerd.js bundles test/runtimes/workerd-worker.js and serves it on a free
// loopback port; this fetches the result from Node, stops workerd, prints the failures and
// "N passed, M failed". Usage: node test/runtimes/workerd.js
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startWorkerd, workerdVersion } from "../support/workerd.js";
import { RUNTIMES_MODULES } from "./runtime-bins.js";
import { entryPointsPlugin } from "./entry-points-plugin.js";
import { fail, finish } from "./finish.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

let version;
try {
  version = workerdVersion();
} catch (error) {
  fail("workerd", error.message);
}
const npmVersion = JSON.parse(readFileSync(join(RUNTIMES_MODULES, "workerd/package.json"), "utf8")).version;
console.log(`runtime: ${version} (npm workerd ${npmVersion})`);
console.log(`version: ${version.replace(/^workerd\s+/, "")}`);
console.log(`via: npm workerd ${npmVersion}`);

process.on("SIGTERM", () => process.exit(143)); // the driver's time limit: exiting still stops workerd

/** Starts workerd, asks the worker for the result, stops workerd. */
async function runSuite() {
  // No compatibility flags: in particular no nodejs_compat, so the suite sees only web globals.
  const worker = await startWorkerd({
    entry: join(root, "test/runtimes/workerd-worker.js"),
    work: join(root, ".tmp/runtimes/workerd"),
    name: "conformance",
    esbuild: { plugins: [entryPointsPlugin(root)] },
    compatibilityDate: "2025-09-01",
  });
  try {
    const response = await fetch(`${worker.url}/`, { signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`the worker answered ${response.status}: ${text.slice(0, 2000)}\n${worker.output()}`);
    return JSON.parse(text);
  } finally {
    await worker.stop();
  }
}

let result;
try {
  result = await runSuite();
} catch (error) {
  fail("workerd", error.message);
}
finish(result, "the workerd isolate");
