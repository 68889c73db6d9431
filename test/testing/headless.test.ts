import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer, defaultUser, type FakeUser } from "../../src/testing/index.js";
import { CALLBACK, exchange, manualClock, requestToken, send } from "./helpers.js";

const ALICE: FakeUser = { id: "783214", screenName: "Alice", name: "Alice A.", password: "pw-alice" };

describe("headless helpers", () => {
  it("approve() returns the callback URL with oauth_token and oauth_verifier", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const url = new URL(fake.approve(tokens.token));
    expect(url.origin + url.pathname).toBe(CALLBACK);
    expect([...url.searchParams.keys()]).toEqual(["oauth_token", "oauth_verifier"]);
    expect(url.searchParams.get("oauth_token")).toBe(tokens.token);
  });

  it("RFC 5849 2.2: parameters are appended to a callback's own query, before its fragment", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake, "https://app.example/cb?a=b%20c#top");
    const callback = fake.approve(tokens.token);
    expect(callback).toMatch(
      new RegExp(`^https://app\\.example/cb\\?a=b%20c&oauth_token=${tokens.token}&oauth_verifier=[A-Za-z0-9]+#top$`),
    );
  });

  it("approve() as another user: access_token answers that user", async () => {
    const fake = createFakeTwitter({ users: [defaultUser, ALICE] });
    const tokens = await requestToken(fake);
    const verifier = new URL(fake.approve(tokens.token, { screenName: "@alice" })).searchParams.get("oauth_verifier")!;
    const form = new URLSearchParams(await (await exchange(fake, tokens, verifier)).text());
    expect(form.get("user_id")).toBe("783214");
    expect(form.get("screen_name")).toBe("Alice");
  });

  it("approve() of an oob token returns the 7-digit PIN", async () => {
    const fake = createFakeTwitter();
    expect(fake.approve((await requestToken(fake, "oob")).token)).toMatch(/^[0-9]{7}$/);
  });

  it("deny() returns callback?denied=<token>", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    expect(fake.deny(tokens.token)).toBe(`${CALLBACK}?denied=${tokens.token}`);
  });

  it("approve() and deny() refuse tokens that are not pending, and unknown users, with a TypeError", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    expect(() => fake.approve(tokens.token, { screenName: "nobody" })).toThrow(/screenName "nobody"/);
    fake.approve(tokens.token);
    expect(() => fake.approve(tokens.token)).toThrow(TypeError);
    expect(() => fake.deny(tokens.token)).toThrow(TypeError);
    expect(() => fake.deny("unknown")).toThrow(/not a pending request token/);
  });

  it("the injectable clock expires request tokens (default 900 s, option requestTokenTtlSeconds)", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now, requestTokenTtlSeconds: 60 });
    const response = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: clock.now() / 1000 },
    );
    const token = new URLSearchParams(await response.text()).get("oauth_token")!;
    clock.advance(59_000);
    fake.deny(token); // still pending at 59 s
    const second = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: clock.now() / 1000 },
    );
    const other = new URLSearchParams(await second.text()).get("oauth_token")!;
    clock.advance(60_000);
    expect(() => fake.approve(other)).toThrow(TypeError);
  });

  it("users' ids, names and consumers come from the options; default consumer and user are the documented ones", () => {
    expect(defaultConsumer).toEqual({
      key: "fake-consumer-key",
      secret: "fake-consumer-secret-0123456789abcdef",
      name: "Fake App",
    });
    expect(defaultUser).toEqual({
      id: "1450000000000000001",
      screenName: "fake_user",
      name: "Fake User",
      email: "fake_user@example.com",
      password: "password",
    });
    expect(Object.isFrozen(defaultUser)).toBe(true);
  });

  it("malformed options are a TypeError naming the option", () => {
    expect(() => createFakeTwitter({ consumers: [] })).toThrow(/options\.consumers/);
    expect(() => createFakeTwitter({ consumers: [{ key: "", secret: "s" }] })).toThrow(/options\.consumers\[0\]\.key/);
    expect(() => createFakeTwitter({ users: [{ ...ALICE, id: "not-a-number" }] })).toThrow(/options\.users\[0\]\.id/);
    expect(() => createFakeTwitter({ timestampWindowSeconds: -1 })).toThrow(/timestampWindowSeconds/);
    expect(() => createFakeTwitter({ now: 5 as unknown as () => number })).toThrow(/options\.now/);
  });

  it("fetch() never throws, even on something that is not a Request", async () => {
    const fake = createFakeTwitter();
    const response = await fake.fetch("https://api.x.com/oauth/request_token" as unknown as Request);
    expect(response.status).toBe(400);
  });
});
