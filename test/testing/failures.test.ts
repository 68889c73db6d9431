import { describe, expect, it, vi } from "vitest";
import { createFakeTwitter, type FailOptions } from "../../src/testing/index.js";
import { ORIGIN, fakeOn, manualClock, requestToken, send, signIn, xErrors } from "./helpers.js";

const VERIFY = "/1.1/account/verify_credentials.json";
/** Every path the fake serves, the only ones a failure can match. */
const ENDPOINTS = [
  "/oauth/request_token",
  "/oauth/access_token",
  "/oauth/authenticate",
  "/oauth/authorize",
  "/1.1/account/verify_credentials.json",
  "/1.1/oauth/invalidate_token",
  "/1.1/oauth/invalidate_token.json",
  "/1.1/statuses/update.json",
  "/2/users/me",
  "/2/tweets",
  "/2/oauth2/token",
  "/2/oauth2/revoke",
  "/i/oauth2/authorize",
].join(", ");

describe("fake.fail(): the next matching answer fails as X does", () => {
  // X's v1.1 error table (X API "Response codes and errors"): code, status and message.
  it.each([
    [{ code: 32 }, 401, 32, "Could not authenticate you."],
    [{ code: 89 }, 401, 89, "Invalid or expired token."],
    [{ code: 135 }, 401, 135, "Timestamp out of bounds."],
    [{ code: 415 }, 403, 415, "Callback URL not approved for this client application."],
    [{ code: 417 }, 401, 417, "Desktop applications only support the oauth_callback value 'oob'"],
    [{ code: 88 }, 429, 88, "Rate limit exceeded."],
    [{ status: 401 }, 401, 32, "Could not authenticate you."],
    [{ status: 429 }, 429, 88, "Rate limit exceeded."],
    [{ status: 403, code: 261, message: "read-only" }, 403, 261, "read-only"],
  ] as Array<[FailOptions, number, number, string]>)(
    "%o answers %i code %i",
    async (options, status, code, message) => {
      const clock = manualClock();
      const fake = fakeOn(clock);
      const user = await signIn(fake);
      fake.fail(options);
      const response = await send(fake, "GET", VERIFY, user, {});
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const [error] = await xErrors(response);
      expect(error!.code).toBe(code);
      expect(error!.message.startsWith(message)).toBe(true);
      if (status === 401)
        expect(response.headers.get("www-authenticate")).toBe(`OAuth realm="${ORIGIN}", api_error_code=${code}`);
      // Only the next one: the call after it succeeds.
      expect((await send(fake, "GET", VERIFY, user, {})).status).toBe(200);
    },
  );

  it("code 135 carries a Date two minutes ahead (dateSkewSeconds changes it); the others carry the fake's clock", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock);
    const user = await signIn(fake);
    const date = async (options: FailOptions): Promise<number> => {
      fake.fail(options);
      return Date.parse((await send(fake, "GET", VERIFY, user)).headers.get("date")!) - clock.now();
    };
    expect(await date({ code: 135 })).toBe(120_000);
    expect(await date({ code: 135, dateSkewSeconds: -3600 })).toBe(-3_600_000);
    expect(await date({ code: 32 })).toBe(0);
  });

  it("429 carries x-rate-limit-limit (the endpoint's), -remaining 0 and -reset at the window's end", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock);
    const user = await signIn(fake);
    fake.fail({ code: 88, path: "/2/users/me" });
    const response = await send(fake, "GET", "/2/users/me", user);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-rate-limit-limit")).toBe("75");
    expect(response.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(response.headers.get("x-rate-limit-reset")).toBe(String(clock.now() / 1000 + 900));
  });

  it("a 5xx without a code is an HTML page", async () => {
    const fake = createFakeTwitter();
    fake.fail({ status: 503 });
    const response = await send(fake, "POST", "/oauth/request_token", {}, { callback: "oob" });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("<h1>X is over capacity.</h1>");
  });

  it("path picks the endpoint; times counts the failures; failures queue in order", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    fake.fail({ code: 89, path: "/2/users/me", times: 2 });
    fake.fail({ code: 32, path: "/2/users/me" });
    expect((await send(fake, "GET", VERIFY, user)).status).toBe(200);
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await send(fake, "GET", "/2/users/me", user);
      answers.push(response.status === 200 ? 200 : (await xErrors(response))[0]!.code);
    }
    expect(answers).toEqual([89, 89, 32, 200]);
  });

  it("without a path, a failure is for the API and token endpoints, not the sign-in pages", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    fake.fail({ code: 88 });
    const page = await fake.fetch(new Request(`${ORIGIN}/oauth/authenticate?oauth_token=${tokens.token}`));
    expect(page.status).toBe(200);
    expect((await send(fake, "POST", "/oauth/request_token", {}, { callback: "oob" })).status).toBe(429);
  });

  it("a failure is taken before the request is checked: no nonce or token is used up", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock);
    const user = await signIn(fake);
    fake.fail({ code: 32 });
    const options = { nonce: "same-nonce-twice", timestamp: clock.now() / 1000 };
    expect((await send(fake, "GET", VERIFY, user, options)).status).toBe(401);
    expect((await send(fake, "GET", VERIFY, user, options)).status).toBe(200);
  });

  it("delayMs alone delays the normal answer", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    fake.fail({ delayMs: 150, path: VERIFY });
    // The delay is read on a clock the test moves (timers faked), not on the machine's.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let answered = false;
      const answer = send(fake, "GET", VERIFY, user).finally(() => {
        answered = true;
      });
      const settle = () => new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < 100 && vi.getTimerCount() === 0; i++) await settle();
      expect(vi.getTimerCount()).toBe(1); // the delay, and nothing else, is waiting
      await vi.advanceTimersByTimeAsync(149);
      for (let i = 0; i < 10; i++) await settle();
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await answer).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a delay ends early when the caller aborts, which rejects as fetch does", async () => {
    const fake = createFakeTwitter();
    fake.fail({ delayMs: 60_000, code: 32 });
    const controller = new AbortController();
    const answer = fake.fetch(
      new Request(`${ORIGIN}/oauth/request_token`, { method: "POST", signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 20);
    // As fetch does, the answer is the abort.
    await expect(answer).rejects.toMatchObject({ name: "AbortError" });
  });

  it("drop answers Response.error(), the Fetch standard's network error", async () => {
    const fake = createFakeTwitter();
    fake.fail({ drop: true });
    const response = await fake.fetch(new Request(`${ORIGIN}/oauth/request_token`, { method: "POST" }));
    expect(response.type).toBe("error");
    expect(response.status).toBe(0);
  });

  it.each([
    [{}, "give a status, a code, delayMs or drop"],
    [{ status: 200 }, "status must be an integer from 400 to 599"],
    [{ code: 88, times: 0 }, "times must be an integer from 1 to 1000"],
    [{ delayMs: 60_001 }, "delayMs must be an integer from 0 to 60000"],
    [{ code: 12345 }, "code 12345 is not in X's error table; give its status too"],
    [{ status: 409 }, "status 409 has no X error code by default; give a code"],
    [{ drop: true, code: 32 }, "drop answers nothing, so it takes no status or code"],
    [{ code: 32, path: "users/me" }, `path "users/me" is not an endpoint of the fake; use one of: ${ENDPOINTS}`],
    [
      { code: 32, path: "/_fake/reset" },
      `path "/_fake/reset" is not an endpoint of the fake; use one of: ${ENDPOINTS}`,
    ],
    // A typo used to be queued and never fire, so the test that relied on it passed for the wrong reason.
    [{ code: 32, path: "/2/user/me" }, `path "/2/user/me" is not an endpoint of the fake; use one of: ${ENDPOINTS}`],
    [{ code: 32, path: "/" }, `path "/" is not an endpoint of the fake; use one of: ${ENDPOINTS}`],
    [
      { code: 32, path: "/2/users/me?x=1" },
      `path "/2/users/me?x=1" is not an endpoint of the fake; use one of: ${ENDPOINTS}`,
    ],
  ] as Array<[FailOptions, string]>)("%o is a TypeError: %s", (options, message) => {
    expect(() => createFakeTwitter().fail(options)).toThrow(new TypeError(`fail: ${message}`).message);
  });
});

it("at most 1000 failures wait at once; reset() clears them", () => {
  const fake = createFakeTwitter();
  for (let i = 0; i < 1000; i++) fake.fail({ code: 32 });
  expect(() => fake.fail({ code: 32 })).toThrow("fail: 1000 failures are already waiting; reset() clears them");
  fake.reset();
  expect(() => fake.fail({ code: 32 })).not.toThrow();
});

describe("POST /_fake/fail: the same over HTTP", () => {
  it("takes snake_case fields and answers 204; the next call fails", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const body = new URLSearchParams({ status: "429", code: "88", path: "/2/users/me", times: "2" });
    const response = await fake.fetch(
      new Request(`${ORIGIN}/_fake/fail`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      }),
    );
    expect(response.status).toBe(204);
    expect((await send(fake, "GET", "/2/users/me", user)).status).toBe(429);
    expect((await send(fake, "GET", "/2/users/me", user)).status).toBe(429);
    expect((await send(fake, "GET", "/2/users/me", user)).status).toBe(200);
  });

  it.each([
    [{ status: "abc" }, "/_fake/fail: status must be an integer."],
    [{ delay_ms: "999999" }, "/_fake/fail: delay_ms must be an integer from 0 to 60000."],
    [{ drop: "maybe" }, "/_fake/fail: drop must be true or false."],
    [{}, "/_fake/fail: give a status, a code, delay_ms or drop."],
    [
      { code: 32, path: "/2/user/me" },
      `/_fake/fail: path "/2/user/me" is not an endpoint of the fake; use one of: ${ENDPOINTS}.`,
    ],
  ])("%o is 400: %s", async (fields, message) => {
    const response = await createFakeTwitter().fetch(
      new Request(`${ORIGIN}/_fake/fail`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fields),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(message);
  });
});
