// Injected failures (POST /_fake/fail, fake.fail) on the OAuth 2.0 endpoints answer as X's token
// endpoint does: {"error","error_description"} with its statuses and x-rate-limit-* headers.
import { describe, expect, it } from "vitest";
import { createFakeTwitter } from "../../src/testing/index.js";
import { ORIGIN, fakeOn, manualClock, send, signIn } from "./helpers.js";
import { exchangeOAuth1, post } from "./oauth2-helpers.js";

function failOverHttp(fake: ReturnType<typeof createFakeTwitter>, fields: Record<string, string>) {
  return fake.fetch(new Request(`${ORIGIN}/_fake/fail`, { method: "POST", body: new URLSearchParams(fields) }));
}

describe("injected failures on /2/oauth2/token", () => {
  it("429 rate_limited, remaining 0, reset at the end of the app's 15-minute window by default", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock);
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
    const clock = manualClock();
    const fake = fakeOn(clock);
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
    const clock = manualClock();
    const fake = fakeOn(clock);
    const user = await signIn(fake);
    fake.fail({ code: 88, path: "/2/users/me", resetSeconds: 5 });
    const answer = await send(fake, "GET", "/2/users/me", user);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("x-rate-limit-reset")).toBe(String(clock.now() / 1000 + 5));
  });
});

describe("injected failures on X API v2 for a Bearer caller", () => {
  async function bearerToken(fake: ReturnType<typeof createFakeTwitter>): Promise<string> {
    const answer = await exchangeOAuth1(fake, await signIn(fake));
    return answer.body.access_token as string;
  }
  const usersMe = (fake: ReturnType<typeof createFakeTwitter>, accessToken: string): Promise<Response> =>
    fake.fetch(new Request(`${ORIGIN}/2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } }));

  it("answer v2's problem JSON (RFC 7807), not the 1.0a errors body, with or without a 1.0a code", async () => {
    const fake = createFakeTwitter();
    const accessToken = await bearerToken(fake);
    fake.fail({ path: "/2/users/me", status: 401, code: 89 });
    fake.fail({ path: "/2/users/me", status: 403, message: "Not allowed here." });
    const unauthorized = await usersMe(fake, accessToken);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await unauthorized.json()).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
    const forbidden = await usersMe(fake, accessToken);
    expect(await forbidden.json()).toEqual({
      title: "Forbidden",
      type: "about:blank",
      status: 403,
      detail: "Not allowed here.",
    });
    expect((await usersMe(fake, accessToken)).status).toBe(200);
  });

  it("a 429 carries the rate-limit headers; a 5xx without a code is X's edge page, whoever asks", async () => {
    const fake = createFakeTwitter();
    const accessToken = await bearerToken(fake);
    fake.fail({ path: "/2/users/me", status: 429, resetSeconds: 30 });
    fake.fail({ path: "/2/users/me", status: 503 });
    const limited = await usersMe(fake, accessToken);
    expect([limited.status, ((await limited.json()) as { title: string }).title]).toEqual([429, "Too Many Requests"]);
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    const down = await usersMe(fake, accessToken);
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("a 1.0a caller of the same path still gets the 1.0a errors body", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    fake.fail({ path: "/2/users/me", status: 401, code: 89 });
    const answer = await send(fake, "GET", "/2/users/me", user);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(89);
  });
});

describe("a body over the fake's 1 MiB limit is refused with 413 in the endpoint's own format", () => {
  const big = "x=".padEnd(1024 * 1024 + 10, "y");

  it("the token endpoint: an OAuth 2.0 error (RFC 6749 5.2) as JSON", async () => {
    const fake = createFakeTwitter();
    const answer = await post(fake, "/2/oauth2/token", { grant_type: "refresh_token", refresh_token: big });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await answer.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("a v2 endpoint with a Bearer token: problem JSON; a 1.0a endpoint: X's errors body with code 215", async () => {
    const fake = createFakeTwitter();
    const v2 = await fake.fetch(
      new Request(`${ORIGIN}/2/tweets`, { method: "POST", headers: { authorization: "Bearer t" }, body: big }),
    );
    expect([v2.status, ((await v2.json()) as { title: string }).title]).toEqual([413, "Payload Too Large"]);
    const v1 = await fake.fetch(new Request(`${ORIGIN}/oauth/request_token`, { method: "POST", body: big }));
    expect([v1.status, ((await v1.json()) as { errors: Array<{ code: number }> }).errors[0]!.code]).toEqual([413, 215]);
  });
});
