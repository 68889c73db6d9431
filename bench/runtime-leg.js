// The leg for every non-Node runtime: the built package against the cached-key WebCrypto flavour
// of the baseline signer (bench/baseline.js), on X's "Creating a signature" request, sequentially and with 1,000
// signatures in flight. Web globals only, so Deno and Bun run this file as it is and workerd runs
// it bundled (bench/workerd-worker.js). Returns plain JSON.
import { baselineWebCrypto, EXPECTED_HEADER, INPUT, measure } from "./shared.js";

/**
 * @param pkg the built package's namespace (dist/index.js)
 * @param options { rounds, batch, now } `now` may be async (workerd reads an outside clock)
 */
export async function runLeg(pkg, { rounds = 21, batch = 400, inFlightBatch = 2000, now } = {}) {
  const { method, url, body, credentials, nonce, timestamp } = INPUT;
  const request = { method, url, body };
  const options = { nonce, timestamp };
  const cases = [
    {
      name: "twitter-oauth1 signRequest",
      fn: async () => (await pkg.signRequest(request, credentials, options)).authorization,
    },
    { name: "baseline WebCrypto (cached key)", fn: () => baselineWebCrypto(INPUT) },
  ];
  for (const { name, fn } of cases) {
    const header = await fn();
    if (header !== EXPECTED_HEADER) throw new Error(`${name} did not produce the documented header:\n${header}`);
  }
  const hmacPath =
    typeof globalThis.process?.getBuiltinModule === "function" ? "node:crypto (process.getBuiltinModule)" : "WebCrypto";
  const sequential = await measure(cases, { rounds, batch, ...(now && { now }) });
  const inFlight = await measure(cases, {
    rounds: Math.max(7, rounds >> 1),
    batch: inFlightBatch,
    inFlight: 1000,
    ...(now && { now }),
  });
  return { hmacPath, sequential, inFlight };
}

/** Deno and Bun: `deno run bench/runtime-leg.js` / `bun bench/runtime-leg.js` prints the JSON. */
const isMain = typeof Deno !== "undefined" ? import.meta.main : typeof Bun !== "undefined" ? import.meta.main : false;
if (isMain) {
  const pkg = await import("../dist/index.js");
  const version =
    typeof Deno !== "undefined" ? `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})` : `Bun ${Bun.version}`;
  console.log(JSON.stringify({ runtime: version, ...(await runLeg(pkg)) }));
}
