// POST /2/oauth2/token and /2/oauth2/revoke beyond the exchange: refresh rotation, client
// authentication (RFC 6749 2.3.1), the app's rate limit, expiry and revocation (RFC 7009).
import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultClient, defaultConsumer } from "../../src/testing/index.js";
import { fakeOn, manualClock, signIn } from "./helpers.js";
import { basic, exchangeOAuth1, me, post, refresh, token } from "./oauth2-helpers.js";

async function pair(fake: ReturnType<typeof createFakeTwitter>) {
  const answer = await exchangeOAuth1(fake, await signIn(fake));
  return { access: answer.body.access_token as string, refresh: answer.body.refresh_token as string };
}

describe("refresh_token grant", () => {
  it("returns a new pair; the refresh token used is spent (invalid_grant), the new one works", async () => {
    const fake = createFakeTwitter();
    const first = await pair(fake);
    const second = await refresh(fake, first.refresh);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh);
    expect(second.body.access_token).not.toBe(first.access);
    const reused = await refresh(fake, first.refresh);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
    expect((await refresh(fake, second.body.refresh_token as string)).status).toBe(200);
    expect((await me(fake, second.body.access_token as string)).status).toBe(200);
  });

  it("a refresh token of another client of the same app is invalid_grant", async () => {
    const fake = createFakeTwitter({
      clients: [{ ...defaultClient }, { clientId: "public-client", consumerKey: defaultConsumer.key }],
    });
    const { refresh: refreshToken } = await pair(fake);
    const answer = await refresh(fake, refreshToken, { id: "public-client" });
    expect(answer.body.error).toBe("invalid_grant");
  });
});

describe("client authentication", () => {
  it("a wrong secret, an unknown client or a malformed Basic header: 400 invalid_client", async () => {
    const fake = createFakeTwitter();
    const { refresh: refreshToken } = await pair(fake);
    const fields = { grant_type: "refresh_token", refresh_token: refreshToken };
    const wrong = await token(fake, fields, { id: defaultClient.clientId, secret: "wrong" });
    const unknown = await token(fake, fields, { id: "nobody", secret: "x" });
    const malformed = await post(fake, "/2/oauth2/token", fields, null, { authorization: "Basic !!!" });
    for (const answer of [wrong, unknown, { status: malformed.status, body: await malformed.json() }]) {
      expect(answer.status).toBe(400);
      expect((answer.body as { error: string }).error).toBe("invalid_client");
    }
    // The refresh token was not spent by the failed attempts.
    expect((await refresh(fake, refreshToken)).status).toBe(200);
  });

  it("a confidential client without Basic (client_id in the body) or with no credentials: unauthorized_client", async () => {
    const fake = createFakeTwitter();
    const fields = { grant_type: "refresh_token", refresh_token: "x" };
    expect((await token(fake, fields, { id: defaultClient.clientId })).body.error).toBe("unauthorized_client");
    expect((await token(fake, fields, null)).body.error).toBe("unauthorized_client");
  });

  it("decodes Basic as RFC 6749 2.3.1 says: form-urlencoded parts, so ':' and '+' in the secret survive", async () => {
    const secret = "s3cr:t+with space";
    const fake = createFakeTwitter({ clients: [{ ...defaultClient, clientSecret: secret }] });
    const user = await signIn(fake);
    const answer = await exchangeOAuth1(fake, user, {}, { id: defaultClient.clientId, secret });
    expect(answer.status).toBe(200);
    expect(basic("a b", "c:d")).toBe(`Basic ${btoa("a+b:c%3Ad")}`);
  });

  it("a public client sends client_id in the body, and a client secret in the body is refused", async () => {
    const fake = createFakeTwitter({ clients: [{ clientId: "public-client", consumerKey: defaultConsumer.key }] });
    const user = await signIn(fake);
    expect((await exchangeOAuth1(fake, user, {}, { id: "public-client" })).status).toBe(200);
    const withSecret = await exchangeOAuth1(fake, user, { client_secret: "x" }, { id: "public-client" });
    expect(withSecret.body.error).toBe("invalid_client");
  });

  it("an unknown grant_type is unsupported_grant_type; a parameter sent twice is invalid_request (RFC 6749 3.2)", async () => {
    const fake = createFakeTwitter();
    expect((await token(fake, { grant_type: "password" })).body.error).toBe("unsupported_grant_type");
    const twice = await fake.fetch(
      new Request("https://api.x.com/2/oauth2/token", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: basic(defaultClient.clientId, defaultClient.clientSecret!),
        },
        body: "grant_type=refresh_token&refresh_token=a&refresh_token=b",
      }),
    );
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as { error: string }).error).toBe("invalid_request");
  });
});

describe("the token endpoint's rate limit: 10,000 per 15 minutes per app", () => {
  it("every answer carries x-rate-limit-limit, -remaining and -reset; the 10,001st is 429 rate_limited", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now });
    const fields = { grant_type: "refresh_token", refresh_token: "unknown" };
    const first = await token(fake, fields);
    expect(first.status).toBe(400);
    expect(first.headers.get("x-rate-limit-limit")).toBe("10000");
    expect(first.headers.get("x-rate-limit-remaining")).toBe("9999");
    expect(first.headers.get("x-rate-limit-reset")).toBe(String(clock.now() / 1000 + 900));
    // The cheapest counted request: the client's Basic credentials and no body (invalid_request).
    const headers = { authorization: basic(defaultClient.clientId, defaultClient.clientSecret!) };
    for (let i = 2; i <= 10_000; i++) {
      await fake.fetch(new Request("https://api.x.com/2/oauth2/token", { method: "POST", headers }));
    }
    const over = await token(fake, fields);
    expect(over.status).toBe(429);
    expect(over.body.error).toBe("rate_limited");
    expect(over.headers.get("x-rate-limit-remaining")).toBe("0");
    clock.advance(900_000);
    const next = await token(fake, fields);
    expect(next.status).toBe(400);
    expect(next.headers.get("x-rate-limit-remaining")).toBe("9999");
  });

  it("the window is the app's: another app's client has its own", async () => {
    const other = { key: "other-app", secret: "other-secret" };
    const fake = createFakeTwitter({
      consumers: [defaultConsumer, other],
      clients: [{ ...defaultClient }, { clientId: "other-client", clientSecret: "other", consumerKey: other.key }],
    });
    const fields = { grant_type: "refresh_token", refresh_token: "unknown" };
    await token(fake, fields);
    const mine = await token(fake, fields);
    const theirs = await token(fake, fields, { id: "other-client", secret: "other" });
    expect(mine.headers.get("x-rate-limit-remaining")).toBe("9998");
    expect(theirs.headers.get("x-rate-limit-remaining")).toBe("9999");
  });
});

describe("expiry and revocation", () => {
  it("an access token lives 7,200 s by the fake's clock; then 401 problem JSON, and the refresh token still works", async () => {
    const clock = manualClock();
    const fake = fakeOn(clock);
    const tokens = await pair(fake);
    clock.advance(7_199_000);
    expect((await me(fake, tokens.access)).status).toBe(200);
    clock.advance(1_000);
    const expired = await me(fake, tokens.access);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("content-type")).toBe("application/problem+json");
    expect(await expired.json()).toEqual({
      title: "Unauthorized",
      type: "about:blank",
      status: 401,
      detail: "Unauthorized",
    });
    expect((await refresh(fake, tokens.refresh)).status).toBe(200);
  });

  it("POST /_fake/expire with token expires one access token now", async () => {
    const fake = createFakeTwitter();
    const tokens = await pair(fake);
    const answer = await fake.fetch(
      new Request("https://api.x.com/_fake/expire", {
        method: "POST",
        body: new URLSearchParams({ token: tokens.access }),
      }),
    );
    expect(answer.status).toBe(204);
    expect((await me(fake, tokens.access)).status).toBe(401);
    const again = await fake.fetch(
      new Request("https://api.x.com/_fake/expire", {
        method: "POST",
        body: new URLSearchParams({ token: tokens.access }),
      }),
    );
    expect(again.status).toBe(404);
  });

  it("POST /2/oauth2/revoke: an access token stops working; a refresh token ends the grant; 200 either way", async () => {
    const fake = createFakeTwitter();
    const a = await pair(fake);
    const revokeAccess = await post(fake, "/2/oauth2/revoke", { token: a.access, token_type_hint: "access_token" });
    expect(revokeAccess.status).toBe(200);
    expect((await me(fake, a.access)).status).toBe(401);
    const b = await refresh(fake, a.refresh);
    const revokeRefresh = await post(fake, "/2/oauth2/revoke", { token: b.body.refresh_token as string });
    expect(revokeRefresh.status).toBe(200);
    expect((await refresh(fake, b.body.refresh_token as string)).body.error).toBe("invalid_grant");
    expect((await me(fake, b.body.access_token as string)).status).toBe(401);
    expect((await post(fake, "/2/oauth2/revoke", { token: "unknown" })).status).toBe(200);
    const badClient = await post(
      fake,
      "/2/oauth2/revoke",
      { token: "x" },
      { id: defaultClient.clientId, secret: "no" },
    );
    expect(badClient.status).toBe(400);
  });
});

describe("secrets and reset", () => {
  it("no answer echoes a client secret, token or verifier it was sent", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const secrets = ["wrong-client-secret-xyz", user.tokenSecret, "made-up-refresh-token-abc"];
    const answers = [
      await post(
        fake,
        "/2/oauth2/token",
        { grant_type: "refresh_token", refresh_token: "r" },
        { id: defaultClient.clientId, secret: secrets[0]! },
      ),
      await post(fake, "/2/oauth2/token", {
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: user.token,
        subject_token_type: "urn:x:params:oauth:token-type:oauth1_token",
        oauth_token_secret: `${secrets[1]}-wrong`,
      }),
      await post(fake, "/2/oauth2/token", { grant_type: "refresh_token", refresh_token: secrets[2]! }),
    ];
    for (const answer of answers) {
      const text = await answer.text();
      expect(answer.status).toBe(400);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it("fake.reset() forgets the OAuth 2.0 tokens too; the clients stay", async () => {
    const fake = createFakeTwitter();
    const tokens = await pair(fake);
    fake.reset();
    expect((await me(fake, tokens.access)).status).toBe(401);
    expect((await refresh(fake, tokens.refresh)).body.error).toBe("invalid_grant");
    expect((await exchangeOAuth1(fake, await signIn(fake))).status).toBe(200);
  });
});

describe("Bearer tokens on the /2/ endpoints", () => {
  it("a token without the endpoint's scopes is 403 problem JSON: users/me needs tweet.read and users.read, posting tweet.write", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const narrow = await exchangeOAuth1(fake, user, { scope: "users.read" });
    const forbidden = await me(fake, narrow.body.access_token as string);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toBe("application/problem+json");
    expect(await forbidden.json()).toMatchObject({ status: 403, title: "Forbidden" });
    const readOnly = await exchangeOAuth1(fake, user, { scope: "tweet.read users.read" });
    expect((await me(fake, readOnly.body.access_token as string)).status).toBe(200);
    const post = (accessToken: string) =>
      fake.fetch(
        new Request("https://api.x.com/2/tweets", {
          method: "POST",
          headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
          body: JSON.stringify({ text: "hello" }),
        }),
      );
    expect((await post(readOnly.body.access_token as string)).status).toBe(403);
    const full = await exchangeOAuth1(fake, user);
    expect((await post(full.body.access_token as string)).status).toBe(201);
  });

  it("Bearer is for the /2/ endpoints: a v1.1 endpoint does not take it", async () => {
    const fake = createFakeTwitter();
    const tokens = await pair(fake);
    const v11 = await fake.fetch(
      new Request("https://api.x.com/1.1/account/verify_credentials.json", {
        headers: { authorization: `Bearer ${tokens.access}` },
      }),
    );
    expect(v11.status).toBeGreaterThanOrEqual(400);
    expect(v11.status).toBeLessThan(500);
  });
});
