// What every leg of the benchmark shares, in plain ESM with web globals only, so that Node, Deno,
// Bun and workerd run exactly the same code: the input (X's "Creating a signature" request), the
// baseline signer (bench/baseline.js), and the harness that interleaves rounds and reports medians.

/** X docs, "Creating a signature" (api.x.com host), with the documented keys, nonce and timestamp. */
export const INPUT = {
  method: "POST",
  url: "https://api.x.com/1.1/statuses/update.json?include_entities=true",
  body: { status: "Hello Ladies + Gentlemen, a signed OAuth request!" },
  credentials: {
    consumerKey: "xvz1evFS4wEEPTGEFPHBog",
    consumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    tokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
  },
  nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
  timestamp: "1318622958",
};

/** The documented signature for INPUT (X docs: "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="). */
export const EXPECTED_SIGNATURE = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=";

/** The full header every correct signer must produce for INPUT (parameters sorted, ", " between). */
export const EXPECTED_HEADER =
  'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
  'oauth_signature="Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", ' +
  'oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"';

/** The oauth_signature inside an Authorization header, decoded. */
export function signatureInHeader(header) {
  const match = /oauth_signature="([^"]*)"/.exec(header);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export { baselineNodeCrypto, baselinePlaintext, baselineWebCrypto } from "./baseline.js";

// ---------------------------------------------------------------------------------------------
// The harness. Each round runs every case once, in a rotated order, as a batch of `batch` calls
// (awaited one after another, or `inFlight` at a time with Promise.all); a case's figure is the
// median over rounds of the time per call. Absolute times on a shared machine are noise: read the
// ratios, which compare cases measured side by side in the same rounds.

/**
 * @param cases [{ name, fn }] where fn() returns a value or a promise.
 * @param options { rounds, batch, inFlight, now } `now` may be async (workerd asks an outside clock).
 * @returns [{ name, median, min, max }] in microseconds per call.
 */
export async function measure(
  cases,
  { rounds = 21, batch = 400, inFlight = 0, now = () => performance.now(), warmup = 2 } = {},
) {
  const samples = cases.map(() => []);
  for (let r = -warmup; r < rounds; r++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + Math.max(r, 0)) % cases.length;
      const { fn } = cases[i];
      const t0 = await now();
      if (inFlight > 0) {
        for (let done = 0; done < batch; done += inFlight) {
          const pending = new Array(inFlight);
          for (let j = 0; j < inFlight; j++) pending[j] = fn();
          await Promise.all(pending);
        }
      } else {
        for (let j = 0; j < batch; j++) await fn();
      }
      const t1 = await now();
      if (r >= 0) samples[i].push(((t1 - t0) * 1000) / batch);
    }
  }
  return cases.map(({ name }, i) => {
    const sorted = [...samples[i]].sort((a, b) => a - b);
    return {
      name,
      median: sorted[sorted.length >> 1],
      min: sorted[0],
      max: sorted[sorted.length - 1],
      samples: samples[i],
    };
  });
}

/**
 * Throughput of `result` relative to `base` (2.00 = twice as many signatures per second): the
 * median over rounds of base time / case time within the same round, so a slow spell on a shared
 * machine hits both sides of each ratio alike.
 */
export function ratio(result, base) {
  const per = result.samples.map((t, r) => base.samples[r] / t).sort((a, b) => a - b);
  return per[per.length >> 1];
}

/** Markdown table of results with throughput ratios against the named baselines. */
export function table(results, baselines) {
  const head = ["case", "median µs/op", ...baselines.map((b) => `x ${b}`)];
  const lines = ["| " + head.join(" | ") + " |", "|" + head.map((_, i) => (i === 0 ? "---" : "---:")).join("|") + "|"];
  for (const r of results) {
    const ratios = baselines.map((b) => {
      const base = results.find((x) => x.name === b);
      return base ? ratio(r, base).toFixed(2) + "x" : "-";
    });
    lines.push(`| ${r.name} | ${r.median.toFixed(2)} | ${ratios.join(" | ")} |`);
  }
  return lines.join("\n");
}
