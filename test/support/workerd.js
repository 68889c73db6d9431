// Runs a Worker in workerd (the Cloudflare Workers runtime, from the npm `workerd` package) on
// loopback: bundles the entry with esbuild for the browser platform, writes a workerd config that
// serves it (text and service bindings, extra services such as an external clock or an `internet`
// network), starts workerd in its own process group on a free port and waits until it listens
// there. No compatibility flags unless the caller passes some: in particular no nodejs_compat, so
// the Worker sees only web globals, as in Cloudflare Workers.
// Shared by the conformance runner (test/runtimes/workerd.js), the benchmark's workerd leg
// (bench/workerd.js) and the examples' harness (test/examples/harness/workerd.ts).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { freePort } from "../runtimes/ports.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const WORKERD_PATH = join(root, "node_modules/.bin/workerd");

export const WORKERD_INSTALL_HINT =
  'workerd comes from the "workerd" devDependency: run "npm ci" at the repository root.';

/** `workerd --version`, trimmed; throws with the install hint when workerd is missing or broken. */
export function workerdVersion() {
  if (!existsSync(WORKERD_PATH)) throw new Error(`node_modules/.bin/workerd is missing. ${WORKERD_INSTALL_HINT}`);
  try {
    return execFileSync(WORKERD_PATH, ["--version"], { encoding: "utf8" }).trim();
  } catch (error) {
    throw new Error(`"workerd --version" failed (${error.message}). ${WORKERD_INSTALL_HINT}`);
  }
}

const running = new Set();
// A crashed or exiting caller must not leave workerd behind.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGTERM");
});

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // its process group: workerd and anything it started
  } catch {
    child.kill(signal);
  }
}

const text = (value) => JSON.stringify(value);

function binding(name, value) {
  return typeof value === "string"
    ? `(name = ${text(name)}, text = ${text(value)})`
    : `(name = ${text(name)}, service = ${text(value.service)})`;
}

function service(extra) {
  if (extra.external) return `(name = ${text(extra.name)}, external = (address = ${text(extra.external)}, http = ()))`;
  if (extra.network) return `(name = ${text(extra.name)}, network = (allow = [${extra.network.map(text).join(", ")}]))`;
  throw new Error(`workerd service ${extra.name}: give "external" (an address) or "network" (what it may reach)`);
}

function config({ name, port, compatibilityDate, compatibilityFlags, bindings, services, globalOutbound }) {
  const worker = [
    `modules = [(name = "worker.js", esModule = embed "worker.js")]`,
    `compatibilityDate = ${text(compatibilityDate)}`,
    compatibilityFlags?.length && `compatibilityFlags = [${compatibilityFlags.map(text).join(", ")}]`,
    Object.keys(bindings).length &&
      `bindings = [\n    ${Object.entries(bindings)
        .map(([key, value]) => binding(key, value))
        .join(",\n    ")}\n  ]`,
    globalOutbound && `globalOutbound = ${text(globalOutbound)}`,
  ].filter(Boolean);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    ${[`(name = ${text(name)}, worker = .worker)`, ...services.map(service)].join(",\n    ")}
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = ${text(name)})],
);

const worker :Workerd.Worker = (
  ${worker.join(",\n  ")},
);
`;
}

function serve(work, port, options) {
  writeFileSync(join(work, "config.capnp"), config({ ...options, port }));
  // workerd reports on the control descriptor (fd 3) when a socket listens: then it is workerd
  // that holds the port, not whoever may have taken it since freePort() asked.
  const args = ["serve", "--control-fd=3", ...(options.verbose ? ["--verbose"] : []), join(work, "config.capnp")];
  const child = spawn(WORKERD_PATH, args, {
    cwd: work,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let logs = "";
  let control = "";
  let listening = false;
  child.stdout.on("data", (chunk) => (logs += chunk));
  child.stderr.on("data", (chunk) => (logs += chunk));
  child.stdio[3].on("data", (chunk) => {
    control += chunk;
    listening ||= control
      .split("\n")
      .some((line) => /"event"\s*:\s*"listen"/.test(line) && /"socket"\s*:\s*"http"/.test(line));
  });
  const exited = new Promise((resolvePromise) => {
    child.on("error", (error) => {
      logs += `\n[could not start workerd: ${error.message}. ${WORKERD_INSTALL_HINT}]`;
      running.delete(child);
      resolvePromise();
    });
    child.on("exit", (code, signal) => {
      logs += `\n[workerd exited: ${code ?? signal}]`;
      running.delete(child);
      resolvePromise();
    });
  });
  let gone = false;
  exited.then(() => (gone = true));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => logs,
    gone: () => gone,
    listening: () => listening,
    /** Stops workerd's process group (SIGKILL after 5 s) and resolves once workerd has exited. */
    async stop() {
      if (gone) return;
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      timer.unref();
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilServing(worker, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (worker.gone()) {
      const error = new Error(`workerd stopped before serving:\n${worker.output()}`);
      error.portTaken = /address already in use|EADDRINUSE/i.test(worker.output());
      throw error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `workerd did not listen on 127.0.0.1:${worker.port} within ${timeoutMs / 1000} s:\n${worker.output()}`,
      );
    if (worker.listening()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Bundles `entry` into `work` (emptied first), serves it with workerd on 127.0.0.1 and resolves
 * once workerd listens; see workerd.d.ts for the options.
 */
export async function startWorkerd(options) {
  const { entry, work, esbuild = {}, port, timeoutMs = 60_000 } = options;
  if (!options.compatibilityDate) throw new Error("startWorkerd: compatibilityDate is required");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(work, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
    ...esbuild,
  });
  const settings = {
    ...options,
    name: options.name ?? "main",
    bindings: options.bindings ?? {},
    services: options.services ?? [],
  };
  for (let attempt = 1; ; attempt++) {
    // A free port when asked for, but another process may take it before workerd binds it: retry
    // with a new one (only when the caller left the port to us).
    const worker = serve(work, port ?? (await freePort()), settings);
    try {
      await waitUntilServing(worker, timeoutMs);
      const { gone, listening, ...started } = worker;
      return started;
    } catch (error) {
      await worker.stop();
      if (!(error.portTaken && port === undefined && attempt < 3)) throw error;
    }
  }
}
