// The workerd leg's Worker: runs bench/runtime-leg.js against the built package when fetched and
// answers with JSON. workerd freezes Date.now() and performance.now() while code runs (a Spectre
// mitigation), so the harness reads the time from the Node process that started workerd, through
// the CLOCK service binding: one loopback round trip before and after each batch of signatures.
import * as pkg from "../dist/index.js";
import { runLeg } from "./runtime-leg.js";

export default {
  async fetch(_request, env) {
    const now = async () => Number(await (await env.CLOCK.fetch("http://clock/")).text());
    try {
      const result = await runLeg(pkg, { now, rounds: 15, batch: 2000, inFlightBatch: 4000 });
      return Response.json(result);
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
