// The workerd leg: bundles bench/workerd-worker.js (with the built package) for the browser
// platform, serves it with workerd on loopback next to a clock service in this process, fetches
// the result and stops workerd. No compatibility flags: no nodejs_compat, so the package takes
// its WebCrypto path exactly as in Cloudflare Workers. Usage: node bench/workerd.js
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { freePort } from "../test/runtimes/ports.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const workerd = join(root, "node_modules/.bin/workerd");
const work = join(root, ".tmp/bench/workerd");

export async function runWorkerd() {
  const version = execFileSync(workerd, ["--version"], { encoding: "utf8" }).trim();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: [join(root, "bench/workerd-worker.js")],
    outfile: join(work, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
  const clock = createServer((_req, res) => res.end(String(performance.now())));
  await new Promise((resolve) => clock.listen(0, "127.0.0.1", resolve));
  const clockPort = clock.address().port;
  const port = await freePort();
  writeFileSync(
    join(work, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "bench", worker = .benchWorker),
    (name = "clock", external = (address = "127.0.0.1:${clockPort}", http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "bench")],
);
const benchWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  bindings = [(name = "CLOCK", service = "clock")],
  compatibilityDate = "2025-09-01",
);
`,
  );
  const child = spawn(workerd, ["serve", join(work, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let logs = "";
  let exited = false;
  child.stdout.on("data", (c) => (logs += c));
  child.stderr.on("data", (c) => (logs += c));
  child.on("exit", () => (exited = true));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`workerd stopped:\n${logs}`);
      if (Date.now() > deadline) throw new Error(`workerd did not listen within 60 s:\n${logs}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(600_000) });
        const text = await response.text();
        if (response.status !== 200) throw Object.assign(new Error(`the worker answered ${response.status}: ${text}\n${logs}`), { final: true });
        return { runtime: `${version} (npm workerd)`, ...JSON.parse(text) };
      } catch (error) {
        if (error.final || error.name === "TimeoutError") throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    if (!exited) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
    clock.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runWorkerd()));
}
