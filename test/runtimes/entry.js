// Runs the conformance suite in the runtime that executes this file (Node, Deno or Bun): imports
// the built package by path, prints each failure, ends with "N passed, M failed" and exits 1 on
// any failure or on zero cases. Usage: <runtime> test/runtimes/entry.js [--verbose] [--webcrypto]
// --webcrypto hides process.getBuiltinModule before the package loads, so the signer takes its
// WebCrypto path as in browsers and workerd: both HMAC paths must pass the same cases.
import { run, summaryLine } from "../conformance/suite.js";

const args = globalThis.Deno?.args ?? globalThis.process?.argv?.slice(2) ?? [];
const verbose = args.includes("--verbose");
if (args.includes("--webcrypto") && globalThis.process) {
  Object.defineProperty(globalThis.process, "getBuiltinModule", { value: undefined, configurable: true });
}
const pkg = await import("../../dist/index.js");
const testing = await import("../../dist/testing.js");
const hmacPath =
  typeof globalThis.process?.getBuiltinModule?.("node:crypto")?.createHmac === "function" ? "node:crypto" : "WebCrypto";

// The runner's summary table reads this line for the version column.
const runtime = globalThis.Deno
  ? `Deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `Bun ${globalThis.Bun.version}`
    : `Node ${globalThis.process.version}`;
console.log(`runtime: ${runtime}, HMAC through ${hmacPath}`);

const result = await run(pkg, testing, ({ name, ok, error }) => {
  if (!ok) console.log(`FAIL ${name}\n     ${error}`);
  else if (verbose) console.log(`ok   ${name}`);
});
console.log(summaryLine(result));
const code = result.failed > 0 || result.passed === 0 ? 1 : 0;
if (globalThis.Deno) globalThis.Deno.exit(code);
else globalThis.process.exit(code);
