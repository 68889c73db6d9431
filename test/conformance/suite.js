// The conformance suite: named cases written against the built package and web globals only, so
// the same file runs in Node, Deno, Bun, workerd, the Edge Runtime and browser pages. Each runner
// loads every entry point of package.json "exports" (entry-points.js), passes them to run() as one
// object keyed by subpath, prints the outcome and fails on any failure or on zero cases. A missing
// export fails its cases, and so does an exported entry point that no cases file covers; nothing is
// skipped but the cases of entry points that entry-points.js flags for other kinds of runtime, or
// that package.json does not export, and each runner's output lists those.
import { CASE_FILES } from "./cases/index.js";
import { kindsFor, RUNS_IN } from "./entry-points.js";

/**
 * Every case, in order, for the given entry points, and the cases files left out (an entry point
 * flagged in entry-points.js RUNS_IN that this kind of runner does not run).
 * `kind`: "node" (Node, Deno, Bun), "server" (workerd, the Edge Runtime) or "browser".
 */
export function allCases(entries, options = {}) {
  const { kind = "node" } = options;
  const cases = [];
  const skipped = [];
  for (const file of CASE_FILES) {
    const elsewhere = file.entryPoints.filter((subpath) => !kindsFor(subpath).includes(kind));
    if (elsewhere.length > 0) {
      skipped.push(`${file.name} (${elsewhere.map((subpath) => `${subpath}: ${RUNS_IN[subpath]} only`).join(", ")})`);
      continue;
    }
    // A runner loads every entry point of the exports map or fails as a whole, so one missing here
    // is not exported (yet): its cases cannot run, and the output says so.
    const missing = file.entryPoints.filter((subpath) => !(subpath in entries));
    if (missing.length > 0) {
      skipped.push(
        `${file.name} (${missing.map((subpath) => `${subpath}: not in package.json "exports"`).join(", ")})`,
      );
      continue;
    }
    cases.push(...file.cases(entries, options));
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
 * @param options - { kind }: "node" (the default), "server" or "browser"; see allCases.
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
