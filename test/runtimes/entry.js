// Runs the conformance suite in the runtime that executes this file (Node, Deno or Bun): reads the
// exports map of package.json, imports every entry point of the build by path, prints each failure,
// ends with "N passed, M failed" and exits 1 on any failure or on zero cases.
// Usage: <runtime> test/runtimes/entry.js [--verbose] [--webcrypto] [--network ORIGIN]
// --webcrypto hides process.getBuiltinModule before the package loads, so the signer takes its
// WebCrypto path as in browsers and workerd: both HMAC paths must pass the same cases.
import manifest from "../../package.json" with { type: "json" };
import { loadEntryPoints } from "../conformance/entry-points.js";
import { closingLines, run } from "../conformance/suite.js";

const args = globalThis.Deno?.args ?? globalThis.process?.argv?.slice(2) ?? [];
const verbose = args.includes("--verbose");
// The origin of the hostile X that test/runtimes/run.js serves on loopback (cases/network.js).
const network = args.includes("--network") ? args[args.indexOf("--network") + 1] : undefined;
if (args.includes("--webcrypto") && globalThis.process) {
  Object.defineProperty(globalThis.process, "getBuiltinModule", { value: undefined, configurable: true });
}
const root = new URL("../../", import.meta.url);
const entries = await loadEntryPoints(manifest, (entry) => import(new URL(entry.import, root).href));

// test/runtimes/run.js reads these lines for its table and the README's.
const [runtime, version] = globalThis.Deno
  ? ["Deno", globalThis.Deno.version.deno]
  : globalThis.Bun
    ? ["Bun", globalThis.Bun.version]
    : ["Node", globalThis.process.version];
console.log(`runtime: ${runtime} ${version}`);
console.log(`version: ${version}`);

const result = await run(
  entries,
  ({ name, ok, error }) => {
    if (!ok) console.log(`FAIL ${name}\n     ${error}`);
    else if (verbose) console.log(`ok   ${name}`);
  },
  { network },
);
for (const line of closingLines(result)) console.log(line);
const code = result.failed > 0 || result.passed === 0 ? 1 : 0;
if (globalThis.Deno) globalThis.Deno.exit(code);
else globalThis.process.exit(code);
