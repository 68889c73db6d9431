import { describe, expect, it } from "vitest";
import { createFakeTwitter, type FakeUser } from "../../src/testing/index.js";
import { ORIGIN, send, signIn, xErrors } from "./helpers.js";

const NO_EMAIL: FakeUser = { id: "12", screenName: "jack", name: "jack", password: "hunter2" };

describe("GET /1.1/account/verify_credentials.json (X API reference)", () => {
  it("answers a v1.1 user object: id as a bare 64-bit number, id_str as a string", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await send(fake, "GET", "/1.1/account/verify_credentials.json", user);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-access-level")).toBe("read-write");
    const text = await response.text();
    // X writes the id as digits; JSON.parse would round 1450000000000000001, which is why id_str exists.
    expect(text).toContain('"id":1450000000000000001,');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body.id_str).toBe("1450000000000000001");
    expect(body.screen_name).toBe("fake_user");
    expect(body.name).toBe("Fake User");
    expect(body.created_at).toBe("Fri Jan 01 00:00:00 +0000 2021");
    expect("email" in body).toBe(false);
  });

  it("X API reference: email only with include_email=true", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const body = (await (
      await send(fake, "GET", "/1.1/account/verify_credentials.json?include_email=true", user)
    ).json()) as Record<string, unknown>;
    expect(body.email).toBe("fake_user@example.com");
  });

  it("X API reference: email is null when the user has none", async () => {
    const fake = createFakeTwitter({ users: [NO_EMAIL] });
    const user = await signIn(fake);
    const body = (await (
      await send(fake, "GET", "/1.1/account/verify_credentials.json?include_email=true", user)
    ).json()) as Record<string, unknown>;
    expect(body.email).toBeNull();
    expect(body.id).toBe(12);
  });

  it("without oauth_token it is 400 code 215", async () => {
    const response = await send(createFakeTwitter(), "GET", "/1.1/account/verify_credentials.json", {});
    expect(response.status).toBe(400);
    expect((await xErrors(response))[0]!.code).toBe(215);
  });

  it("an unknown access token is 401 code 89", async () => {
    const response = await send(createFakeTwitter(), "GET", "/1.1/account/verify_credentials.json", {
      token: "1-abc",
      tokenSecret: "s",
    });
    expect(response.status).toBe(401);
    expect(await xErrors(response)).toEqual([{ code: 89, message: "Invalid or expired token." }]);
  });

  it("a request token is not an access token (401 code 89)", async () => {
    const fake = createFakeTwitter();
    const form = new URLSearchParams(
      await (await send(fake, "POST", "/oauth/request_token", {}, { callback: "oob" })).text(),
    );
    const response = await send(fake, "GET", "/1.1/account/verify_credentials.json", {
      token: form.get("oauth_token")!,
      tokenSecret: form.get("oauth_token_secret")!,
    });
    expect((await xErrors(response))[0]!.code).toBe(89);
  });

  it("signed with the wrong token secret is 401 code 32", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await send(fake, "GET", "/1.1/account/verify_credentials.json", {
      token: user.token,
      tokenSecret: "wrong",
    });
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("a query parameter changed after signing is 401 code 32", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const { signRequest } = await import("../../src/oauth1/index.js");
    const url = `${ORIGIN}/1.1/account/verify_credentials.json?include_email=false`;
    const signed = await signRequest(
      { method: "GET", url },
      { consumerKey: "fake-consumer-key", consumerSecret: "fake-consumer-secret-0123456789abcdef", ...user },
    );
    const response = await fake.fetch(
      new Request(url.replace("false", "true"), { headers: { authorization: signed.authorization } }),
    );
    expect((await xErrors(response))[0]!.code).toBe(32);
  });
});

describe("POST /1.1/oauth/invalidate_token (X API reference)", () => {
  it('answers {"access_token":"…"}, and the token is 401 code 89 afterwards', async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await send(fake, "POST", "/1.1/oauth/invalidate_token", user);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: user.token });
    const after = await send(fake, "GET", "/1.1/account/verify_credentials.json", user);
    expect(after.status).toBe(401);
    expect(await xErrors(after)).toEqual([{ code: 89, message: "Invalid or expired token." }]);
  });

  it("the .json path of X's curl example works too", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    expect((await send(fake, "POST", "/1.1/oauth/invalidate_token.json", user)).status).toBe(200);
  });

  it("revoke() acts as if the user removed the app; signing in again issues a new token", async () => {
    const fake = createFakeTwitter();
    const first = await signIn(fake);
    expect((await signIn(fake)).token).toBe(first.token); // X hands the same token back until it is revoked
    fake.revoke(first.token);
    expect((await xErrors(await send(fake, "GET", "/2/users/me", first)))[0]!.code).toBe(89);
    const second = await signIn(fake);
    expect(second.token).not.toBe(first.token);
    expect((await send(fake, "GET", "/2/users/me", second)).status).toBe(200);
  });
});

describe("ordinary signed API calls", () => {
  it("X docs, Creating a signature: POST statuses/update with the documented status text", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    // The wire body of X's example, lowercase escapes and all (X docs, Creating a signature).
    const body = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21";
    const response = await send(fake, "POST", "/1.1/statuses/update.json?include_entities=true", user, { body });
    expect(response.status).toBe(200);
    const tweet = (await response.json()) as {
      text: string;
      id_str: string;
      user: { screen_name: string; statuses_count: number };
    };
    expect(tweet.text).toBe("Hello Ladies + Gentlemen, a signed OAuth request!");
    expect(tweet.id_str).toMatch(/^[0-9]{15,20}$/);
    expect(tweet.user.screen_name).toBe("fake_user");
    expect(tweet.user.statuses_count).toBe(1);
  });

  it("a body changed after signing is 401 code 32", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const { signRequest } = await import("../../src/oauth1/index.js");
    const url = `${ORIGIN}/1.1/statuses/update.json`;
    const signed = await signRequest(
      { method: "POST", url, body: "status=hello" },
      { consumerKey: "fake-consumer-key", consumerSecret: "fake-consumer-secret-0123456789abcdef", ...user },
    );
    const response = await fake.fetch(
      new Request(url, {
        method: "POST",
        body: "status=hellO",
        headers: { authorization: signed.authorization, "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("X error table: a missing status is 403 code 170", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    expect((await xErrors(await send(fake, "POST", "/1.1/statuses/update.json", user, { body: "x=1" })))[0]!.code).toBe(
      170,
    );
  });

  it("GET /2/users/me answers data.id as a string", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await send(fake, "GET", "/2/users/me", user);
    expect(await response.json()).toEqual({
      data: { id: "1450000000000000001", name: "Fake User", username: "fake_user" },
    });
  });

  it("RFC 5849 3.4.1.3.1: POST /2/tweets has a JSON body that is not signed", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await send(fake, "POST", "/2/tweets", user, { json: JSON.stringify({ text: "hello (world)!" }) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { data: { id: string; text: string; edit_history_tweet_ids: string[] } };
    expect(body.data.text).toBe("hello (world)!");
    expect(body.data.edit_history_tweet_ids).toEqual([body.data.id]);
    const bad = await send(fake, "POST", "/2/tweets", user, { json: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("X: an unknown path, or a known path with the wrong method, is 404 code 34", async () => {
    const fake = createFakeTwitter();
    for (const [method, path] of [
      ["GET", "/1.1/nothing.json"],
      ["GET", "/oauth/request_token"],
      ["DELETE", "/2/tweets"],
    ] as const) {
      const response = await fake.fetch(new Request(ORIGIN + path, { method }));
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await xErrors(response)).toEqual([{ code: 34, message: "Sorry, that page does not exist." }]);
    }
  });

  it("a read-only token gets 403 on writes", async () => {
    const fake = createFakeTwitter();
    const form = new URLSearchParams(
      await (await send(fake, "POST", "/oauth/request_token?x_auth_access_type=read", {}, { callback: "oob" })).text(),
    );
    const tokens = { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
    const pin = fake.approve(tokens.token);
    const access = new URLSearchParams(
      await (await send(fake, "POST", `/oauth/access_token?oauth_verifier=${pin}`, tokens)).text(),
    );
    const user = { token: access.get("oauth_token")!, tokenSecret: access.get("oauth_token_secret")! };
    const v1 = await send(fake, "POST", "/1.1/statuses/update.json", user, { body: "status=hi" });
    expect(v1.status).toBe(403);
    expect((await xErrors(v1))[0]!.code).toBe(261);
    expect((await send(fake, "POST", "/2/tweets", user, { json: '{"text":"hi"}' })).status).toBe(403);
  });
});

describe("X API v2 without credentials", () => {
  it.each([
    ["GET", "/2/users/me", {}],
    ["POST", "/2/tweets", { authorization: "Bearer not-oauth1" }],
  ])("%s %s answers v2's 401 problem JSON, not v1.1's 400 code 215", async (method, path, headers) => {
    const response = await createFakeTwitter().fetch(new Request(ORIGIN + path, { method, headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
  });

  it("v1.1 without credentials stays 400 code 215", async () => {
    const response = await createFakeTwitter().fetch(new Request(`${ORIGIN}/1.1/account/verify_credentials.json`));
    expect(response.status).toBe(400);
    expect((await xErrors(response))[0]!.code).toBe(215);
  });
});
