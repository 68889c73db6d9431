// The migration job's files: the input checked whole, the output read back and repaired after a
// kill, written owner-only and flushed per line, and the lock that keeps a second job off it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors.js";
import { checkInput, usersToMigrate } from "../../src/cli/migrate-tokens-input.js";
import { takeLock } from "../../src/cli/migrate-tokens-lock.js";
import { openOutput, readRecorded } from "../../src/cli/migrate-tokens-output.js";

const dir = mkdtempSync(join(tmpdir(), "migrate-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text?: string): string => {
  const path = join(dir, `f${n++}`);
  if (text !== undefined) writeFileSync(path, text);
  return path;
};
const line = (id: string) => `${JSON.stringify({ id, token: `tok-${id}`, tokenSecret: `sec-${id}` })}\n`;

describe("the input", () => {
  it("is checked whole: each bad line and duplicate id named with its line number, never its token", async () => {
    const path = file(
      [
        line("a"),
        "not json\n",
        "\n",
        '{"id":"b","token":"tok-b"}\n',
        "[1,2]\n",
        line("a"),
        '{"id":"c","token":"","tokenSecret":"sec-c"}\n',
        line("d").trimEnd(),
      ].join(""),
    );
    const check = await checkInput(path, undefined);
    expect(check).toEqual({
      users: 2,
      inShard: 2,
      problemCount: 5,
      problems: [
        "line 2: not JSON",
        'line 4: "tokenSecret" missing or not a non-empty string',
        "line 5: not a JSON object",
        'line 6: duplicate id "a" (first on line 1)',
        'line 7: "token" missing or not a non-empty string',
      ],
    });
    expect(JSON.stringify(check)).not.toContain("tok-");
  });

  it("lists 20 problems and counts the rest", async () => {
    const check = await checkInput(file("x\n".repeat(1_000)), undefined);
    expect(check.problems).toHaveLength(20);
    expect(check.problemCount).toBe(1_000);
  });

  it("refuses a line past 64 KiB without reading it whole", async () => {
    const check = await checkInput(file(line("a") + "x".repeat(200_000)), undefined);
    expect(check.problems).toEqual(["line 2: longer than 65536 bytes"]);
  });

  it("accepts CRLF line ends and yields the users in order, less those already recorded", async () => {
    const path = file(line("a").replace("\n", "\r\n") + line("b") + line("c"));
    expect((await checkInput(path, undefined)).problemCount).toBe(0);
    const ids: string[] = [];
    for await (const user of usersToMigrate(path, undefined, new Set(["b"]))) ids.push(user.id);
    expect(ids).toEqual(["a", "c"]);
  });
});

describe("the output", () => {
  it("does not exist yet: nothing recorded", async () => {
    expect(await readRecorded(join(dir, "absent.jsonl"))).toEqual({
      ids: new Set(),
      failedIds: new Set(),
      repairedBytes: 0,
    });
  });

  it("is created 0600 and holds one JSON line per record, flushed before record() resolves", async () => {
    const path = file();
    const output = await openOutput(path);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        output.record({ id: `u${i}`, accessToken: "a", refreshToken: "r", expiresAt: 1, scopes: ["x"] }),
      ),
    );
    await output.record({ id: "bad", error: "invalid_grant", message: "revoked" });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(51);
    expect(JSON.parse(lines[50]!)).toEqual({ id: "bad", error: "invalid_grant", message: "revoked" });
    expect(output.written()).toBe(51);
    // Lines that arrive during a flush share the next one.
    expect(output.flushes()).toBeLessThan(51);
    await output.close();
    const recorded = await readRecorded(path);
    expect(recorded.ids.size).toBe(51);
    expect(recorded.failedIds).toEqual(new Set(["bad"]));
  });

  it("an existing output is made owner-only too", async () => {
    const path = file("");
    spawnSync("chmod", ["644", path]);
    await (await openOutput(path)).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("a torn last line (a kill mid-write) is cut off, and its user is not counted as recorded", async () => {
    const good = `${JSON.stringify({ id: "a", accessToken: "x", expiresAt: 1, scopes: [] })}\n`;
    const torn = '{"id":"b","accessTo';
    const path = file(good + torn);
    const recorded = await readRecorded(path);
    expect([...recorded.ids]).toEqual(["a"]);
    expect(recorded.repairedBytes).toBe(torn.length);
    expect(readFileSync(path, "utf8")).toBe(good);
  });

  it("a complete line that is not a result line stops the job rather than guess", async () => {
    const path = file(`${JSON.stringify({ id: "a", accessToken: "x" })}\nhello\n`);
    await expect(readRecorded(path)).rejects.toThrow(CliError);
    await expect(readRecorded(path)).rejects.toThrow("line 2 is not a result line");
  });
});

describe("the lock beside the output", () => {
  it("is a file holding the pid, removed on release", () => {
    const output = file();
    const lock = takeLock(output);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
    expect(lock.takenOverFrom).toBeUndefined();
    lock.release();
    expect(existsSync(`${output}.lock`)).toBe(false);
  });

  it("held by a running process, refuses with a usage error naming the pid", () => {
    const output = file();
    writeFileSync(`${output}.lock`, `${process.ppid}\n`);
    let error: unknown;
    try {
      takeLock(output);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).usage).toBe(true);
    expect((error as CliError).message).toContain(`another migrate-tokens job (pid ${process.ppid}) is writing`);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.ppid}\n`);
  });

  it("held by a process that no longer runs, is taken over and says from whom", () => {
    const output = file();
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(`${output}.lock`, `${dead}\n`);
    const lock = takeLock(output);
    expect(lock.takenOverFrom).toBe(dead);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  });
});
