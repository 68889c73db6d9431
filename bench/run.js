// `npm run bench` (after `npm run build`): every leg of the side-by-side benchmark in one go, as
// Markdown, ending with the targets of docs/performance.md and whether this run met them. Legs:
// Node (this process), Deno and Bun (child processes running bench/runtime-leg.js), workerd (a
// Worker on loopback), bundle sizes (esbuild + gzip) and cold import time. Read the ratios, not the
// microseconds: on a shared machine absolute times are noise.
// Usage: node bench/run.js [--quick] [--skip=deno,bun,workerd,sign-in,size,cold] [--write-docs]
// --write-docs also puts this run's output into docs/performance.md, between its bench markers.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { coldTable, runColdImport } from "./cold-import.js";
import { runNode } from "./node.js";
import { runSignIn, signInTable, writeSignInDocs } from "./sign-in.js";
import { ratio, table } from "./shared.js";
import { breakdown, runSize, sizeTable } from "./size.js";
import { RUNTIMES_MODULES, runtimeBin } from "../test/runtimes/runtime-bins.js";
import { runWorkerd } from "./workerd.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const skip = new Set((args.find((a) => a.startsWith("--skip="))?.slice(7) ?? "").split(",").filter(Boolean));
const printed = [];
const log = console.log;
console.log = (...parts) => {
  printed.push(parts.join(" "));
  log(...parts);
};
// Deno, Bun and workerd come from the sub-package test/runtimes (npm run bench installs it first).
const version = (pkg) => {
  const modules = ["deno", "bun", "workerd"].includes(pkg) ? RUNTIMES_MODULES : join(root, "node_modules");
  return JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
};
const WEBCRYPTO = "baseline WebCrypto (cached key)";
const OURS = "twitter-oauth1 signRequest";

console.log("## Machine and versions\n");
console.log(`- ${cpus().length} CPU(s) (nproc), ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(
  `- Node ${process.version}; deno ${version("deno")}, bun ${version("bun")}, workerd ${version("workerd")} (npm)`,
);
console.log(
  `- peers: oauth-1.0a ${version("oauth-1.0a")}, oauth-sign ${version("oauth-sign")}, twitter-api-v2 ${version("twitter-api-v2")}, ` +
    `crypto-js ${version("crypto-js")}, oauth ${version("oauth")}, login-with-twitter ${version("login-with-twitter")}; esbuild ${version("esbuild")}`,
);
console.log(
  `- input: X docs "Creating a signature" (POST https://api.x.com/1.1/statuses/update.json?include_entities=true, ` +
    `status body, documented keys, pinned nonce and timestamp), producing the full Authorization header\n`,
);

const targets = [];
const target = (what, value, goal, met) => targets.push({ what, value, goal, met });

// Node
console.log("## Speed\n");
const node = await runNode({ rounds: quick ? 9 : 21 });
const byName = (rows, name) => rows.find((r) => r.name === name);
target(
  "Node 20 sequential: signRequest vs oauth-sign throughput",
  ratio(byName(node.sequential, OURS), byName(node.sequential, "oauth-sign")),
  "≥ 1.50x",
  (v) => v >= 1.5,
);
target(
  "Node 20, 1,000 in flight: signRequest vs oauth-sign (informative)",
  ratio(byName(node.inFlight, OURS), byName(node.inFlight, "oauth-sign")),
  "-",
  () => undefined,
);
const strings = ratio(node.strings[0], node.strings[1]);
target(
  "Base string + header building: time vs the baseline (PLAINTEXT)",
  1 / strings,
  "≤ 1.30x the baseline's time",
  (v) => v <= 1.3,
);

// Deno, Bun, workerd
function childLeg(_name, command) {
  // Bounded, as every wait: a leg that hangs fails its row instead of the whole run.
  const out = execFileSync(command[0], command.slice(1), {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 600_000,
  });
  return JSON.parse(out.trim().split("\n").pop());
}
const legs = [];
if (!skip.has("deno"))
  legs.push([
    "Deno",
    () => childLeg("deno", [runtimeBin("deno"), "run", "--no-prompt", "--no-config", "bench/runtime-leg.js"]),
    1.5,
  ]);
if (!skip.has("bun")) legs.push(["Bun", () => childLeg("bun", [runtimeBin("bun"), "bench/runtime-leg.js"]), 1.5]);
if (!skip.has("workerd")) legs.push(["workerd", () => runWorkerd(), 1.0]);
for (const [label, run, goal] of legs) {
  let result;
  try {
    result = await run();
  } catch (error) {
    console.log(`\n### ${label}: could not run: ${error.message}\n`);
    target(`${label} sequential: signRequest vs baseline WebCrypto`, NaN, `≥ ${goal.toFixed(2)}x`, () => false);
    continue;
  }
  console.log(`\n### ${result.runtime} (package HMAC path: ${result.hmacPath})\n`);
  console.log("Sequential:\n\n" + table(result.sequential, [WEBCRYPTO]));
  console.log("\n1,000 signatures in flight:\n\n" + table(result.inFlight, [WEBCRYPTO]));
  target(
    `${label} sequential: signRequest vs baseline WebCrypto`,
    ratio(byName(result.sequential, OURS), byName(result.sequential, WEBCRYPTO)),
    `≥ ${goal.toFixed(2)}x`,
    (v) => v >= goal,
  );
  target(
    `${label}, 1,000 in flight (informative)`,
    ratio(byName(result.inFlight, OURS), byName(result.inFlight, WEBCRYPTO)),
    "-",
    () => undefined,
  );
}

// Sign-in CPU: the handlers against passport-twitter
if (!skip.has("sign-in")) {
  const result = await runSignIn(quick ? { rounds: 5, batch: 200 } : { rounds: 10, batch: 2000 });
  console.log(
    `\n## Sign-in CPU in Node ${process.version} (login + callback against the fake X, ${result.rounds} interleaved rounds of ${result.batch})\n`,
  );
  console.log(signInTable(result));
  target("Sign-in CPU: handlers (fetch: nodeFetch) vs passport-twitter", result.ratio, "≤ 1.00x", (v) => v <= 1);
  console.log(`With Node's built-in fetch: ${result.fetchRatio.toFixed(2)}x`);
  if (args.includes("--write-docs")) writeSignInDocs(result);
}

// Sizes
if (!skip.has("size")) {
  const rows = await runSize();
  console.log("\n## Bundle size (esbuild --bundle --minify --platform=browser, gzip -9)\n");
  console.log(sizeTable(rows));
  console.log("\n" + breakdown(rows));
  for (const row of rows.filter((r) => r.budget)) {
    target(`gzip size: ${row.name}`, row.gzip, `≤ ${row.budget} B`, (v) => v <= row.budget);
  }
}

// Cold import
if (!skip.has("cold")) {
  console.log(`\n## Cold import in Node ${process.version} (fresh process per sample, median of ${quick ? 5 : 11})\n`);
  console.log(coldTable(runColdImport({ samples: quick ? 5 : 11 })));
}

console.log("\n## Targets, this run\n");
console.log("| target | this run | goal | |\n|---|---:|---|---|");
for (const t of targets) {
  const met = t.met(t.value);
  const shown = Number.isNaN(t.value)
    ? "not run"
    : Number.isInteger(t.value)
      ? `${t.value} B`
      : `${t.value.toFixed(2)}x`;
  console.log(`| ${t.what} | ${shown} | ${t.goal} | ${met === undefined ? "" : met ? "met" : "NOT met"} |`);
}

if (args.includes("--write-docs")) {
  const file = join(root, "docs/performance.md");
  const doc = readFileSync(file, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!doc.includes(start) || !doc.includes(end))
    throw new Error(`docs/performance.md needs the ${start} and ${end} markers`);
  const when = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  // One heading level down: the run sits under the document's "## Full run".
  const body = `\n_Run of ${when}: \`npm run bench\` (\`node bench/run.js${quick ? " --quick" : ""}\` after the build)._\n\n${printed.join("\n").replace(/^#/gm, "##")}\n`;
  writeFileSync(file, doc.slice(0, doc.indexOf(start) + start.length) + body + doc.slice(doc.indexOf(end)));
  log(`\nwrote this run into ${file}`);
}
