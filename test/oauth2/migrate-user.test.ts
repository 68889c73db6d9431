// migrateUser sorts each answer of X's token-exchange grant into record, retry or halt, as
// docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange lists them.
import { describe, expect, it } from "vitest";
import { backoffMs, BACKOFF_CAP_MS, RATE_LIMIT_WAIT_CAP_MS } from "../../src/oauth2/migrate-backoff.js";
import type { TokenExchanger } from "../../src/oauth2/migrate-types.js";
import type { OAuth2Tokens } from "../../src/oauth2/types.js";
import { migrateUser } from "../../src/oauth2/migrate-user.js";
import { TwitterOAuthError, type TwitterOAuthErrorOptions } from "../../src/common/errors.js";

const user = { id: "user-1", token: "1-oauth1-token", tokenSecret: "oauth1-token-secret" };
const tokens: OAuth2Tokens = {
  accessToken: "oauth2-access",
  refreshToken: "oauth2-refresh",
  expiresAt: 1_800_000_007_200,
  scopes: ["tweet.read", "users.read", "offline.access"],
};

/** A client whose exchange answers with `answer` and counts its calls. */
function exchanger(answer: () => Promise<OAuth2Tokens>): TokenExchanger & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    exchangeOAuth1Token(...args) {
      calls.push(args);
      return answer();
    },
  };
}

/** X's token-endpoint failure as the OAuth 2.0 client reports it. */
function httpError(status: number, oauthError: string | undefined, options: TwitterOAuthErrorOptions = {}) {
  const error = new TwitterOAuthError("HTTP_ERROR", `X answered ${status} ${oauthError ?? ""}`, {
    status,
    endpoint: "POST /2/oauth2/token",
    oauthError,
    ...options,
  });
  return error;
}

const fixed = { now: () => 1_000_000, random: () => 0.5 };

describe("migrateUser", () => {
  it("sends the 1.0a token and secret with the scopes and signal, and returns the line to record", async () => {
    const client = exchanger(async () => tokens);
    const signal = new AbortController().signal;
    const outcome = await migrateUser(client, user, { scopes: ["tweet.read"], signal });
    expect(client.calls).toEqual([
      [
        { token: user.token, tokenSecret: user.tokenSecret },
        { scopes: ["tweet.read"], signal },
      ],
    ]);
    expect(outcome).toEqual({
      status: "migrated",
      line: {
        id: "user-1",
        accessToken: "oauth2-access",
        refreshToken: "oauth2-refresh",
        expiresAt: 1_800_000_007_200,
        scopes: ["tweet.read", "users.read", "offline.access"],
      },
    });
  });

  it.each([
    [400, "invalid_grant"],
    [400, "invalid_scope"],
    [400, "invalid_request"],
  ])("%i %s is a permanent failure line with X's error: do not retry", async (status, oauthError) => {
    const outcome = await migrateUser(
      exchanger(() => Promise.reject(httpError(status, oauthError))),
      user,
    );
    expect(outcome).toEqual({
      status: "failed",
      line: { id: "user-1", error: oauthError, message: `X answered ${status} ${oauthError}` },
    });
  });

  it("a 4xx without an OAuth error is recorded as http_<status>", async () => {
    const outcome = await migrateUser(
      exchanger(() => Promise.reject(httpError(404, undefined))),
      user,
    );
    expect(outcome).toMatchObject({ status: "failed", line: { id: "user-1", error: "http_404" } });
  });

  it("429 waits until x-rate-limit-reset plus at most a second of jitter, and says it was the rate limit", async () => {
    const reset = new Date(1_000_000 + 90_000);
    const error = httpError(429, "rate_limited", { rateLimit: { limit: 10_000, remaining: 0, reset } });
    const outcome = await migrateUser(
      exchanger(() => Promise.reject(error)),
      user,
      fixed,
    );
    expect(outcome).toEqual({
      status: "retry",
      retryAfterMs: 90_500,
      rateLimited: true,
      reason: "429 rate_limited: X's exchange rate limit",
    });
  });

  it("429 with a reset hours away waits no longer than one window and a minute", async () => {
    const reset = new Date(1_000_000 + 5 * 3_600_000);
    const error = httpError(429, "rate_limited", { rateLimit: { limit: 10_000, remaining: 0, reset } });
    const outcome = await migrateUser(
      exchanger(() => Promise.reject(error)),
      user,
      fixed,
    );
    expect(outcome).toMatchObject({ status: "retry", retryAfterMs: RATE_LIMIT_WAIT_CAP_MS });
    expect(RATE_LIMIT_WAIT_CAP_MS).toBe(16 * 60 * 1000);
  });

  it("429 without a reset (or one in the past) backs off instead of retrying at once", async () => {
    const past = httpError(429, "rate_limited", { rateLimit: { limit: 1, remaining: 0, reset: new Date(0) } });
    for (const error of [httpError(429, undefined), past]) {
      const outcome = await migrateUser(
        exchanger(() => Promise.reject(error)),
        user,
        { ...fixed, attempt: 2 },
      );
      // attempt 2: a 4 s step, half fixed and half jitter.
      expect(outcome).toMatchObject({ status: "retry", rateLimited: true, retryAfterMs: 3_000 });
    }
  });

  it.each([
    ["503 temporarily_unavailable", () => httpError(503, "temporarily_unavailable")],
    ["500", () => httpError(500, undefined)],
    ["a network failure", () => new TwitterOAuthError("NETWORK_ERROR", "fetch failed")],
    ["a timeout", () => new TwitterOAuthError("TIMEOUT", "no answer in 10 s")],
    ["a 2xx without a pair", () => new TwitterOAuthError("INVALID_RESPONSE", "no access_token")],
  ])("%s is retried after a backoff that doubles with the attempt", async (_, make) => {
    const waits: number[] = [];
    for (const attempt of [0, 1, 2, 3]) {
      const outcome = await migrateUser(
        exchanger(() => Promise.reject(make())),
        user,
        { ...fixed, attempt },
      );
      expect(outcome.status).toBe("retry");
      if (outcome.status === "retry") {
        expect(outcome.rateLimited).toBe(false);
        waits.push(outcome.retryAfterMs);
      }
    }
    expect(waits).toEqual([750, 1_500, 3_000, 6_000]);
  });

  it.each([
    [401, undefined],
    [400, "invalid_client"],
    [400, "unauthorized_client"],
  ])("%i %s halts: every user would fail the same way, so nothing is recorded", async (status, oauthError) => {
    const outcome = await migrateUser(
      exchanger(() => Promise.reject(httpError(status, oauthError))),
      user,
    );
    expect(outcome.status).toBe("halt");
  });

  it("rejects with the signal's reason when the caller aborts, instead of asking for a retry", async () => {
    const controller = new AbortController();
    const reason = new Error("stopping");
    const client = exchanger(() => {
      controller.abort(reason);
      return Promise.reject(new TwitterOAuthError("NETWORK_ERROR", "aborted"));
    });
    await expect(migrateUser(client, user, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("passes on an error that is not the package's", async () => {
    const bug = new RangeError("bug");
    await expect(
      migrateUser(
        exchanger(() => Promise.reject(bug)),
        user,
      ),
    ).rejects.toBe(bug);
  });

  it.each(["id", "token", "tokenSecret"] as const)("a missing or empty %s is a TypeError naming it", async (field) => {
    const client = exchanger(async () => tokens);
    await expect(migrateUser(client, { ...user, [field]: "" })).rejects.toThrow(
      new TypeError(`user.${field} must be a non-empty string`),
    );
    expect(client.calls).toHaveLength(0);
  });

  it("no outcome carries the 1.0a token or secret", async () => {
    const failures = [httpError(400, "invalid_grant"), httpError(429, "rate_limited"), httpError(401, undefined)];
    for (const error of failures) {
      const text = JSON.stringify(
        await migrateUser(
          exchanger(() => Promise.reject(error)),
          user,
        ),
      );
      expect(text).not.toContain(user.token);
      expect(text).not.toContain(user.tokenSecret);
    }
  });
});

describe("backoffMs", () => {
  it("never passes the cap and never drops to zero, whatever the jitter", () => {
    for (const attempt of [0, 5, 10, 60, 1_000]) {
      for (const r of [0, 0.999, Number.NaN]) {
        const wait = backoffMs(attempt, () => r);
        expect(wait).toBeGreaterThanOrEqual(500);
        expect(wait).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      }
    }
    expect(backoffMs(1_000, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
