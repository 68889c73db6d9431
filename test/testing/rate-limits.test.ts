import { describe, expect, it } from "vitest";
import { createFakeTwitter } from "../../src/testing/index.js";
import { fakeOn, manualClock, send, signIn, xErrors } from "./helpers.js";

// X API "Rate limits": per-user limits in 15-minute windows, reported on every answer.
describe("X's rate limits", () => {
  it.each([
    ["GET", "/1.1/account/verify_credentials.json", 75, 900],
    ["GET", "/2/users/me", 75, 900],
  ])(
    "%s %s: x-rate-limit-limit %i, remaining counts down, reset at the window's end",
    async (method, path, limit, window) => {
      const clock = manualClock();
      const fake = fakeOn(clock);
      const user = await signIn(fake);
      const start = clock.now() / 1000;
      for (const remaining of [limit - 1, limit - 2]) {
        const response = await send(fake, method, path, user);
        expect(response.headers.get("x-rate-limit-limit")).toBe(String(limit));
        expect(response.headers.get("x-rate-limit-remaining")).toBe(String(remaining));
        expect(response.headers.get("x-rate-limit-reset")).toBe(String(start + window));
      }
    },
  );

  it("POST /2/tweets: 100 per 15 minutes; POST /1.1/statuses/update.json: 300 per 3 hours", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const tweet = await send(fake, "POST", "/2/tweets", user, { json: JSON.stringify({ text: "hi" }) });
    expect(tweet.headers.get("x-rate-limit-limit")).toBe("100");
    const status = await send(fake, "POST", "/1.1/statuses/update.json", user, { body: "status=hi" });
    expect(status.headers.get("x-rate-limit-limit")).toBe("300");
  });

  it("the 76th call in the window is 429 code 88 with remaining 0; the next window starts afresh", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock, { timestampWindowSeconds: 3600 });
    const user = await signIn(fake);
    const signed = { timestamp: clock.now() / 1000 };
    for (let i = 0; i < 75; i++) expect((await send(fake, "GET", "/2/users/me", user, signed)).status).toBe(200);
    const limited = await send(fake, "GET", "/2/users/me", user, signed);
    expect(limited.status).toBe(429);
    expect(await xErrors(limited)).toEqual([{ code: 88, message: "Rate limit exceeded." }]);
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    // Other endpoints and other users have their own windows.
    expect((await send(fake, "GET", "/1.1/account/verify_credentials.json", user, signed)).status).toBe(200);
    clock.advance(900_000);
    const next = await send(fake, "GET", "/2/users/me", user, { timestamp: clock.now() / 1000 });
    expect(next.status).toBe(200);
    expect(next.headers.get("x-rate-limit-remaining")).toBe("74");
  });

  it("a request that fails authentication is not counted and carries no rate-limit headers", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const bad = await send(fake, "GET", "/2/users/me", { ...user, tokenSecret: "wrong" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("x-rate-limit-limit")).toBeNull();
    expect((await send(fake, "GET", "/2/users/me", user)).headers.get("x-rate-limit-remaining")).toBe("74");
  });
});
