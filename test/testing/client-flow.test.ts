// The client's whole flow against createFakeTwitter(), with no msw handlers: the fake X's answers are
// the ones the client reads. Each rule has its owner: the fake's endpoints in token-endpoints.test.ts
// and api-endpoints.test.ts, its injected failures through the client in
// failures-through-client.test.ts, the client's callback, error and clock handling in test/twitter/.
import { describe, expect, it } from "vitest";
import { TwitterOAuth, isTwitterOAuthError, type TwitterOAuthError } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, type FakeTwitter } from "../../src/testing/index.js";

const CALLBACK = "https://app.example/callback";

function setup(): { fake: FakeTwitter; client: TwitterOAuth } {
  const fake = createFakeTwitter();
  const client = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: CALLBACK,
    fetch: (input, init) => fake.fetch(new Request(input, init)),
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
});
