// X's token exchange of an OAuth 1.0a access token for an OAuth 2.0 pair (docs.x.com:
// fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange), over raw HTTP.
import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { CALLBACK, exchange, requestToken, send, signIn } from "./helpers.js";
import { exchangeOAuth1, me, post, refresh } from "./oauth2-helpers.js";

const READ_SCOPES =
  "tweet.read users.read follows.read mute.read block.read list.read like.read timeline.read broadcast.read";
const WRITE_SCOPES =
  "tweet.write tweet.moderate.write follows.write like.write list.write mute.write block.write media.write broadcast.write";

/** A 1.0a sign-in with `x_auth_access_type=read`. */
async function signInReadOnly(fake: ReturnType<typeof createFakeTwitter>) {
  const response = await send(
    fake,
    "POST",
    "/oauth/request_token",
    {},
    { callback: CALLBACK, body: "x_auth_access_type=read" },
  );
  const form = new URLSearchParams(await response.text());
  const tokens = { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
  const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
  const access = new URLSearchParams(await (await exchange(fake, tokens, verifier)).text());
  return { token: access.get("oauth_token")!, tokenSecret: access.get("oauth_token_secret")! };
}

describe("the token exchange (POST /2/oauth2/token)", () => {
  it("trades a read-write 1.0a token for a bearer pair: 7200 s, a refresh token, the mapped scopes and offline.access", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const answer = await exchangeOAuth1(fake, user);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body.token_type).toBe("bearer");
    expect(answer.body.expires_in).toBe(7200);
    expect(typeof answer.body.access_token).toBe("string");
    expect(typeof answer.body.refresh_token).toBe("string");
    expect((answer.body.scope as string).split(" ").sort()).toEqual(
      `${READ_SCOPES} ${WRITE_SCOPES} offline.access`.split(" ").sort(),
    );
    const who = await me(fake, answer.body.access_token as string);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ data: { id: user.userId, name: "Fake User", username: "fake_user" } });
  });

  it("a read-only 1.0a token maps to the Read scopes and offline.access only", async () => {
    const fake = createFakeTwitter();
    const answer = await exchangeOAuth1(fake, await signInReadOnly(fake));
    expect((answer.body.scope as string).split(" ").sort()).toEqual(`${READ_SCOPES} offline.access`.split(" ").sort());
  });

  it("scope asks for a subset (offline.access is still granted); more than the mapping is invalid_scope", async () => {
    const fake = createFakeTwitter();
    const readOnly = await signInReadOnly(fake);
    const subset = await exchangeOAuth1(fake, readOnly, { scope: "tweet.read users.read" });
    expect(subset.status).toBe(200);
    expect((subset.body.scope as string).split(" ").sort()).toEqual(["offline.access", "tweet.read", "users.read"]);
    const wider = await exchangeOAuth1(fake, readOnly, { scope: "tweet.read tweet.write" });
    expect(wider.status).toBe(400);
    expect(wider.body.error).toBe("invalid_scope");
    expect(typeof wider.body.error_description).toBe("string");
  });

  it("a new exchange invalidates the pair of the previous one, refreshed or not; the 1.0a token stays valid", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const first = await exchangeOAuth1(fake, user);
    const refreshed = await refresh(fake, first.body.refresh_token as string);
    expect(refreshed.status).toBe(200);
    const second = await exchangeOAuth1(fake, user);
    expect(second.status).toBe(200);
    expect((await me(fake, refreshed.body.access_token as string)).status).toBe(401);
    expect((await me(fake, first.body.access_token as string)).status).toBe(401);
    expect((await refresh(fake, refreshed.body.refresh_token as string)).body.error).toBe("invalid_grant");
    expect((await me(fake, second.body.access_token as string)).status).toBe(200);
    expect((await send(fake, "GET", "/2/users/me", user)).status).toBe(200);
  });

  it("a token of another app, a wrong secret, an unknown or revoked token: one generic 400 invalid_grant", async () => {
    const other = { key: "other-app", secret: "other-app-secret" };
    const fake = createFakeTwitter({ consumers: [defaultConsumer, other] });
    const user = await signIn(fake);
    const tokens = await requestToken(fake, CALLBACK, { consumerKey: other.key, consumerSecret: other.secret });
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    const response = await exchange(fake, tokens, verifier, { consumerKey: other.key, consumerSecret: other.secret });
    const form = new URLSearchParams(await response.text());
    const otherApps = { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
    const answers = [
      await exchangeOAuth1(fake, otherApps),
      await exchangeOAuth1(fake, { ...user, tokenSecret: `${user.tokenSecret}x` }),
      await exchangeOAuth1(fake, { token: "1-unknown", tokenSecret: "s" }),
    ];
    fake.revoke(user.token);
    answers.push(await exchangeOAuth1(fake, user));
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_grant");
    }
    expect(new Set(answers.map((a) => a.body.error_description)).size).toBe(1);
  });

  it("a token revoked over the control API (POST /_fake/revoke) is invalid_grant", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const revoke = await fake.fetch(
      new Request("https://api.x.com/_fake/revoke", {
        method: "POST",
        body: new URLSearchParams({ oauth_token: user.token }),
      }),
    );
    expect(revoke.status).toBe(204);
    expect((await exchangeOAuth1(fake, user)).body.error).toBe("invalid_grant");
  });

  it("a token the app invalidated itself (POST /1.1/oauth/invalidate_token) is invalid_grant", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    expect((await send(fake, "POST", "/1.1/oauth/invalidate_token", user)).status).toBe(200);
    expect((await exchangeOAuth1(fake, user)).body.error).toBe("invalid_grant");
  });

  it("a missing parameter or another subject_token_type is 400 invalid_request", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const noSecret = await post(fake, "/2/oauth2/token", {
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: user.token,
      subject_token_type: "urn:x:params:oauth:token-type:oauth1_token",
    });
    expect(noSecret.status).toBe(400);
    expect(((await noSecret.json()) as { error: string }).error).toBe("invalid_request");
    const wrongType = await exchangeOAuth1(fake, user, {
      subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
    });
    expect(wrongType.body.error).toBe("invalid_request");
  });
});
