// The conformance suite: named cases written against the built package and web globals only, so
// the same file runs in Node, Deno, Bun, workerd, the Edge Runtime and browser pages. Each runner
// loads every entry point of package.json "exports" (entry-points.js), passes them to run() as one
// object keyed by subpath, prints the outcome and fails on any failure or on zero cases. A missing
// entry point or export fails its cases; nothing is skipped but the cases of an entry point that
// entry-points.js flags Node-only, in the web runners, and the result says so.
import { CASE_FILES } from "./cases/index.js";
import { NODE_ONLY } from "./entry-points.js";

/**
 * Every case, in order, for the given entry points, and the cases files left out (Node-only entry
 * points in a web runner). Throws when a cases file needs an entry point that was not loaded.
 */
export function allCases(entries, { web = false } = {}) {
  const cases = [];
  const skipped = [];
  for (const file of CASE_FILES) {
    const nodeOnly = file.entryPoints.filter((subpath) => NODE_ONLY.includes(subpath));
    if (web && nodeOnly.length > 0) {
      skipped.push(`${file.name} (${nodeOnly.join(", ")}: Node-only)`);
      continue;
    }
    const missing = file.entryPoints.filter((subpath) => !(subpath in entries));
    if (missing.length > 0) {
      cases.push(failing(`${file.name}: entry points loaded`, `not loaded: ${missing.join(", ")}`));
      continue;
    }
    cases.push(...file.cases(entries));
  }
  // Every entry point the runner loaded is exercised here: one without a cases file fails.
  for (const subpath of Object.keys(entries)) {
    if (!CASE_FILES.some((file) => file.entryPoints.includes(subpath)))
      cases.push(
        failing(
          `entry point "${subpath}" has conformance cases`,
          `no file in test/conformance/cases/index.js lists "${subpath}": add one`,
        ),
      );
  }
  return { cases, skipped };
}

function failing(name, message) {
  return {
    name,
    run() {
      throw new Error(message);
    },
  };
}

/**
 * Runs every case one after another.
 * @param entries - { [subpath]: namespace } for every entry point loaded, e.g.
 *   { ".": dist/index.js, "./testing": dist/testing.js }.
 * @param onResult - optional callback per case: ({ name, ok, error }).
 * @param options - { web: true } in a runner that leaves out the Node-only entry points.
 * @returns { passed, failed, failures: [{ name, error }], total, entryPoints, skipped, hmacPath }
 */
export async function run(entries, onResult = () => {}, options = {}) {
  const entryPoints = Object.keys(entries ?? {});
  let collected;
  try {
    collected = allCases(entries ?? {}, options);
  } catch (error) {
    const failure = { name: "collect cases", error: describe(error) };
    onResult({ ...failure, ok: false });
    return { passed: 0, failed: 1, failures: [failure], total: 1, entryPoints, skipped: [], hmacPath: hmacPath() };
  }
  let passed = 0;
  const failures = [];
  for (const c of collected.cases) {
    try {
      await c.run();
      passed++;
      onResult({ name: c.name, ok: true });
    } catch (error) {
      const failure = { name: c.name, error: describe(error) };
      failures.push(failure);
      onResult({ ...failure, ok: false });
    }
  }
  return {
    passed,
    failed: failures.length,
    failures,
    total: collected.cases.length,
    entryPoints,
    skipped: collected.skipped,
    hmacPath: hmacPath(),
  };
}

/**
 * Which HMAC path the package takes here, by the test it makes itself: node:crypto where
 * process.getBuiltinModule gives one with createHmac and createSecretKey, WebCrypto elsewhere.
 */
export function hmacPath() {
  const nodeCrypto = globalThis.process?.getBuiltinModule?.("node:crypto");
  return typeof nodeCrypto?.createHmac === "function" && typeof nodeCrypto?.createSecretKey === "function"
    ? "node:crypto"
    : "WebCrypto";
}

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * The lines every runner prints after the failures, read by test/runtimes/run.js: the HMAC path,
 * the entry points, and last "N passed, M failed".
 */
export function closingLines(result) {
  const skipped = result.skipped?.length ? `; not run here: ${result.skipped.join(", ")}` : "";
  return [`hmac: ${result.hmacPath}`, `entry points: ${result.entryPoints.join(", ")}${skipped}`, summaryLine(result)];
}

/** The one line every runner ends with. */
export function summaryLine(result) {
  return `${result.passed} passed, ${result.failed} failed`;
}
