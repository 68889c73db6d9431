// Runs the conformance suite in workerd (the Cloudflare Workers runtime, from the npm `workerd`
// package): bundles test/runtimes/workerd-worker.js with esbuild for the browser platform, writes a
// workerd config that serves it on a free loopback port, fetches the result from Node, kills
// workerd, prints the failures and "N passed, M failed". Usage: node test/runtimes/workerd.js
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { freePort } from "./ports.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const workerd = join(root, "node_modules/.bin/workerd");
const work = join(root, ".tmp/runtimes/workerd");
const HINT = 'workerd comes from the "workerd" devDependency: run "npm ci" at the repository root.';

function fail(message) {
  console.log(`workerd: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

if (!existsSync(workerd)) fail(`node_modules/.bin/workerd is missing. ${HINT}`);
let version;
try {
  version = execFileSync(workerd, ["--version"], { encoding: "utf8" }).trim();
} catch (error) {
  fail(`"workerd --version" failed (${error.message}). ${HINT}`);
}
const npmVersion = JSON.parse(readFileSync(join(root, "node_modules/workerd/package.json"), "utf8")).version;
console.log(`runtime: ${version} (npm workerd ${npmVersion})`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
await build({
  entryPoints: [join(root, "test/runtimes/workerd-worker.js")],
  outfile: join(work, "worker.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
});

function config(port) {
  // No compatibility flags: in particular no nodejs_compat, so the suite sees only web globals.
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "conformance", worker = .conformanceWorker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "conformance")],
);

const conformanceWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
);
`;
}

let stop = () => {};
process.on("exit", () => stop());
process.on("SIGTERM", () => process.exit(143)); // the driver's time limit: still stop workerd

/** Starts workerd on `port`, asks the worker for the result, stops workerd. */
async function serveOnce(port) {
  writeFileSync(join(work, "config.capnp"), config(port));
  const child = spawn(workerd, ["serve", join(work, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let logs = "";
  let exited = false;
  child.stdout.on("data", (chunk) => (logs += chunk));
  child.stderr.on("data", (chunk) => (logs += chunk));
  child.on("exit", (code, signal) => {
    exited = true;
    logs += `\n[workerd exited: ${code ?? signal}]`;
  });
  stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, "SIGTERM"); // its process group: workerd and anything it started
    } catch {
      child.kill("SIGTERM");
    }
  };
  try {
    const deadline = Date.now() + 60_000;
    let response;
    while (!response) {
      if (exited) {
        const error = new Error(`workerd stopped before serving:\n${logs}`);
        error.portTaken = /address already in use|EADDRINUSE/i.test(logs);
        throw error;
      }
      if (Date.now() > deadline) throw new Error(`workerd did not listen on 127.0.0.1:${port} within 60 s:\n${logs}`);
      try {
        response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(300_000) });
      } catch (error) {
        if (error.name === "TimeoutError") throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 2000)}\n${logs}`);
    return JSON.parse(text);
  } finally {
    stop();
  }
}

let result;
for (let attempt = 1; result === undefined; attempt++) {
  try {
    // The port is free when asked for, but another process may take it before workerd binds it.
    result = await serveOnce(await freePort());
  } catch (error) {
    if (!(error.portTaken && attempt < 3)) fail(error.message);
  }
}
if (!Array.isArray(result.nodeGlobals) || result.nodeGlobals.length > 0) {
  result.failed++;
  result.failures.push({ name: "workerd isolate has no Node globals", error: `found: ${result.nodeGlobals}` });
}
for (const failure of result.failures) console.log(`FAIL ${failure.name}\n     ${failure.error}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
