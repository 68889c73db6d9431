// The workerd leg: test/support/workerd.js bundles bench/workerd-worker.js (with the built package)
// and serves it with workerd on loopback next to a clock service in this process; this fetches the
// result and stops workerd. No compatibility flags: no nodejs_compat, so the package takes its
// WebCrypto path exactly as in Cloudflare Workers. Usage: node bench/workerd.js
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { listen } from "../test/support/http.js";
import { startWorkerd, workerdVersion } from "../test/support/workerd.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function runWorkerd() {
  const version = workerdVersion();
  const clock = await listen((_req, res) => res.end(String(performance.now())));
  let worker;
  try {
    worker = await startWorkerd({
      entry: join(root, "bench/workerd-worker.js"),
      work: join(root, ".tmp/bench/workerd"),
      name: "bench",
      compatibilityDate: "2025-09-01",
      services: [{ name: "clock", external: `127.0.0.1:${clock.port}` }],
      bindings: { CLOCK: { service: "clock" } },
    });
    const response = await fetch(`${worker.url}/`, { signal: AbortSignal.timeout(600_000) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text}\n${worker.output()}`);
    return { runtime: `${version} (npm workerd)`, ...JSON.parse(text) };
  } finally {
    await worker?.stop();
    await clock.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runWorkerd()));
}
