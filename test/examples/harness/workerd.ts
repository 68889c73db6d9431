// A Worker example run in workerd (the Cloudflare Workers runtime, from the npm `workerd` package) by
// the launcher the conformance runner and the benchmark share (test/support/workerd.js): bundled,
// served on the given loopback port with its settings as text bindings, and an outbound network that
// may reach loopback, where the fake X listens. Its entry and compatibility date come from the
// example's wrangler.jsonc, read with jsonc-parser as wrangler reads it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type ParseError } from "jsonc-parser";
import { startWorkerd } from "../../support/workerd.js";
import { scratch } from "./paths.js";
import type { StartedExample } from "./web-example.js";

export function startWorker(folder: string, port: number, bindings: Record<string, string>): Promise<StartedExample> {
  const errors: ParseError[] = [];
  const wrangler = parse(readFileSync(join(folder, "wrangler.jsonc"), "utf8"), errors) as {
    main: string;
    compatibility_date: string;
  };
  if (errors.length > 0) throw new Error(`${folder}/wrangler.jsonc does not parse: ${JSON.stringify(errors)}`);
  return startWorkerd({
    entry: join(folder, wrangler.main),
    work: join(scratch, `worker-${port}`),
    esbuild: { conditions: ["workerd", "worker", "browser"] },
    compatibilityDate: wrangler.compatibility_date, // no compatibility flags: no nodejs_compat, web globals only
    bindings,
    services: [{ name: "internet", network: ["public", "private", "local"] }],
    globalOutbound: "internet",
    port,
    verbose: true,
  }).then((worker) => ({ origin: worker.url, ready: async () => {}, output: worker.output, stop: worker.stop }));
}
