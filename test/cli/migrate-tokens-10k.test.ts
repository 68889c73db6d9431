// 10,000 users through the job while the fake X keeps answering 429 in bursts with a short
// x-rate-limit-reset, as a low limit would: every user ends migrated, each exactly once. The fake
// runs in this process (its users are signed in without HTTP, which is what takes time) and is
// served on a port to the job, which runs as users run it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { toNodeListener } from "../../src/common/node-listener.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { TwitterOAuth } from "../../src/twitter/index.js";
import { runMigrate } from "./migrate-tokens-process.js";

const dir = mkdtempSync(join(tmpdir(), "migrate-10k-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USERS = 10_000;

it("10,000 users under repeated 429s: every one migrated exactly once, exit 0", async () => {
  const fake = createFakeTwitter({
    users: Array.from({ length: USERS }, (_, i) => ({
      id: String(1_470_000_000_000_000_000n + BigInt(i)),
      screenName: `user${i}`,
      name: `User ${i}`,
      password: "password",
    })),
  });
  const x1 = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "oob",
    fetch: (input, init) => fake.fetch(new Request(input, init)),
  });
  const lines: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const requestToken = await x1.getRequestToken();
    const pin = fake.approve(requestToken.token, { screenName: `user${i}` });
    const access = await x1.exchangeVerifier(requestToken, pin);
    lines.push(`${JSON.stringify({ id: `app-user-${i}`, token: access.token, tokenSecret: access.tokenSecret })}\n`);
  }
  const input = join(dir, "users.jsonl");
  writeFileSync(input, lines.join(""));
  const server = createServer(toNodeListener(fake.fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Every 5 s, the next 8 exchanges answer 429 with a reset a second away.
  const limiter = setInterval(() => {
    fake.fail({ status: 429, path: "/2/oauth2/token", times: 8, resetSeconds: 1 });
  }, 5_000);
  try {
    const output = join(dir, "oauth2.jsonl");
    const run = await runMigrate(
      ["--input", input, "--output", output, "--base-url", baseUrl, "--concurrency", "8"],
      undefined,
      900_000,
    );
    expect(run.exitCode).toBe(0);
    const ids = readFileSync(output, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(USERS);
    expect(new Set(ids).size).toBe(USERS);
    const summary =
      /(\d+) migrated, 0 failed for good, 0 left for a rerun, 0 recorded before; \d+ retries \((\d+) rate limited\)/.exec(
        run.stderr,
      );
    expect(summary?.[1]).toBe(String(USERS));
    expect(Number(summary?.[2])).toBeGreaterThan(0);
    // The time and peak memory of the run, for the record.
    console.info(run.stderr.split("\n").find((l) => l.includes("failed for good")));
  } finally {
    clearInterval(limiter);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}, 1_200_000);
