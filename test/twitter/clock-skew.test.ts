// RFC 5849 3.3 lets X reject a stale oauth_timestamp (401 code 135); the client then learns X's
// clock from the Date header of that 401 and retries once. What it learns is bounded, so that no
// answer (a hostile proxy, a broken Date, another host) can put it into a state where it signs
// with a negative or absurd timestamp.
import fc from "fast-check";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { TwitterOAuth } from "../../src/index.js";
import { failure } from "./failure.js";
import { docsClient, useStandIn } from "./x-stand-in.js";

const x = useStandIn();

const REQUEST_TOKEN_URL = "https://api.x.com/oauth/request_token";
const DAY_MS = 24 * 3600 * 1000;
// The client's clock, pinned (its documented `now` option): every offset and timestamp below is
// then exact, and nothing depends on how long a request takes.
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

function client(extra: Parameters<typeof docsClient>[0] = {}): TwitterOAuth {
  return docsClient({ callbackUrl: "https://example.com/callback", now: () => NOW, ...extra });
}

function stampOf(request: Request): string {
  return /oauth_timestamp="([^"]*)"/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
}

describe("X clock skew (code 135, Date header)", () => {
  const skewMs = 3 * 3600 * 1000;

  it("retries once with the offset from Date, and later requests keep it", async () => {
    const stamps: number[] = [];
    const xNow = (): number => NOW + skewMs;
    x.server.use(
      http.post(REQUEST_TOKEN_URL, ({ request }) => {
        const stamp = Number(/oauth_timestamp="(\d+)"/.exec(request.headers.get("authorization") ?? "")![1]);
        const nonce = /oauth_nonce="([^"]+)"/.exec(request.headers.get("authorization") ?? "")![1]!;
        stamps.push(stamp);
        nonces.push(nonce);
        const date = new Date(xNow()).toUTCString();
        if (Math.abs(stamp * 1000 - xNow()) > 300_000) {
          return HttpResponse.json(
            { errors: [{ code: 135, message: "Timestamp out of bounds." }] },
            { status: 401, headers: { date } },
          );
        }
        return new HttpResponse("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true", {
          headers: { date },
        });
      }),
    );
    const nonces: string[] = [];
    const c = client();
    await expect(c.getRequestToken()).resolves.toMatchObject({ token: "a" });
    expect(stamps).toHaveLength(2);
    expect(stamps).toEqual([NOW / 1000, (NOW + skewMs) / 1000]);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(c.clockOffset).toBe(skewMs);
    await c.getRequestToken();
    expect(stamps).toHaveLength(3);
  });

  it("a 401 whose Date is more than 60 s off is retried even without code 135", async () => {
    let calls = 0;
    x.server.use(
      http.post(REQUEST_TOKEN_URL, () => {
        calls++;
        const date = new Date(NOW - 10 * 60_000).toUTCString();
        if (calls === 1)
          return HttpResponse.json(
            { errors: [{ code: 32, message: "Could not authenticate you." }] },
            { status: 401, headers: { date } },
          );
        return new HttpResponse("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true", {
          headers: { date },
        });
      }),
    );
    await client().getRequestToken();
    expect(calls).toBe(2);
  });

  it("retries only once: a second 135 is an HTTP_ERROR, not a loop", async () => {
    let calls = 0;
    x.server.use(
      http.post(REQUEST_TOKEN_URL, () => {
        calls++;
        const date = new Date(NOW + (calls * 1000 + 1) * 60_000).toUTCString();
        return HttpResponse.json(
          { errors: [{ code: 135, message: "Timestamp out of bounds." }] },
          { status: 401, headers: { date } },
        );
      }),
    );
    const error = await failure(client().getRequestToken());
    expect(error.errors[0]!.code).toBe(135);
    expect(calls).toBe(2);
  });

  it("a 401 code 32 with a correct Date is not retried", async () => {
    let calls = 0;
    x.server.use(
      http.post(REQUEST_TOKEN_URL, () => {
        calls++;
        return HttpResponse.json(
          { errors: [{ code: 32, message: "Could not authenticate you." }] },
          { status: 401, headers: { date: new Date(NOW).toUTCString() } },
        );
      }),
    );
    await failure(client().getRequestToken());
    expect(calls).toBe(1);
  });
});

describe("what the client learns from Date is bounded", () => {
  /** request_token answers 401 code 135 with `date` first, then 200; records the timestamps sent. */
  function skewOnce(date: string): string[] {
    const stamps: string[] = [];
    x.server.use(
      http.post(REQUEST_TOKEN_URL, ({ request }) => {
        stamps.push(stampOf(request));
        if (stamps.length === 1) {
          return HttpResponse.json(
            { errors: [{ code: 135, message: "Timestamp out of bounds." }] },
            { status: 401, headers: { date } },
          );
        }
        return new HttpResponse("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true");
      }),
    );
    return stamps;
  }

  it.each([
    ["01 Jan 1900", "Mon, 01 Jan 1900 00:00:00 GMT"],
    ["31 Dec 9999", "Fri, 31 Dec 9999 23:59:59 GMT"],
    ["25 hours ahead", new Date(NOW + DAY_MS + 3600_000).toUTCString()],
    ["25 hours behind", new Date(NOW - DAY_MS - 3600_000).toUTCString()],
  ])("a Date of %s is ignored: no offset, no retry, and later calls still work", async (_name, date) => {
    const stamps = skewOnce(date);
    const c = client();
    const error = await failure(c.getRequestToken());
    expect(error.errors[0]!.code).toBe(135);
    expect(c.clockOffset).toBe(0);
    expect(stamps).toHaveLength(1);
    await expect(c.getRequestToken()).resolves.toMatchObject({ token: "a" });
    expect(stamps[1]).toBe(String(NOW / 1000));
  });

  it("a Date 23 hours ahead is within the bound: learnt, and the retry succeeds", async () => {
    const stamps = skewOnce(new Date(NOW + 23 * 3600_000).toUTCString());
    const c = client();
    await expect(c.getRequestToken()).resolves.toMatchObject({ token: "a" });
    expect(c.clockOffset).toBe(23 * 3600_000);
    expect(stamps).toHaveLength(2);
  });

  it("only a 401 teaches the clock: a 200 or a 403 with a Date a day off changes nothing", async () => {
    const date = new Date(NOW + 12 * 3600_000).toUTCString();
    const c = client();
    x.server.use(
      http.get("https://api.x.com/2/users/me", () => HttpResponse.json({ data: {} }, { headers: { date } })),
      http.get("https://api.x.com/2/tweets", () =>
        HttpResponse.json(
          { errors: [{ code: 135, message: "Timestamp out of bounds." }] },
          { status: 403, headers: { date } },
        ),
      ),
    );
    await c.fetch("/2/users/me", { token: { token: "t", tokenSecret: "s" } });
    await c.fetch("/2/tweets", { token: { token: "t", tokenSecret: "s" } });
    expect(c.clockOffset).toBe(0);
  });

  it("only the baseUrl origin teaches the clock: a 401 code 135 from an allowed other origin does not", async () => {
    const date = new Date(NOW + 12 * 3600_000).toUTCString();
    let calls = 0;
    x.server.use(
      http.post("https://upload.twitter.com/1.1/media/upload.json", () => {
        calls++;
        return HttpResponse.json(
          { errors: [{ code: 135, message: "Timestamp out of bounds." }] },
          { status: 401, headers: { date } },
        );
      }),
    );
    const c = client({ allowedOrigins: ["https://upload.twitter.com"] });
    const response = await c.fetch("https://upload.twitter.com/1.1/media/upload.json", {
      method: "POST",
      token: { token: "t", tokenSecret: "s" },
    });
    expect(response.status).toBe(401);
    expect(calls).toBe(1);
    expect(c.clockOffset).toBe(0);
  });

  // 60 runs of two requests each through msw (about 50 ms per run here with other test
  // suites running; the seed is fixed, so the same 60 Dates every time). The ceiling is generous so
  // that a machine whose cores are all busy finishes it too; it bounds a hang, it measures nothing.
  it("property: whatever Date a 401 code 135 carries, every later oauth_timestamp is a whole, positive number within a day of the client's clock", {
    timeout: 180_000,
  }, async () => {
    const dates = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }).map((ms) => new Date(NOW + ms).toUTCString()),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(dates, async (date) => {
        const stamps = skewOnce(date);
        const c = client();
        await c.getRequestToken().catch(() => undefined);
        await c.getRequestToken().catch(() => undefined);
        expect(stamps.length).toBeGreaterThanOrEqual(2);
        for (const stamp of stamps) {
          expect(stamp).toMatch(/^[1-9]\d*$/);
          expect(Math.abs(Number(stamp) * 1000 - NOW)).toBeLessThanOrEqual(DAY_MS);
        }
      }),
      { seed: 5849, numRuns: 60 },
    );
  });
});
