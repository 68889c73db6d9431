// Runs a Worker in workerd (the Cloudflare Workers runtime, from the npm `workerd` package) on
// loopback: bundles the entry with esbuild for the browser platform, writes a workerd config that
// serves it (text and service bindings, extra services such as an external clock or an `internet`
// network), starts workerd in its own process group on a free port and waits until it listens
// there. No compatibility flags unless the caller passes some: in particular no nodejs_compat, so
// the Worker sees only web globals, as in Cloudflare Workers.
// Shared by the conformance runner (test/runtimes/workerd.js), the benchmark's workerd leg
// (bench/workerd.js) and the examples' harness (test/examples/harness/workerd.ts).
// Written here, not Miniflare (which writes such a config and starts workerd itself): Miniflare
// pins a workerd of its own, a second one beside the release the README's table reports, asks for
// a newer Node than the Node 20 this runs on, and brings sharp. `workerd test` would still need this
// config, and the examples and the benchmark need a Worker that serves.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import getPort from "get-port";
import { RUNTIMES_HINT, runtimeBin } from "../runtimes/runtime-bins.js";
import { start } from "./processes.js";

export const WORKERD_PATH = runtimeBin("workerd");

export const WORKERD_INSTALL_HINT = `workerd comes from the sub-package test/runtimes: ${RUNTIMES_HINT}.`;

/** `workerd --version`, trimmed; throws with the install hint when workerd is missing or broken. */
export function workerdVersion() {
  if (!existsSync(WORKERD_PATH)) throw new Error(`${WORKERD_PATH} is missing. ${WORKERD_INSTALL_HINT}`);
  try {
    return execFileSync(WORKERD_PATH, ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
  } catch (error) {
    throw new Error(`"workerd --version" failed (${error.message}). ${WORKERD_INSTALL_HINT}`);
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
  // that holds the port, not whoever may have taken it since get-port found it free. Its own
  // process group: node_modules/.bin/workerd is a launcher that starts the binary.
  const args = ["serve", "--control-fd=3", ...(options.verbose ? ["--verbose"] : []), join(work, "config.capnp")];
  const child = start(WORKERD_PATH, args, {
    cwd: work,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    group: true,
  });
  let control = "";
  child.process.stdio[3]?.on("data", (chunk) => (control += chunk));
  const listening = () =>
    control.split("\n").some((line) => /"event"\s*:\s*"listen"/.test(line) && /"socket"\s*:\s*"http"/.test(line)) ||
    undefined;
  return { url: `http://127.0.0.1:${port}`, port, child, listening };
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
    const {
      url,
      port: chosen,
      child,
      listening,
    } = serve(work, port ?? (await getPort({ host: "127.0.0.1" })), settings);
    const stop = async () => {
      await child.stop();
    };
    try {
      await child.waitFor(listening, timeoutMs);
      return { url, port: chosen, output: child.output, stop };
    } catch (error) {
      await stop();
      const portTaken = /address already in use|EADDRINUSE/i.test(child.output());
      if (!(portTaken && port === undefined && attempt < 3))
        throw new Error(`workerd did not serve on ${url}: ${error.message}\n${WORKERD_INSTALL_HINT}`);
    }
  }
}
