// examples/hono-workers: Hono on Cloudflare Workers, bundled and run in workerd, with the settings
// as text bindings (what wrangler.jsonc vars and `wrangler secret put` become).
import { join } from "node:path";
import { describe } from "vitest";
import { examples } from "./harness/paths.js";
import { webExampleChecks } from "./harness/web-example.js";
import { startWorker } from "./harness/workerd.js";

describe("examples/hono-workers (workerd)", () => {
  for (const protocol of ["oauth1", "oauth2"] as const) {
    describe(protocol, () => {
      webExampleChecks({
        protocol,
        start: (env, port) => startWorker(join(examples, "hono-workers"), port, env),
        missingSecret: "fails-first-request",
      });
    });
  }
});
