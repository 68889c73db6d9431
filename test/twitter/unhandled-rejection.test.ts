// A rejection nobody awaits ends a Node process (its default is --unhandled-rejections=throw), and
// vitest would only report it, so this runs the client in a child Node process with default flags:
// src bundled by esbuild, a loopback server answering a 300 KB 401, a short timeout, then a wait
// past the timer. The process must print the documented error and exit 0.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { x as exec } from "tinyexec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "twitter-oauth1-unhandled-"));

const script = `
import { createServer } from "node:http";
import { TwitterOAuth } from "./client.mjs";
const body = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}' + " ".repeat(300 * 1024);
const server = createServer((request, response) => {
  request.resume();
  response.on("error", () => {});
  response.writeHead(401, { "content-type": "application/json" }).end(body);
});
server.on("clientError", () => {});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const x = new TwitterOAuth({
  consumerKey: "key",
  consumerSecret: "secret",
  callbackUrl: "oob",
  baseUrl: "http://127.0.0.1:" + server.address().port,
  timeout: 200,
});
const codes = [];
for (const call of [() => x.getRequestToken(), () => x.verifyCredentials({ token: "t", tokenSecret: "s" })]) {
  codes.push(await call().then(() => "resolved", (error) => error.code + " " + error.status));
}
// Past the 200 ms timer of both calls: a rejection left behind would end the process here.
await new Promise((done) => setTimeout(done, 600));
console.log(codes.join(", "));
server.closeAllConnections();
server.close();
`;

beforeAll(async () => {
  await build({
    entryPoints: [resolve(import.meta.dirname, "../../src/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: join(dir, "client.mjs"),
    logLevel: "silent",
  });
  writeFileSync(join(dir, "main.mjs"), script);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Node's default --unhandled-rejections=throw", () => {
  it("a 300 KB 401 leaves no rejection behind: the process prints the errors and exits 0", async () => {
    const run = await exec(process.execPath, [join(dir, "main.mjs")], {
      nodeOptions: { cwd: dir, env: { ...process.env, NODE_OPTIONS: "" } },
      throwOnError: false,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("HTTP_ERROR 401, HTTP_ERROR 401");
    expect(run.exitCode).toBe(0);
  });
});
