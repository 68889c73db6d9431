// examples/express: Express 5 with Passport and twitter-oauth1/passport, run by this machine's node
// (20) after esbuild strips the types, and by Node 24 straight from server.ts ("node server.ts", as
// its README says). Pending sign-ins wait in express-session, as with passport-twitter.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { compileNodeExample } from "./harness/node-example.js";
import { examples, node24 } from "./harness/paths.js";
import { processExample } from "./harness/run.js";
import { type WebExample, webExampleChecks } from "./harness/web-example.js";

const folder = join(examples, "express");
const shape: Omit<WebExample, "start"> = {
  login: "/auth/twitter",
  callback: "/auth/twitter/callback",
  pending: "session",
  // Cancel is a Passport failure: failureRedirect to /login, which says so.
  cancelled: { status: 401, text: /You are not signed in/ },
};

describe("examples/express (Node 20, types stripped by esbuild)", () => {
  webExampleChecks({
    ...shape,
    start: async (env, port) =>
      processExample(process.execPath, [await compileNodeExample("express", "server.ts")], { cwd: folder, env, port }),
  });
});

describe.skipIf(!existsSync(node24))(
  "examples/express (Node 24: node server.ts; skipped only if Node 24 could not be installed)",
  () => {
    webExampleChecks({
      ...shape,
      start: async (env, port) => processExample(node24, ["server.ts"], { cwd: folder, env, port }),
    });
  },
);
