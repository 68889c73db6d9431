// README, "Sign in with X on a Node server": the block as published runs in its own Node process,
// pointed with X_BASE_URL at the fake X that the `twitter-oauth1 fake-x` command serves (the built
// dist/cli.js, as `npx twitter-oauth1 fake-x` runs it), with the credentials the command printed. A
// browser (tough-cookie's jar) opens it at http://localhost:PORT and at http://127.0.0.1:PORT, as a
// newcomer would, and signs in on the fake's own pages (X docs "Log in with X": steps 1 to 3). What
// is the block's own code is checked too: its home page and its start without COOKIE_SECRET. The
// handlers' answers to Cancel, a replay or a sign-in started on the other host name are owned by
// test/handlers/.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import getPort from "get-port";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, startFakeX } from "../cli/fake-x-process.js";
import { Browser } from "../handlers/browser.js";
import { type Started, start } from "../support/processes.js";
import { blockUnder, root } from "./run-with-fake-x.js";

const USER = { username: "fake_user", password: "password" };
const dir = join(root, ".tmp", `readme-server-${process.pid}`);
const script = join(dir, "server.mjs");

let fakeX: FakeXProcess;
let server: Started;
let port: number;

/** Runs the block with `env` (and nothing from this shell that the block reads). */
function runBlock(env: Record<string, string>): Started {
  return start(process.execPath, [script], {
    cwd: dir,
    env: { TWITTER_CONSUMER_KEY: "", TWITTER_CONSUMER_SECRET: "", COOKIE_SECRET: "", X_BASE_URL: "", ...env },
  });
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  // Inside the package, so that "twitter-oauth1" resolves to dist/ through the package's own name.
  const code = blockUnder("README.md", "## Sign in with X on a Node server");
  writeFileSync(
    script,
    ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
      .outputText,
  );
  fakeX = await startFakeX(["--port", "0"]);
  port = await getPort({ host: "127.0.0.1" });
  server = runBlock({
    PORT: String(port),
    X_BASE_URL: fakeX.baseUrl,
    TWITTER_CONSUMER_KEY: fakeX.consumerKey,
    TWITTER_CONSUMER_SECRET: fakeX.consumerSecret,
    COOKIE_SECRET: "readme-test-cookie-secret-0123456789abcdef",
  });
  await server.waitFor(new RegExp(`Open http://127\\.0\\.0\\.1:${port}/\n`), 20_000);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await fakeX?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `start` and follows the page's "Sign in with X" link to X's sign-in form. */
async function toX(browser: Browser, start: string): Promise<{ url: string; response: Response }> {
  const home = await browser.request(start);
  const html = await home.text();
  const link = /<a href="([^"]+)">Sign in with X<\/a>/.exec(html)?.[1];
  expect(link, html).toBeDefined();
  const atX = await browser.open(new URL(link!, start).href);
  expect(atX.url.startsWith(`${fakeX.baseUrl}/oauth/authenticate?oauth_token=`), atX.url).toBe(true);
  return { url: atX.url, response: atX.response! };
}

/** Signs in on the fake X's page; the app's answer once the redirects are followed. */
async function finish(browser: Browser, atX: { url: string; response: Response }): Promise<Response> {
  const posted = await browser.submitXForm(atX.url, atX.response, "authorize", USER);
  const back = posted.headers.get("location")!;
  expect(back.startsWith(`http://127.0.0.1:${port}/auth/x/callback?`), back).toBe(true);
  return (await browser.open(back)).response!;
}

describe("README: Sign in with X on a Node server, against npx twitter-oauth1 fake-x", () => {
  it("prints the URL to open", () => {
    expect(server.output()).toContain(`Open http://127.0.0.1:${port}/\n`);
  });

  it.each(["127.0.0.1", "localhost"])(
    "opened at http://%s:PORT, signing in ends signed in as the fake user",
    async (host) => {
      const browser = new Browser(fetch);
      const atX = await toX(browser, `http://${host}:${port}/`);
      const response = await finish(browser, atX);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("Signed in as @fake_user (id 1450000000000000001)");
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    },
  );

  it("opened at localhost, the page says where signing in happens (browsers keep cookies per host name)", async () => {
    const page = await (await fetch(`http://localhost:${port}/`)).text();
    expect(page).toContain(`You opened localhost:${port}; signing in happens on 127.0.0.1:${port}.`);
    expect(page).toContain(`<a href="http://127.0.0.1:${port}/auth/x/login">`);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).not.toContain("You opened");
  });

  it("without COOKIE_SECRET it exits at start, naming the variable", async () => {
    const block = runBlock({
      PORT: String(await getPort({ host: "127.0.0.1" })),
      TWITTER_CONSUMER_KEY: fakeX.consumerKey,
      TWITTER_CONSUMER_SECRET: fakeX.consumerSecret,
    });
    await block.waitFor(() => (block.done() ? true : undefined), 20_000);
    expect(await block.exited()).not.toBe(0);
    expect(block.output()).toMatch(/Error: Set COOKIE_SECRET/);
  });
});
