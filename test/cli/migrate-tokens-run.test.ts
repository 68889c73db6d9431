// The migration job's engine against a scripted exchange: what it records, when it waits, when it
// stops. The clock is virtual: waits advance it, so nothing here depends on wall time.
import { describe, expect, it } from "vitest";
import type { MigrationLine, TokenExchanger } from "../../src/oauth2/migrate-types.js";
import type { OAuth2Tokens } from "../../src/oauth2/types.js";
import { MAX_ATTEMPTS, runMigration } from "../../src/cli/migrate-tokens-run.js";
import { TwitterOAuthError } from "../../src/common/errors.js";

const list = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `u${i}`, token: `t${i}`, tokenSecret: `s${i}` }));
async function* users(n: number) {
  yield* list(n);
}

function tokensFor(token: string): OAuth2Tokens {
  return { accessToken: `a-${token}`, refreshToken: `r-${token}`, expiresAt: 7_200_000, scopes: ["offline.access"] };
}

function httpError(status: number, oauthError: string, reset?: number): TwitterOAuthError {
  const error = new TwitterOAuthError("HTTP_ERROR", `X answered ${status} ${oauthError}`, {
    status,
    oauthError,
    ...(reset !== undefined && { rateLimit: { limit: 5, remaining: 0, reset: new Date(reset) } }),
  });
  return error;
}

/** A virtual clock; `wait` advances it (and yields, so other workers run). */
function clock() {
  let time = 1_000_000;
  return {
    now: () => time,
    wait: async (ms: number, signal: AbortSignal) => {
      await Promise.resolve();
      if (signal.aborted) throw signal.reason;
      time += ms;
    },
  };
}

async function run(
  client: TokenExchanger,
  n: number,
  extra: { concurrency?: number; signal?: AbortSignal; c?: ReturnType<typeof clock> } = {},
) {
  const lines: MigrationLine[] = [];
  const c = extra.c ?? clock();
  const result = await runMigration({
    client,
    users: users(n),
    record: async (line) => {
      lines.push(line);
    },
    concurrency: extra.concurrency ?? 4,
    signal: extra.signal ?? new AbortController().signal,
    now: c.now,
    wait: c.wait,
  });
  return { result, lines };
}

describe("runMigration", () => {
  it("records one line per user, with at most `concurrency` exchanges in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const client: TokenExchanger = {
      async exchangeOAuth1Token(pair) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        return tokensFor(pair.token);
      },
    };
    const { result, lines } = await run(client, 50, { concurrency: 3 });
    expect(most).toBe(3);
    expect(result.counts).toMatchObject({ migrated: 50, failed: 0, leftOver: 0 });
    expect(lines.map((l) => l.id).sort()).toEqual(
      list(50)
        .map((u) => u.id)
        .sort(),
    );
    expect(lines.find((l) => l.id === "u7")).toEqual({ id: "u7", ...tokensFor("t7") });
  });

  it("records a permanent failure and goes on", async () => {
    const client: TokenExchanger = {
      async exchangeOAuth1Token(pair) {
        if (pair.token === "t2") throw httpError(400, "invalid_grant");
        return tokensFor(pair.token);
      },
    };
    const { result, lines } = await run(client, 5);
    expect(result.counts).toMatchObject({ migrated: 4, failed: 1 });
    expect(lines.find((l) => l.id === "u2")).toEqual({
      id: "u2",
      error: "invalid_grant",
      message: "X answered 400 invalid_grant",
    });
  });

  it("a 429 pauses every worker until X's reset: no exchange is sent before it", async () => {
    const c = clock();
    const reset = c.now() + 60_000;
    const sentAt: number[] = [];
    let limited = false;
    const client: TokenExchanger = {
      async exchangeOAuth1Token(pair) {
        sentAt.push(c.now());
        if (!limited && pair.token === "t3") {
          limited = true;
          throw httpError(429, "rate_limited", reset);
        }
        await Promise.resolve();
        return tokensFor(pair.token);
      },
    };
    const { result, lines } = await run(client, 20, { concurrency: 4, c });
    expect(result.counts).toMatchObject({ migrated: 20, rateLimited: 1, retries: 1 });
    expect(lines).toHaveLength(20);
    // After the 429, the workers already past the gate finish; every later exchange waits for the reset.
    expect(sentAt.filter((t) => t > 1_000_000 && t < reset)).toEqual([]);
    expect(sentAt.filter((t) => t >= reset).length).toBeGreaterThan(0);
  });

  it(`a user X keeps answering 503 is tried ${MAX_ATTEMPTS} times, then left unrecorded for a rerun`, async () => {
    let calls = 0;
    const client: TokenExchanger = {
      async exchangeOAuth1Token() {
        calls++;
        throw httpError(503, "temporarily_unavailable");
      },
    };
    const { result, lines } = await run(client, 1);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(lines).toEqual([]);
    expect(result.counts).toMatchObject({ leftOver: 1, retries: MAX_ATTEMPTS });
    expect(result.lastLeftOverReason).toContain("503");
  });

  it("a 503 then a success records the user once", async () => {
    const seen = new Map<string, number>();
    const client: TokenExchanger = {
      async exchangeOAuth1Token(pair) {
        const n = (seen.get(pair.token) ?? 0) + 1;
        seen.set(pair.token, n);
        if (n < 3) throw httpError(503, "temporarily_unavailable");
        return tokensFor(pair.token);
      },
    };
    const { result, lines } = await run(client, 10);
    expect(result.counts).toMatchObject({ migrated: 10, retries: 20, leftOver: 0 });
    expect(new Set(lines.map((l) => l.id)).size).toBe(10);
  });

  it("invalid_client halts the whole job at once and records nothing for that user", async () => {
    let calls = 0;
    const client: TokenExchanger = {
      async exchangeOAuth1Token() {
        calls++;
        throw httpError(401, "invalid_client");
      },
    };
    const { result, lines } = await run(client, 100, { concurrency: 2 });
    expect(result.halted).toContain("invalid_client");
    expect(lines).toEqual([]);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it("the caller's signal stops it: no new exchange, and what X answered is still recorded", async () => {
    const controller = new AbortController();
    let calls = 0;
    const client: TokenExchanger = {
      async exchangeOAuth1Token(pair) {
        calls++;
        if (calls === 5) controller.abort(new Error("SIGINT"));
        return tokensFor(pair.token);
      },
    };
    const { result, lines } = await run(client, 100, { concurrency: 1, signal: controller.signal });
    expect(result.interrupted).toBe(true);
    expect(calls).toBe(5);
    expect(lines).toHaveLength(5);
  });

  it("a failed write stops the job and rejects with the write's error", async () => {
    const client: TokenExchanger = { exchangeOAuth1Token: async (pair) => tokensFor(pair.token) };
    const full = new Error("ENOSPC: no space left on device");
    const c = clock();
    await expect(
      runMigration({
        client,
        users: users(10),
        record: () => Promise.reject(full),
        concurrency: 2,
        signal: new AbortController().signal,
        now: c.now,
        wait: c.wait,
      }),
    ).rejects.toBe(full);
  });
});
