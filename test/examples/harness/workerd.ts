// Runs a Worker in workerd (the Cloudflare Workers runtime, from the npm `workerd` package) with
// test/support/workerd.js, as test/runtimes/workerd.js runs the conformance suite: bundled for
// workerd, served on the given loopback port with the given text bindings. Outbound fetches go
// through a network service that may reach loopback, where the fake X listens.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startWorkerd } from "../../support/workerd.js";
import { scratch } from "./paths.js";
import type { Started } from "./processes.js";

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

export function startWorker(
  name: string,
  settings: WorkerSettings,
  port: number,
  bindings: Record<string, string>,
): Promise<Started> {
  // No compatibility flags: in particular no nodejs_compat, so the Worker sees only web globals.
  return startWorkerd({
    entry: settings.entry,
    work: join(scratch, name),
    esbuild: { conditions: ["workerd", "worker", "browser"] },
    compatibilityDate: settings.compatibilityDate,
    bindings,
    services: [{ name: "internet", network: ["public", "private", "local"] }],
    globalOutbound: "internet",
    port,
    verbose: true,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1" },
  });
}
