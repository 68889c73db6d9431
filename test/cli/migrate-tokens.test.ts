// `twitter-oauth1 migrate-tokens` as users run it: the built command against the fake X command.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeXProcess } from "./fake-x-process.js";
import { control } from "./fake-x-process.js";
import { clientSecret, fakeWithUsers, type InputUser, jobEnv, me, runMigrate } from "./migrate-tokens-process.js";

const dir = mkdtempSync(join(tmpdir(), "migrate-tokens-"));
let fakeX: FakeXProcess;
let input: string;
let users: InputUser[];
let n = 0;
const outputPath = () => join(dir, `out-${n++}.jsonl`);

beforeAll(async () => {
  ({ fakeX, input, users } = await fakeWithUsers(dir, 40));
}, 120_000);
afterAll(async () => {
  await fakeX?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Line = {
  id: string;
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: number;
  scopes?: string[];
  error?: string;
  message?: string;
};
const linesOf = (path: string): Line[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Line);

/** Every secret a log line must not show: 1.0a tokens and secrets, the client secret, the issued pairs. */
function expectNoSecret(text: string, lines: readonly Line[] = []): void {
  for (const u of users) {
    expect(text).not.toContain(u.token);
    expect(text).not.toContain(u.tokenSecret);
  }
  expect(text).not.toContain(clientSecret);
  for (const line of lines) {
    if (line.accessToken) expect(text).not.toContain(line.accessToken);
    if (line.refreshToken) expect(text).not.toContain(line.refreshToken);
  }
}

const base = () => ["--input", input, "--base-url", fakeX.baseUrl];

describe("twitter-oauth1 migrate-tokens", () => {
  it("migrates every user: one line each, a pair that works for that user, a 0600 file, exit 0; a rerun has nothing to do", async () => {
    const output = outputPath();
    const run = await runMigrate([...base(), "--output", output, "--concurrency", "5"]);
    expect(run.stderr).toContain("40 users, 0 already recorded, 40 to exchange");
    expect(run.exitCode).toBe(0);
    const lines = linesOf(output);
    expect(lines.map((l) => l.id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(statSync(output).mode & 0o777).toBe(0o600);
    for (const line of lines) {
      const user = users.find((u) => u.id === line.id)!;
      expect(line.scopes).toContain("offline.access");
      expect(line.refreshToken).toEqual(expect.any(String));
      // A time in ms; its value (the clock at X's answer plus expires_in) is pinned by
      // test/oauth2/wire.test.ts, and the token working right now is the check below.
      expect(Number.isSafeInteger(line.expiresAt)).toBe(true);
      expect(await me(fakeX.baseUrl, line.accessToken!)).toEqual({ status: 200, id: user.xUserId });
    }
    expect(run.stderr).toContain("40 migrated, 0 failed for good");
    expectNoSecret(run.stdout + run.stderr, lines);
    expect(existsSync(`${output}.lock`)).toBe(false);

    const before = readFileSync(output, "utf8");
    const again = await runMigrate([...base(), "--output", output]);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain("40 users, 40 already recorded, 0 to exchange");
    expect(readFileSync(output, "utf8")).toBe(before);
  }, 120_000);

  it("bad input lines are reported with their line numbers, exit 2, before any exchange (no output, no lock)", async () => {
    const output = outputPath();
    const badInput = join(dir, "bad.jsonl");
    const good = (u: InputUser) => JSON.stringify({ id: u.id, token: u.token, tokenSecret: u.tokenSecret });
    writeFileSync(badInput, [good(users[0]!), "{oops", good(users[1]!), good(users[0]!), `{"id":"x"}`, ""].join("\n"));
    const run = await runMigrate(["--input", badInput, "--output", output, "--base-url", fakeX.baseUrl]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("line 2: not JSON");
    expect(run.stderr).toContain(`line 4: duplicate id "${users[0]!.id}" (first on line 1)`);
    expect(run.stderr).toContain('line 5: "token", "tokenSecret" missing or not a non-empty string');
    expect(run.stderr).toContain("3 bad input lines; nothing was exchanged");
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.lock`)).toBe(false);
    expectNoSecret(run.stderr);
  }, 60_000);

  it("refuses a second job on the same output: exit 2 naming the running job's pid, the output untouched", async () => {
    const output = outputPath();
    writeFileSync(`${output}.lock`, `${process.pid}\n`);
    const run = await runMigrate([...base(), "--output", output]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`another migrate-tokens job (pid ${process.pid}) is writing ${output}`);
    expect(existsSync(output)).toBe(false);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
  }, 60_000);

  it("X refusing the client (a wrong secret) stops the job with exit 2 and records no user", async () => {
    const output = outputPath();
    const run = await runMigrate([...base(), "--output", output], { ...jobEnv, X_CLIENT_SECRET: "wrong-secret" });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("X refused the client");
    expect(readFileSync(output, "utf8")).toBe("");
    expect(run.stderr).not.toContain("wrong-secret");
  }, 60_000);

  it.each([
    [[], "--input FILE is required"],
    [["--input", "x.jsonl"], "--output FILE is required"],
    [["--input", "x", "--output", "y", "--shard", "3/2"], '--shard takes K/N with 1 <= K <= N (e.g. 2/4), got "3/2"'],
    [["--input", "x", "--output", "y", "--concurrency", "0"], '--concurrency takes a number from 1 to 64, got "0"'],
    [["--input", "x", "--output", "y", "--bogus"], "unknown option --bogus"],
  ])("bad usage %j exits 2 with one line: %s", async (args, message) => {
    const run = await runMigrate(args);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe(`migrate-tokens: ${message} (see twitter-oauth1 migrate-tokens --help)`);
  });

  it("needs a client id: the flag or X_CLIENT_ID", async () => {
    const run = await runMigrate(["--input", input, "--output", outputPath()], {});
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--client-id ID is required (or set X_CLIENT_ID)");
  });

  it("--help prints the flags and exit codes, exit 0", async () => {
    const run = await runMigrate(["--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("--shard K/N");
    expect(run.stdout).toContain("Exit codes: 0 every user migrated");
  });

  it("--shard K/N: three jobs over one input record disjoint shares that cover it, each pair working", async () => {
    const outputs = [1, 2, 3].map(() => outputPath());
    const runs = await Promise.all(
      outputs.map((output, k) => runMigrate([...base(), "--output", output, "--shard", `${k + 1}/3`])),
    );
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0]);
    const shares = outputs.map((o) => linesOf(o).map((l) => l.id));
    for (const share of shares) expect(share.length).toBeGreaterThan(0);
    expect(shares.flat().sort()).toEqual(users.map((u) => u.id).sort());
    // Each user was exchanged once, by one job: its last pair is the one recorded, and it works.
    for (const line of outputs.flatMap(linesOf)) expect((await me(fakeX.baseUrl, line.accessToken!)).status).toBe(200);
  }, 120_000);

  it("a revoked 1.0a token is a failure line with X's invalid_grant, exit 1, and a rerun does not try it again", async () => {
    const output = outputPath();
    const revokedInput = join(dir, "revoked.jsonl");
    const some = users.slice(0, 3);
    writeFileSync(
      revokedInput,
      some.map((u) => `${JSON.stringify({ id: u.id, token: u.token, tokenSecret: u.tokenSecret })}\n`).join(""),
    );
    // A token secret that does not match is, to X, an invalid grant as well.
    const bad = { id: "wrong-secret", token: users[3]!.token, tokenSecret: "not-its-secret" };
    writeFileSync(revokedInput, `${JSON.stringify(bad)}\n`, { flag: "a" });
    await control(fakeX.baseUrl, "revoke", { oauth_token: some[1]!.token });
    const run = await runMigrate(["--input", revokedInput, "--output", output, "--base-url", fakeX.baseUrl]);
    expect(run.exitCode).toBe(1);
    const lines = linesOf(output);
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.id === some[1]!.id)).toMatchObject({
      error: "invalid_grant",
      message: expect.any(String),
    });
    expect(lines.find((l) => l.id === "wrong-secret")).toMatchObject({ error: "invalid_grant" });
    expect(run.stderr).toContain("2 users failed for good");
    expectNoSecret(run.stdout + run.stderr + lines.map((l) => l.message ?? "").join("\n"), lines);
    const again = await runMigrate(["--input", revokedInput, "--output", output, "--base-url", fakeX.baseUrl]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("0 to exchange");
    expect(linesOf(output)).toHaveLength(4);
  }, 60_000);
});
