// Issue 6: "a complete copy-paste sign-in for a Node server". The README's block, as published, runs
// in its own Node process; msw in that process (fixtures/x-over-loopback.mjs) routes its calls to
// https://api.x.com to the fake X served here, and the test plays the browser and the user.
// X docs "Log in with X": steps 1 to 3; the callback cases follow parseCallback's contract.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer, defaultUser, toNodeListener } from "../../src/testing/index.js";
import { extractBlocks } from "./code-blocks.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const HEADING = "## Sign in with X on a Node server";

/** The first ts block under the README heading above. */
function readmeServerBlock(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const headingLine = readme.split("\n").indexOf(HEADING) + 1;
  if (headingLine === 0) throw new Error(`README.md has no "${HEADING}" section`);
  const block = extractBlocks("README.md", readme).find((b) => b.line > headingLine && b.lang === "ts");
  if (!block) throw new Error(`no ts block under "${HEADING}"`);
  return block.code;
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

const fake = createFakeTwitter();
const dir = join(root, ".tmp", `readme-server-${process.pid}`);
let fakeServer: Server;
let child: ChildProcess;
let site: string;
let output = "";

beforeAll(async () => {
  fakeServer = createServer(toNodeListener(fake.fetch, { origin: "https://api.x.com" })).listen(0, "127.0.0.1");
  await once(fakeServer, "listening");
  // Inside the package, so that "twitter-oauth1" resolves to the built dist/ by the package's own name.
  mkdirSync(dir, { recursive: true });
  const js = ts.transpileModule(readmeServerBlock(), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(dir, "server.mjs"), js);
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", join(root, "test/docs/fixtures/x-over-loopback.mjs"), join(dir, "server.mjs")], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      TWITTER_CONSUMER_KEY: defaultConsumer.key,
      TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
      COOKIE_SECRET: "readme-test-cookie-secret-0123456789abcdef",
      FAKE_X_ORIGIN: `http://127.0.0.1:${(fakeServer.address() as AddressInfo).port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(site + "/")).ok) break;
    } catch {
      if (attempt > 150 || child.exitCode !== null) throw new Error(`the README server did not start:\n${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}, 60_000);

afterAll(async () => {
  child?.kill();
  await new Promise((done) => fakeServer?.close(done));
  rmSync(dir, { recursive: true, force: true });
});

async function startSignIn(): Promise<{ token: string; cookie: string; location: URL }> {
  const login = await fetch(site + "/login", { redirect: "manual" });
  expect(login.status).toBe(302);
  const location = new URL(login.headers.get("location")!);
  const cookie = login.headers.getSetCookie()[0]!;
  expect(cookie).toMatch(/HttpOnly/);
  return { token: location.searchParams.get("oauth_token")!, cookie: cookie.split(";")[0]!, location };
}

describe("README: Sign in with X on a Node server", () => {
  it("X docs steps 1 and 2: /login sets the sealed cookie and redirects to oauth/authenticate", async () => {
    const { location, cookie, token } = await startSignIn();
    expect(location.origin + location.pathname).toBe("https://api.x.com/oauth/authenticate");
    // The request-token secret travels sealed, never readable.
    expect(cookie).toMatch(/^x_request_token=[A-Za-z0-9_-]{100,}$/);
    expect(cookie).not.toContain(token);
  });

  it("X docs step 3: the approved callback signs the user in; replaying it fails", async () => {
    const { token, cookie } = await startSignIn();
    const callback = fake.approve(token);
    expect(callback.startsWith(site + "/callback?")).toBe(true);
    const signedIn = await fetch(callback, { headers: { cookie } });
    expect(await signedIn.text()).toBe(`Signed in as @${defaultUser.screenName} (id ${defaultUser.id})`);
    expect(signedIn.status).toBe(200);
    const replay = await fetch(callback, { headers: { cookie } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/^HTTP_ERROR: /);
  });

  it("Cancel on X (denied=…) answers 403 AUTHORIZATION_DENIED", async () => {
    const { token, cookie } = await startSignIn();
    const cancelled = await fetch(fake.deny(token), { headers: { cookie } });
    expect(cancelled.status).toBe(403);
    expect(await cancelled.text()).toMatch(/^AUTHORIZATION_DENIED: /);
  });

  it("another sign-in's callback with this browser's cookie answers 400 TOKEN_MISMATCH", async () => {
    const mine = await startSignIn();
    const theirs = await startSignIn();
    const crossed = await fetch(fake.approve(theirs.token), { headers: { cookie: mine.cookie } });
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toMatch(/^TOKEN_MISMATCH: /);
  });
});
