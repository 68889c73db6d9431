// X API "Rate limits" (docs.x.com/fundamentals/rate-limits): every answer carries
// x-rate-limit-limit, x-rate-limit-remaining and x-rate-limit-reset (Unix epoch seconds), and a
// 429 says {"errors":[{"code":88,"message":"Rate limit exceeded"}]}.
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { TwitterOAuth } from "../../src/index.js";
import { failure } from "./failure.js";
import { docsClient, useStandIn } from "./x-stand-in.js";

const x = useStandIn();
const URL_ = "https://api.x.com/1.1/account/verify_credentials.json";
const NOW_MS = 1_705_420_000_000;
const pair = { token: "t", tokenSecret: "s" };

function client(): TwitterOAuth {
  return docsClient({ now: () => NOW_MS });
}

function answer(
  status: number,
  headers: Record<string, string>,
  body: Parameters<typeof HttpResponse.json>[0] = { errors: [{ code: 88, message: "Rate limit exceeded" }] },
): void {
  x.server.use(http.get(URL_, () => HttpResponse.json(body, { status, headers })));
}

describe("HTTP_ERROR carries X's rate-limit headers as rateLimit", () => {
  it("X's documented example: 900 / 847 / 1705420800", async () => {
    answer(429, { "x-rate-limit-limit": "900", "x-rate-limit-remaining": "847", "x-rate-limit-reset": "1705420800" });
    const error = await failure(client().verifyCredentials(pair));
    expect(error.rateLimit).toEqual({ limit: 900, remaining: 847, reset: new Date(1_705_420_800_000) });
    expect(JSON.parse(JSON.stringify(error)).rateLimit).toEqual({
      limit: 900,
      remaining: 847,
      reset: "2024-01-16T16:00:00.000Z",
    });
  });

  it("a 429 code 88 says when to retry: in seconds from now and as an ISO time", async () => {
    answer(429, { "x-rate-limit-limit": "15", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1705420800" });
    const error = await failure(client().verifyCredentials(pair));
    expect(error.errors[0]!.code).toBe(88);
    expect(error.message).toMatch(/retry in 800 s, at 2024-01-16T16:00:00\.000Z/);
  });

  it("a 429 without the headers still says to wait, without a time", async () => {
    answer(429, {});
    const error = await failure(client().verifyCredentials(pair));
    expect(error.rateLimit).toBeUndefined();
    expect(error.message).toMatch(/rate limit/i);
    expect(error.message).not.toMatch(/retry in/);
  });

  it("a reset already past says to retry now", async () => {
    answer(429, { "x-rate-limit-limit": "15", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1705419000" });
    expect((await failure(client().verifyCredentials(pair))).message).toMatch(/retry in 0 s/);
  });

  it("other errors carry it too (a 401 with the headers)", async () => {
    answer(
      401,
      { "x-rate-limit-limit": "75", "x-rate-limit-remaining": "74", "x-rate-limit-reset": "1705420800" },
      {
        errors: [{ code: 89, message: "Invalid or expired token." }],
      },
    );
    expect((await failure(client().verifyCredentials(pair))).rateLimit?.remaining).toBe(74);
  });

  it.each([
    ["absent", {}],
    ["one missing", { "x-rate-limit-limit": "900", "x-rate-limit-remaining": "847" }],
    [
      "not a number",
      { "x-rate-limit-limit": "900", "x-rate-limit-remaining": "lots", "x-rate-limit-reset": "1705420800" },
    ],
    ["negative", { "x-rate-limit-limit": "900", "x-rate-limit-remaining": "-1", "x-rate-limit-reset": "1705420800" }],
    [
      "fractional",
      { "x-rate-limit-limit": "900.5", "x-rate-limit-remaining": "1", "x-rate-limit-reset": "1705420800" },
    ],
    [
      "a date, not epoch seconds",
      {
        "x-rate-limit-limit": "900",
        "x-rate-limit-remaining": "1",
        "x-rate-limit-reset": "Tue, 16 Jan 2024 16:00:00 GMT",
      },
    ],
    [
      "a reset beyond any Date",
      { "x-rate-limit-limit": "900", "x-rate-limit-remaining": "1", "x-rate-limit-reset": "9".repeat(30) },
    ],
    ["empty", { "x-rate-limit-limit": "", "x-rate-limit-remaining": "", "x-rate-limit-reset": "" }],
  ])("%s headers leave rateLimit undefined", async (_name, headers) => {
    answer(429, headers as Record<string, string>);
    expect((await failure(client().verifyCredentials(pair))).rateLimit).toBeUndefined();
  });
});
