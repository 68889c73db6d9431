// The conformance suite: named cases written against the built package and web globals only, so
// the same file runs in Node, Deno, Bun, workerd and a browser page. Each runtime's runner imports
// `dist/index.js` and `dist/testing.js`, passes them to run(), prints the outcome and fails on any
// failure or on zero cases. A missing export fails its cases; nothing is ever skipped.
import { clientCases } from "./cases/client.js";
import { coreCases } from "./cases/core.js";
import { stateCases } from "./cases/state.js";
import { vectorCases } from "./cases/vectors.js";

/** Every case, in order, for the given package and testing modules. */
export function allCases(pkg, testing) {
  return [...vectorCases(pkg), ...coreCases(pkg), ...clientCases(pkg, testing), ...stateCases(pkg)];
}

/**
 * Runs every case one after another.
 * @param pkg - the namespace of `twitter-oauth1` (dist/index.js).
 * @param testing - the namespace of `twitter-oauth1/testing` (dist/testing.js).
 * @param onResult - optional callback per case: ({ name, ok, error }).
 * @returns { passed, failed, failures: [{ name, error }], total }
 */
export async function run(pkg, testing, onResult = () => {}) {
  let cases;
  try {
    cases = allCases(pkg, testing);
  } catch (error) {
    const failure = { name: "collect cases", error: describe(error) };
    onResult({ ...failure, ok: false });
    return { passed: 0, failed: 1, failures: [failure], total: 1 };
  }
  let passed = 0;
  const failures = [];
  for (const c of cases) {
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
  return { passed, failed: failures.length, failures, total: cases.length };
}

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The one line every runner ends with. */
export function summaryLine(result) {
  return `${result.passed} passed, ${result.failed} failed`;
}
