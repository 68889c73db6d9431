import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwitterOAuth, sealRequestToken, unsealRequestToken, isTwitterOAuthError } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";

// The whole sign-in against the fake X, with no handler written by hand: the fake is the handler.
const fake = createFakeTwitter();
const server = setupServer(http.all("https://api.x.com/*", ({ request }) => fake.fetch(request)));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const SECRET = "a-sealing-secret-of-at-least-32-characters!";

function client(): TwitterOAuth {
  return new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "https://app.example/callback",
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isTwitterOAuthError(error) ? error.code : String(error);
}

describe("the three legs against createFakeTwitter() (through msw, global fetch)", () => {
  it("request token, sealed cookie, approval, callback check, exchange, verify, invalidate", async () => {
    const x = client();
    const requestToken = await x.getRequestToken();
    expect(requestToken.callbackConfirmed).toBe(true);
    const cookie = await sealRequestToken(requestToken, SECRET);

    expect(x.buildAuthenticateUrl(requestToken)).toBe(
      `https://api.x.com/oauth/authenticate?oauth_token=${requestToken.token}`,
    );
    const callbackUrl = fake.approve(requestToken.token);

    const stored = await unsealRequestToken(cookie, SECRET);
    const { verifier } = x.parseCallback(callbackUrl, stored);
    const accessToken = await x.exchangeVerifier(stored, verifier);
    expect(accessToken.userId).toBe(defaultUser.id);
    expect(accessToken.screenName).toBe(defaultUser.screenName);

    const user = await x.verifyCredentials(accessToken, { includeEmail: true });
    expect(user.id_str).toBe(defaultUser.id);
    expect(user.screen_name).toBe(defaultUser.screenName);
    expect(user.email).toBe(defaultUser.email);

    const me = await x.fetch("/2/users/me", { token: accessToken });
    expect(me.status).toBe(200);

    await x.invalidateToken(accessToken);
    const error = await x.verifyCredentials(accessToken).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "HTTP_ERROR", status: 401, errors: [{ code: 89 }] });
  });

  it("a verifier is single-use: replaying the callback fails", async () => {
    const x = client();
    const requestToken = await x.getRequestToken();
    const { verifier } = x.parseCallback(fake.approve(requestToken.token), requestToken);
    await x.exchangeVerifier(requestToken, verifier);
    expect(await codeOf(x.exchangeVerifier(requestToken, verifier))).toBe("HTTP_ERROR");
  });

  it("another sign-in's callback is TOKEN_MISMATCH; Cancel is AUTHORIZATION_DENIED", async () => {
    const x = client();
    const mine = await x.getRequestToken();
    const theirs = await x.getRequestToken();
    expect(() => x.parseCallback(fake.approve(theirs.token), mine)).toThrow(
      expect.objectContaining({ code: "TOKEN_MISMATCH" }),
    );
    const denied = await x.getRequestToken();
    expect(() => x.parseCallback(fake.deny(denied.token), denied)).toThrow(
      expect.objectContaining({ code: "AUTHORIZATION_DENIED" }),
    );
  });

  it("X PIN-based OAuth: oob gives a 7-digit PIN that is the verifier", async () => {
    const x = client();
    const requestToken = await x.getRequestToken({ callbackUrl: "oob" });
    const pin = fake.approve(requestToken.token);
    expect(pin).toMatch(/^\d{7}$/);
    const accessToken = await x.exchangeVerifier(requestToken, pin);
    expect(accessToken.screenName).toBe(defaultUser.screenName);
  });

  it("a wrong consumer secret is X's 401 code 32", async () => {
    const x = new TwitterOAuth({ consumerKey: defaultConsumer.key, consumerSecret: "wrong", callbackUrl: "oob" });
    const error = await x.getRequestToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "HTTP_ERROR", status: 401, errors: [{ code: 32 }] });
  });
});

describe("clock skew against the fake X's timestamp window", () => {
  it("a client clock 2 hours slow recovers through the Date header and keeps the offset", async () => {
    let calls = 0;
    const x = new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: "oob",
      now: () => Date.now() - 2 * 3600_000,
      fetch: (input, init) => {
        calls++;
        return fake.fetch(new Request(input, init));
      },
    });
    await x.getRequestToken();
    expect(calls).toBe(2);
    expect(Math.abs(x.clockOffset - 2 * 3600_000)).toBeLessThan(5_000);
    await x.getRequestToken();
    expect(calls).toBe(3);
  });
});
