// Runs in the browser page that browser.js serves: reads package.json, loads every entry point of
// its exports map (entry-points.js) by dynamic import, runs the suite, and adds which Node globals
// the page had (none may be there: the suite must pass on web globals alone).
import { loadEntryPoints } from "/test/conformance/entry-points.js";
import { run } from "/test/conformance/suite.js";

export async function main() {
  const response = await fetch("/package.json");
  const manifest = await response.json();
  const entries = await loadEntryPoints(manifest, (entry) => import(entry.import.replace(/^\.\//, "/")), {
    web: true,
  });
  const result = await run(entries, undefined, { kind: "browser" });
  result.nodeGlobals = ["process", "Buffer", "require", "global"].filter((name) => name in globalThis);
  return result;
}
