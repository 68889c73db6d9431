// `twitter-oauth1 fake-x`, run as users run it: the built dist/cli.js in its own process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { ensureRuntimes, runtimeBin } from "../runtimes/runtime-bins.js";
import { CLI, runFakeX, startFakeX } from "./fake-x-process.js";

const dir = mkdtempSync(join(tmpdir(), "fake-x-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Step 1 against the running command, signed with the given credentials. */
async function requestToken(baseUrl: string, key: string, secret: string, callback = "oob"): Promise<Response> {
  const url = `${baseUrl}/oauth/request_token`;
  const { authorization } = await signRequest(
    { method: "POST", url },
    { consumerKey: key, consumerSecret: secret },
    { callback },
  );
  return fetch(url, { method: "POST", headers: { authorization } });
}

function oneLine(text: string): void {
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
}

describe("twitter-oauth1 fake-x", () => {
  it("prints the base URL, the consumer key and secret, the user and how to point an app at it, then serves a sign-in", async () => {
    const fakeX = await startFakeX();
    try {
      const printed = fakeX.output();
      expect(fakeX.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
      expect(printed).toContain(`Fake X is listening on ${fakeX.baseUrl}`);
      expect(printed).toContain("Consumer key:     fake-consumer-key");
      expect(printed).toContain("Consumer secret:  fake-consumer-secret-0123456789abcdef");
      expect(printed).toContain("fake_user / password");
      expect(printed).toContain(`X_BASE_URL=${fakeX.baseUrl}`);
      const step1 = await requestToken(fakeX.baseUrl, fakeX.consumerKey, fakeX.consumerSecret);
      expect(step1.status).toBe(200);
      const token = new URLSearchParams(await step1.text()).get("oauth_token")!;
      const approve = await fetch(`${fakeX.baseUrl}/_fake/approve`, {
        method: "POST",
        body: new URLSearchParams({ oauth_token: token }),
      });
      expect(await approve.text()).toMatch(/^[0-9]{7}$/);
      expect((await fetch(`${fakeX.baseUrl}/`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
    } finally {
      await fakeX.stop();
    }
  });

  it.each(["SIGINT", "SIGTERM"] as const)("%s stops it cleanly: exit 0, the port closed", async (signal) => {
    const fakeX = await startFakeX();
    // A keep-alive connection stays open: stopping must not wait for it.
    await fetch(`${fakeX.baseUrl}/`, { headers: { connection: "keep-alive" } });
    const { exitCode, output } = await fakeX.stop(signal);
    expect(exitCode).toBe(0);
    expect(output).toContain("Fake X stopped.");
    await expect(fetch(`${fakeX.baseUrl}/`)).rejects.toThrow();
  });

  it("a port in use is one line that names --port, exit 1, no stack trace", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((done) => blocker.once("listening", done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { exitCode, stdout, stderr } = await runFakeX(["--port", String(port)]);
      expect(exitCode).toBe(1);
      expect(stdout).toBe("");
      oneLine(stderr);
      expect(stderr.trim()).toBe(
        `fake-x: port ${port} on 127.0.0.1 is already in use; choose another with --port (--port 0 picks a free one)`,
      );
    } finally {
      blocker.close();
    }
  });

  it.each([
    [["--prot", "3001"], "fake-x: unknown option --prot (see twitter-oauth1 fake-x --help)"],
    [
      ["--port", "http"],
      'fake-x: --port takes a number from 0 to 65535, got "http" (see twitter-oauth1 fake-x --help)',
    ],
    [["--port"], "fake-x: --port needs a value (see twitter-oauth1 fake-x --help)"],
    [
      ["--consumer", "no-colon"],
      'fake-x: --consumer takes KEY:SECRET, got "no-colon" (see twitter-oauth1 fake-x --help)',
    ],
    [
      ["--user", "alice:"],
      'fake-x: --user takes SCREEN_NAME:PASSWORD, got "alice:" (see twitter-oauth1 fake-x --help)',
    ],
    [
      ["--callback", "/relative"],
      'fake-x: --callback takes an absolute URL or oob, got "/relative" (see twitter-oauth1 fake-x --help)',
    ],
    [
      ["--origin", "api.x.com"],
      'fake-x: --origin must be an http(s) origin such as "https://api.x.com" (see twitter-oauth1 fake-x --help)',
    ],
    [["extra"], "fake-x: unexpected argument extra (see twitter-oauth1 fake-x --help)"],
  ])("%j is one line pointing at --help, exit 2", async (args, message) => {
    const { exitCode, stderr } = await runFakeX(args);
    expect(exitCode).toBe(2);
    oneLine(stderr);
    expect(stderr.trim()).toBe(message);
  });

  it("--help prints the options and the control API, exit 0", async () => {
    const { exitCode, stdout } = await runFakeX(["--help"]);
    expect(exitCode).toBe(0);
    for (const flag of [
      "--port",
      "--host",
      "--consumer",
      "--callback",
      "--user",
      "--origin",
      "--strict",
      "--config",
      "POST /_fake/fail",
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it("an unknown command is one line pointing at twitter-oauth1 --help", async () => {
    const { x } = await import("tinyexec");
    const result = await x(process.execPath, [CLI, "fake-y"], { throwOnError: false });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim()).toBe(
      'twitter-oauth1: unknown command "fake-y"; the commands are fake-x and migrate-tokens (see twitter-oauth1 --help)',
    );
  });

  it("--consumer, --user and --callback replace the defaults, and the fake enforces them", async () => {
    const fakeX = await startFakeX([
      "--port",
      "0",
      "--consumer",
      "app-key:app:secret",
      "--user",
      "alice:pw1",
      "--user",
      "bob:pw2",
      "--callback",
      "https://app.example/cb",
    ]);
    try {
      expect(fakeX.consumerKey).toBe("app-key");
      expect(fakeX.consumerSecret).toBe("app:secret");
      expect(fakeX.output()).toContain("alice / pw1");
      expect(fakeX.output()).toContain("bob / pw2");
      expect(fakeX.output()).toContain("Callback URLs:    https://app.example/cb");
      expect((await requestToken(fakeX.baseUrl, "app-key", "app:secret", "https://app.example/cb")).status).toBe(200);
      expect((await requestToken(fakeX.baseUrl, "app-key", "app:secret", "https://evil.example/cb")).status).toBe(403);
      expect(
        (await requestToken(fakeX.baseUrl, "fake-consumer-key", "fake-consumer-secret-0123456789abcdef")).status,
      ).toBe(401);
      const step1 = await requestToken(fakeX.baseUrl, "app-key", "app:secret", "https://app.example/cb");
      const token = new URLSearchParams(await step1.text()).get("oauth_token")!;
      const approve = await fetch(`${fakeX.baseUrl}/_fake/approve`, {
        method: "POST",
        body: new URLSearchParams({ oauth_token: token, screen_name: "bob" }),
      });
      expect(approve.status).toBe(200);
    } finally {
      await fakeX.stop();
    }
  });

  it("--config reads createFakeTwitter's options from JSON, and flags override it", async () => {
    const file = join(dir, "fake-x.json");
    writeFileSync(
      file,
      JSON.stringify({
        consumers: [{ key: "from-file", secret: "file-secret", callbackUrls: ["https://file.example/cb"] }],
        users: [{ id: "42", screenName: "carol", name: "Carol", password: "pw" }],
        timestampWindowSeconds: 60,
      }),
    );
    const fakeX = await startFakeX(["--port", "0", "--config", file, "--user", "dave:pw"]);
    try {
      expect(fakeX.consumerKey).toBe("from-file");
      expect(fakeX.output()).toContain("dave / pw");
      expect(fakeX.output()).not.toContain("carol");
      expect((await requestToken(fakeX.baseUrl, "from-file", "file-secret", "https://file.example/cb")).status).toBe(
        200,
      );
    } finally {
      await fakeX.stop();
    }
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["an unknown field", '{"consumer":[]}', 'unknown field "consumer"'],
    ["a bad field", '{"consumers":[{"key":"k","secret":""}]}', "consumers[0].secret must be a non-empty string"],
    ["a bad origin", '{"origin":"nope"}', 'origin must be an http(s) origin such as "https://api.x.com"'],
  ])("a config file with %s is one line naming the file and the field", async (_, contents, message) => {
    const file = join(dir, "bad.json");
    writeFileSync(file, contents);
    const { exitCode, stderr } = await runFakeX(["--config", file]);
    expect(exitCode).toBe(2);
    oneLine(stderr);
    expect(stderr).toContain(`fake-x: ${file}: ${message}`);
  });

  it("a missing config file is one line naming it", async () => {
    const { exitCode, stderr } = await runFakeX(["--config", join(dir, "missing.json")]);
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toBe(
      `fake-x: ${join(dir, "missing.json")}: cannot read the config file (ENOENT) (see twitter-oauth1 fake-x --help)`,
    );
  });

  it("--origin https://api.x.com accepts a request signed for X's host that arrives at the fake", async () => {
    const fakeX = await startFakeX(["--port", "0", "--origin", "https://api.x.com"]);
    try {
      expect(fakeX.output()).toContain(`for ${fakeX.baseUrl} or https://api.x.com`);
      const { authorization } = await signRequest(
        { method: "POST", url: "https://api.x.com/oauth/request_token" },
        { consumerKey: fakeX.consumerKey, consumerSecret: fakeX.consumerSecret },
        { callback: "oob" },
      );
      const response = await fetch(`${fakeX.baseUrl}/oauth/request_token`, {
        method: "POST",
        headers: { authorization },
      });
      expect(response.status).toBe(200);
    } finally {
      await fakeX.stop();
    }
  });

  it("an injected drop closes the connection without an answer; the server carries on", async () => {
    const fakeX = await startFakeX();
    try {
      await fetch(`${fakeX.baseUrl}/_fake/fail`, { method: "POST", body: new URLSearchParams({ drop: "true" }) });
      await expect(fetch(`${fakeX.baseUrl}/oauth/request_token`, { method: "POST" })).rejects.toThrow(TypeError);
      expect((await requestToken(fakeX.baseUrl, fakeX.consumerKey, fakeX.consumerSecret)).status).toBe(200);
    } finally {
      await fakeX.stop();
    }
  });

  it("a 2 MB body is refused with 413 in the endpoint's format: JSON on the token endpoint, X's errors on 1.0a", async () => {
    const fakeX = await startFakeX();
    try {
      const big = "x=".padEnd(2 * 1024 * 1024, "y");
      const form = { "content-type": "application/x-www-form-urlencoded" };
      const token = await fetch(`${fakeX.baseUrl}/2/oauth2/token`, { method: "POST", headers: form, body: big });
      expect(token.status).toBe(413);
      expect(((await token.json()) as { error: string }).error).toBe("invalid_request");
      const v1 = await fetch(`${fakeX.baseUrl}/oauth/request_token`, { method: "POST", headers: form, body: big });
      expect(v1.status).toBe(413);
      expect(((await v1.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(215);
    } finally {
      await fakeX.stop();
    }
  });
});

// The same file under Deno and Bun (their node:http and node:util); the npm: specifier cannot
// resolve before publishing, so the built file is run directly. Deno and Bun come from the
// sub-package test/runtimes, installed from its lockfile on first use.
describe.each([
  ["Deno", [runtimeBin("deno"), "run", "-A", CLI]],
  ["Bun", [runtimeBin("bun"), CLI]],
])("fake-x under %s", (_, command) => {
  beforeAll(() => {
    const problem = ensureRuntimes();
    if (problem) throw new Error(problem);
  }, 660_000);
  it("prints its credentials, serves a sign-in and stops on SIGINT with exit 0", async () => {
    const fakeX = await startFakeX(["--port", "0"], command);
    try {
      expect((await requestToken(fakeX.baseUrl, fakeX.consumerKey, fakeX.consumerSecret)).status).toBe(200);
    } finally {
      const { exitCode, output } = await fakeX.stop();
      expect(exitCode).toBe(0);
      expect(output).toContain("Fake X stopped.");
    }
  });
});
