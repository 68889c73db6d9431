// The client runs the whole flow against createFakeTwitter() with no msw handlers.
import { describe, expect, it } from "vitest";
import { TwitterOAuth, isTwitterOAuthError, type TwitterOAuthError } from "../../src/index.js";
import {
  createFakeTwitter,
  defaultConsumer,
  type FakeTwitter,
  type FakeTwitterOptions,
} from "../../src/testing/index.js";

const CALLBACK = "https://app.example/callback";

function setup(options?: FakeTwitterOptions, clientNow?: () => number): { fake: FakeTwitter; client: TwitterOAuth } {
  const fake = createFakeTwitter(options);
  const client = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: CALLBACK,
    fetch: (input, init) => fake.fetch(new Request(input, init)),
    ...(clientNow === undefined ? {} : { now: clientNow }),
  });
  return { fake, client };
}

async function failure(promise: Promise<unknown>): Promise<TwitterOAuthError> {
  try {
    await promise;
  } catch (error) {
    if (isTwitterOAuthError(error)) return error;
    throw error;
  }
  throw new Error("expected a TwitterOAuthError");
}

describe("TwitterOAuth against the fake X", () => {
  it("X docs, Log in with X steps 1-3, then verify_credentials, a signed call and invalidate_token", async () => {
    const { fake, client } = setup();
    const requestToken = await client.getRequestToken();
    expect(client.buildAuthenticateUrl(requestToken)).toBe(
      `https://api.x.com/oauth/authenticate?oauth_token=${requestToken.token}`,
    );
    const callback = fake.approve(requestToken.token);
    const { verifier } = client.parseCallback(callback, requestToken);
    const accessToken = await client.exchangeVerifier(requestToken, verifier);
    expect(accessToken).toMatchObject({ userId: "1450000000000000001", screenName: "fake_user" });
    const user = await client.verifyCredentials(accessToken, { includeEmail: true });
    expect(user).toMatchObject({
      id_str: "1450000000000000001",
      screen_name: "fake_user",
      name: "Fake User",
      email: "fake_user@example.com",
    });
    const tweet = await client.fetch("/2/tweets", {
      method: "POST",
      token: accessToken,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Hello Ladies + Gentlemen, a signed OAuth request!" }),
    });
    expect(tweet.status).toBe(201);
    const status = await client.fetch("/1.1/statuses/update.json", {
      method: "POST",
      token: accessToken,
      body: new URLSearchParams({ status: "it's (really) *signed*!" }),
    });
    expect(status.status).toBe(200);
    await client.invalidateToken(accessToken);
    const after = await failure(client.verifyCredentials(accessToken));
    expect(after.code).toBe("HTTP_ERROR");
    expect(after.status).toBe(401);
    expect(after.errors).toEqual([{ code: 89, message: "Invalid or expired token." }]);
  });

  it("Cancel: the callback carries denied and the client reports AUTHORIZATION_DENIED", async () => {
    const { fake, client } = setup();
    const requestToken = await client.getRequestToken();
    const error = (() => {
      try {
        client.parseCallback(fake.deny(requestToken.token), requestToken);
      } catch (e) {
        return e as TwitterOAuthError;
      }
      return undefined;
    })();
    expect(error?.code).toBe("AUTHORIZATION_DENIED");
  });

  it("PIN flow: oob request token, the PIN as verifier", async () => {
    const { fake, client } = setup();
    const requestToken = await client.getRequestToken({ callbackUrl: "oob" });
    const accessToken = await client.exchangeVerifier(requestToken, fake.approve(requestToken.token));
    expect(accessToken.screenName).toBe("fake_user");
  });

  it("a replayed callback: the second exchange is HTTP_ERROR 401", async () => {
    const { fake, client } = setup();
    const requestToken = await client.getRequestToken();
    const { verifier } = client.parseCallback(fake.approve(requestToken.token), requestToken);
    await client.exchangeVerifier(requestToken, verifier);
    const error = await failure(client.exchangeVerifier(requestToken, verifier));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(401);
  });

  it("an unregistered callback is HTTP_ERROR with X's code 415", async () => {
    const { client } = setup({ consumers: [{ ...defaultConsumer, callbackUrls: ["https://other.example/cb"] }] });
    const error = await failure(client.getRequestToken());
    expect(error.status).toBe(403);
    expect(error.errors?.[0]?.code).toBe(415);
  });

  it("RFC 5849 3.3: a client clock 10 minutes slow gets 401 code 135 with a Date header, resyncs and succeeds", async () => {
    const fake = createFakeTwitter();
    const answers: Array<[number, string | null, string]> = [];
    const client = new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: CALLBACK,
      now: () => Date.now() - 600_000,
      fetch: async (input, init) => {
        const response = await fake.fetch(new Request(input, init));
        answers.push([response.status, response.headers.get("date"), await response.clone().text()]);
        return response;
      },
    });
    const requestToken = await client.getRequestToken();
    expect(requestToken.callbackConfirmed).toBe(true);
    expect(answers.map(([status]) => status)).toEqual([401, 200]);
    expect(JSON.parse(answers[0]![2])).toEqual({ errors: [{ code: 135, message: "Timestamp out of bounds." }] });
    expect(answers[0]![1]).toMatch(/ GMT$/);
  });
});
