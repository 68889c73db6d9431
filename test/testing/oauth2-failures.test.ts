// Injected failures (POST /_fake/fail, fake.fail) on the OAuth 2.0 endpoints answer as X's token
// endpoint does: {"error","error_description"} with its statuses and x-rate-limit-* headers.
import { describe, expect, it } from "vitest";
import { createFakeTwitter } from "../../src/testing/index.js";
import { ORIGIN, manualClock, send, signIn } from "./helpers.js";
import { exchangeOAuth1, post } from "./oauth2-helpers.js";

function failOverHttp(fake: ReturnType<typeof createFakeTwitter>, fields: Record<string, string>) {
  return fake.fetch(new Request(`${ORIGIN}/_fake/fail`, { method: "POST", body: new URLSearchParams(fields) }));
}

describe("injected failures on /2/oauth2/token", () => {
  it("429 rate_limited, remaining 0, reset at the end of the app's 15-minute window by default", async () => {
    const clock = manualClock(Math.floor(Date.now() / 1000) * 1000);
    const fake = createFakeTwitter({ now: clock.now });
    const user = await signIn(fake);
    await exchangeOAuth1(fake, user); // opens the app's window now
    clock.advance(60_000);
    expect((await failOverHttp(fake, { status: "429", path: "/2/oauth2/token" })).status).toBe(204);
    const answer = await exchangeOAuth1(fake, user);
    expect(answer.status).toBe(429);
    expect(answer.body.error).toBe("rate_limited");
    expect(answer.headers.get("x-rate-limit-limit")).toBe("10000");
    expect(answer.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(answer.headers.get("x-rate-limit-reset")).toBe(String((clock.now() - 60_000) / 1000 + 900));
    expect((await exchangeOAuth1(fake, user)).status).toBe(200);
  });

  it("resetSeconds sets the reset, so a test need not wait a window out", async () => {
    const clock = manualClock(Math.floor(Date.now() / 1000) * 1000);
    const fake = createFakeTwitter({ now: clock.now });
    const user = await signIn(fake);
    await failOverHttp(fake, { status: "429", resetSeconds: "2" });
    const answer = await exchangeOAuth1(fake, user);
    expect(answer.headers.get("x-rate-limit-reset")).toBe(String(clock.now() / 1000 + 2));
  });

  it("503 is temporarily_unavailable; times counts; an error given as code or error is answered as is", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    await failOverHttp(fake, { status: "503", times: "2" });
    await failOverHttp(fake, { code: "invalid_grant", path: "/2/oauth2/token" });
    fake.fail({ error: "unauthorized_client", path: "/2/oauth2/revoke" });
    for (const _ of [1, 2]) {
      const answer = await exchangeOAuth1(fake, user);
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe("temporarily_unavailable");
      expect(typeof answer.body.error_description).toBe("string");
    }
    const grant = await exchangeOAuth1(fake, user);
    expect([grant.status, grant.body.error]).toEqual([400, "invalid_grant"]);
    const revoke = await post(fake, "/2/oauth2/revoke", { token: "x" });
    expect(revoke.status).toBe(400);
    expect(((await revoke.json()) as { error: string }).error).toBe("unauthorized_client");
    expect((await exchangeOAuth1(fake, user)).status).toBe(200);
  });

  it("an unknown error without a status is refused with a message naming it", async () => {
    const fake = createFakeTwitter();
    expect(() => fake.fail({ error: "made_up" })).toThrow("give its status too");
    const answer = await failOverHttp(fake, { error: "Not An Error" });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("error must be an OAuth 2.0 error");
  });
});

describe("resetSeconds on the 1.0a endpoints", () => {
  it("an injected 429 code 88 reports x-rate-limit-reset resetSeconds from the fake's clock", async () => {
    const clock = manualClock(Math.floor(Date.now() / 1000) * 1000);
    const fake = createFakeTwitter({ now: clock.now });
    const user = await signIn(fake);
    fake.fail({ code: 88, path: "/2/users/me", resetSeconds: 5 });
    const answer = await send(fake, "GET", "/2/users/me", user);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("x-rate-limit-reset")).toBe(String(clock.now() / 1000 + 5));
  });
});
