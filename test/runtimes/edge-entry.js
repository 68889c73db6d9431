// The script the Edge Runtime evaluates (bundled as an IIFE by edge-runtime.js: it runs scripts,
// not modules): runs the conformance suite on the entry points of package.json "exports" and
// leaves the result, as JSON, in a promise on globalThis for the Node side to await.
import { entries } from "conformance:entry-points";
import { run } from "../conformance/suite.js";

globalThis.__conformance = run(entries, undefined, { kind: "server" }).then((result) => {
  // The runner checks that no Node global was there: the suite passed on web globals alone.
  const nodeGlobals = ["process", "Buffer", "require", "global"].filter((name) => name in globalThis);
  return JSON.stringify({ ...result, nodeGlobals, edgeRuntime: globalThis.EdgeRuntime });
});
