// The fake-x command serves its control API to the Host it listens on only: a page on another site
// can resolve its own name to 127.0.0.1 (DNS rebinding) and then reach the fake as same-origin,
// but the browser still sends that name in Host. Run in process (src/cli/fake-x.ts), no build.
import { afterEach, describe, expect, it } from "vitest";
import { type RunningFakeX, startFakeX } from "../../src/cli/fake-x.js";
import { rawRequest } from "../support/http.js";

let running: RunningFakeX | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(args: string[]): Promise<{ port: number }> {
  running = await startFakeX(["--port", "0", ...args], { out: () => {}, err: () => {} });
  return { port: Number(new URL(running!.url).port) };
}

/** POST /_fake/reset with the given Host header, over loopback. */
function reset(port: number, host: string): Promise<{ status: number; body: string }> {
  return rawRequest({ port, path: "/_fake/reset", method: "POST", headers: { host } });
}

describe("fake-x refuses a control call for a Host it does not serve", () => {
  it("bound to 127.0.0.1: its host:port and the loopback aliases of the same port are obeyed", async () => {
    const { port } = await start(["--host", "127.0.0.1"]);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect(await reset(port, host), host).toEqual({ status: 204, body: "" });
    }
  });

  it.each([
    ["a rebound name", (port: number) => `attacker.example:${port}`],
    ["the right address on another port", () => "127.0.0.1:1"],
    ["no port", () => "localhost"],
    ["a name that only starts like localhost", (port: number) => `localhost.attacker.example:${port}`],
  ])("bound to 127.0.0.1: %s is a 403 with a plain-text reason", async (_, hostOf) => {
    const { port } = await start(["--host", "127.0.0.1"]);
    const answer = await reset(port, hostOf(port));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/^Refused: this fake X serves .*127\.0\.0\.1:\d+/);
  });

  it("the rest of the fake (its pages, its endpoints) is not the control API and keeps any Host", async () => {
    const { port } = await start(["--host", "127.0.0.1"]);
    const answer = await rawRequest({ port, path: "/", headers: { host: `attacker.example:${port}` } });
    expect(answer.status).toBe(200);
  });

  it("with --origin, the origin's host is obeyed too (a proxy forwarding it)", async () => {
    const { port } = await start(["--host", "127.0.0.1", "--origin", "https://api.x.com"]);
    expect((await reset(port, "api.x.com")).status).toBe(204);
  });
});
