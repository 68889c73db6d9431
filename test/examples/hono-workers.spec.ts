// examples/hono-workers: Hono on Cloudflare Workers, bundled and run in workerd, with the settings
// as text bindings (what wrangler.jsonc vars and `wrangler secret put` become).
import { join } from "node:path";
import { describe } from "vitest";
import { examples } from "./harness/paths.js";
import { waitForHttp } from "./harness/processes.js";
import { webExampleChecks } from "./harness/web-example.js";
import { readWranglerConfig, startWorker } from "./harness/workerd.js";

describe("examples/hono-workers (workerd)", () => {
  webExampleChecks(async ({ PORT, ...bindings }) => {
    // The entry and compatibility date come from the example's wrangler.jsonc, as wrangler would read them.
    const settings = readWranglerConfig(join(examples, "hono-workers"));
    const worker = await startWorker(`hono-workers-${PORT}`, settings, Number(PORT), bindings);
    await waitForHttp(worker, `http://127.0.0.1:${PORT}/`);
    return worker;
  });
});
