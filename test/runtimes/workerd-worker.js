// The Worker that workerd serves: runs the conformance suite inside workerd's isolate (no Node
// compatibility flag, so only web globals exist) and answers with the result as JSON. The entry
// points come from package.json "exports", bundled by entry-points-plugin.js.
import { entries } from "conformance:entry-points";
import { run } from "../conformance/suite.js";

export default {
  async fetch() {
    const result = await run(entries, undefined, { kind: "server" });
    // The runner checks that no Node global was there: the suite passed on web globals alone.
    const nodeGlobals = ["process", "Buffer", "require", "global"].filter((name) => name in globalThis);
    return Response.json({ ...result, nodeGlobals });
  },
};
