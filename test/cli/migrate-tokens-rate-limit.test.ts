// The job under X's rate limit (10,000 exchanges per 15 minutes per app and source IP) and outages:
// a 429 waits until x-rate-limit-reset, a 503 backs off, and every user still ends migrated.
// docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { control } from "./fake-x-process.js";
import { clientSecret, fakeWithUsers, runMigrate } from "./migrate-tokens-process.js";

const dir = mkdtempSync(join(tmpdir(), "migrate-rate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("rides out 429s (until x-rate-limit-reset) and 503s (backoff): every user migrated, exit 0", async () => {
  const { fakeX, input, users } = await fakeWithUsers(dir, 40);
  try {
    const output = join(dir, "oauth2.jsonl");
    await control(fakeX.baseUrl, "fail", { status: "429", path: "/2/oauth2/token", times: "6", resetSeconds: "1" });
    await control(fakeX.baseUrl, "fail", { status: "503", path: "/2/oauth2/token", times: "4" });
    const run = await runMigrate(["--input", input, "--output", output, "--base-url", fakeX.baseUrl]);
    expect(run.exitCode).toBe(0);
    const lines = readFileSync(output, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(run.stderr).toContain(
      "40 migrated, 0 failed for good, 0 left for a rerun, 0 recorded before; 10 retries (6 rate limited)",
    );
    for (const u of users) expect(run.stderr).not.toContain(u.tokenSecret);
    expect(run.stderr).not.toContain(clientSecret);
  } finally {
    await fakeX.stop();
  }
}, 120_000);
