// Runs a Worker in workerd (the Cloudflare Workers runtime, from the npm `workerd` package) the way
// test/runtimes/workerd.js runs the conformance suite: bundle with esbuild for workerd, write a
// config that serves it on a loopback port with the given text bindings, start workerd. Outbound
// fetches go through a network service that may reach loopback, where the fake X listens.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { bin, scratch } from "./paths.js";
import { start, type Started } from "./processes.js";

export interface WorkerSettings {
  /** The entry module (wrangler's `main`). */
  entry: string;
  /** wrangler's `compatibility_date`. */
  compatibilityDate: string;
}

/** Reads `main` and `compatibility_date` from a wrangler.jsonc (whole-line // comments only). */
export function readWranglerConfig(folder: string): WorkerSettings {
  const text = readFileSync(join(folder, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, "");
  const config = JSON.parse(text) as { main: string; compatibility_date: string };
  return { entry: join(folder, config.main), compatibilityDate: config.compatibility_date };
}

export async function startWorker(name: string, settings: WorkerSettings, port: number, bindings: Record<string, string>): Promise<Started> {
  const work = join(scratch, name);
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: [settings.entry],
    outfile: join(work, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    logLevel: "warning",
  });
  const text = Object.entries(bindings)
    .map(([key, value]) => `(name = ${JSON.stringify(key)}, text = ${JSON.stringify(value)})`)
    .join(",\n    ");
  // No compatibility flags: in particular no nodejs_compat, so the Worker sees only web globals.
  writeFileSync(
    join(work, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${settings.compatibilityDate}",
  bindings = [
    ${text}
  ],
  globalOutbound = "internet",
);
`,
  );
  return start(bin("workerd"), ["serve", "--verbose", join(work, "config.capnp")], { cwd: work, env: {} });
}
