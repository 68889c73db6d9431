// Kill the job at any moment and run it again: every user ends with exactly one recorded pair, that
// pair works, and every pair X issued that the job did not record is dead (X's exchange rotates:
// docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange).
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fakeWithUsers, me, recordingProxy, runMigrate, startMigrate } from "./migrate-tokens-process.js";

const dir = mkdtempSync(join(tmpdir(), "migrate-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USERS = 150;
const read = (path: string): string => (existsSync(path) ? readFileSync(path, "utf8") : "");
/** What survives a rerun's repair: everything up to the last newline. */
const whole = (text: string): string => text.slice(0, text.lastIndexOf("\n") + 1);
/** How many users a run has recorded so far: its whole lines. */
const recordedIn = (text: string): number => whole(text).split("\n").filter(Boolean).length;

it("SIGKILLed at random points and rerun, every user ends with one working recorded pair and the unrecorded ones are dead", async () => {
  const { fakeX, input, users } = await fakeWithUsers(dir, USERS);
  const proxy = await recordingProxy(fakeX.baseUrl);
  const output = join(dir, "oauth2.jsonl");
  const args = ["--input", input, "--output", output, "--base-url", proxy.url, "--concurrency", "8"];
  try {
    let killedMidRun = 0;
    let lockLeft = false;
    let before = "";
    for (let round = 0; round < 5 && killedMidRun < 3; round++) {
      const job = startMigrate(args);
      await job.waitFor(/to exchange|migrate-tokens: .*(error|refused)/, 60_000);
      // The previous job, killed while it ran, left its lock behind: this one takes it over.
      if (lockLeft) expect(job.output()).toMatch(/took over .*\.lock from pid [0-9]+, which no longer runs/);
      // A random point, counted in recorded users rather than in time (a fast machine would finish
      // the whole input within any fixed delay): after 1 to 40 more users, never the last one.
      const target = Math.min(recordedIn(read(output)) + 1 + Math.floor(Math.random() * 40), USERS - 1);
      await job.waitFor(() => (job.done() || recordedIn(read(output)) >= target ? true : undefined), 120_000);
      lockLeft = !job.done();
      await job.stop({ signal: "SIGKILL", graceMs: 0 });
      const after = read(output);
      // A recorded line is never lost: each run only appends.
      expect(after.startsWith(whole(before))).toBe(true);
      const lines = whole(after).split("\n").filter(Boolean).length;
      if (lines < USERS) killedMidRun++;
      before = after;
    }
    expect(killedMidRun).toBeGreaterThan(0);

    // A kill mid-write leaves a torn last line; the rerun cuts it off and exchanges that user again.
    const torn = `{"id":"${users[USERS - 1]!.id}","accessToken":"cut-sho`;
    if (read(output).endsWith("\n")) appendFileSync(output, torn);
    const last = await runMigrate(args);
    expect(last.stderr).toContain("cut off a torn last line");
    expect(last.exitCode).toBe(0);
    expect(read(output).startsWith(whole(before))).toBe(true);

    const lines = read(output)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; accessToken: string });
    // Exactly one line per user.
    expect(lines.map((l) => l.id).sort()).toEqual(users.map((u) => u.id).sort());
    const recorded = new Set(lines.map((l) => l.accessToken));
    for (const line of lines) {
      const user = users.find((u) => u.id === line.id)!;
      expect(await me(fakeX.baseUrl, line.accessToken)).toEqual({ status: 200, id: user.xUserId });
    }
    // Every pair X issued and the job did not record was rotated away by the rerun's exchange.
    const unrecorded = proxy.issued.filter((token) => !recorded.has(token));
    expect(proxy.issued.length).toBe(USERS + unrecorded.length);
    for (const token of unrecorded) expect((await me(fakeX.baseUrl, token)).status).toBe(401);
  } finally {
    await proxy.close();
    await fakeX.stop();
  }
}, 300_000);
