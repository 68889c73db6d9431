// How a runner that runs the suite out of this process (a browser page, workerd's isolate, the Edge
// Runtime) ends: the failures, the "N passed, M failed" line run.js reads, and the exit code.
import { closingLines } from "../conformance/suite.js";

/** Ends the run as a failure to start: `name: message` and "0 passed, 1 failed". */
export function fail(name, message) {
  console.log(`${name}: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

/**
 * Prints the failures and the closing lines and exits (1 on any failure or on zero cases). `where`
 * names the place that must have had no Node global: the suite passed on web globals alone.
 */
export function finish(result, where) {
  if (!Array.isArray(result.nodeGlobals) || result.nodeGlobals.length > 0) {
    result.failed++;
    result.failures.push({ name: `${where} has no Node globals`, error: `found: ${result.nodeGlobals}` });
  }
  for (const failure of result.failures) console.log(`FAIL ${failure.name}\n     ${failure.error}`);
  for (const line of closingLines(result)) console.log(line);
  process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
}
