// twitter-api-v2 against the fake X started by the command. It has no base-URL option and always
// sends to https://api.x.com: a plugin rewrites each URL to the fake before it is signed, and an
// http.Agent lets its https.request speak plain HTTP to the loopback port.
import { Agent } from "node:http";
import { type ITwitterApiClientPlugin, TwitterApi } from "twitter-api-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, approveToVerifier, control, startFakeX } from "../cli/fake-x-process.js";

let fakeX: FakeXProcess;
beforeAll(async () => {
  fakeX = await startFakeX();
});
afterAll(() => fakeX?.stop());

/** Sends what twitter-api-v2 meant for https://api.x.com to `baseUrl` instead. */
function toFakeX(baseUrl: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      if (!params.url.startsWith("https://api.x.com/")) return;
      // It reads the token endpoints' answers as forms only when they come from api.x.com.
      if (params.url.startsWith("https://api.x.com/oauth/")) params.forceParseMode = "url";
      params.url = baseUrl + params.url.slice("https://api.x.com".length);
    },
  };
}

function settings() {
  return { plugins: [toFakeX(fakeX.baseUrl)], httpAgent: new Agent() };
}

/** The app's client acting with a request token, as login(verifier) needs it. */
function withRequestToken(
  fake: FakeXProcess,
  link: { oauth_token: string; oauth_token_secret: string },
  settings: ConstructorParameters<typeof TwitterApi>[1],
): TwitterApi {
  const credentials = { appKey: fake.consumerKey, appSecret: fake.consumerSecret };
  return new TwitterApi(
    { ...credentials, accessToken: link.oauth_token, accessSecret: link.oauth_token_secret },
    settings,
  );
}

describe("twitter-api-v2 against twitter-oauth1 fake-x", () => {
  it("generateAuthLink, approval, login(verifier), then v1 verifyCredentials and v2 me", async () => {
    const app = new TwitterApi({ appKey: fakeX.consumerKey, appSecret: fakeX.consumerSecret }, settings());
    const link = await app.generateAuthLink("https://app.example/auth/x/callback");
    expect(link.oauth_callback_confirmed).toBe("true");
    const verifier = await approveToVerifier(fakeX.baseUrl, link.oauth_token);
    // login() sends oauth_token in the Authorization header and again in the form body.
    const pending = withRequestToken(fakeX, link, settings());
    const { client, screenName, userId } = await pending.login(verifier);
    expect({ screenName, userId }).toEqual({ screenName: "fake_user", userId: "1450000000000000001" });
    expect((await client.v1.verifyCredentials()).screen_name).toBe("fake_user");
    const me = await client.v2.get<{ data: { username: string } }>("users/me", undefined, { fullResponse: true });
    expect(me.data.data.username).toBe("fake_user");
    // X's x-rate-limit-* headers, as twitter-api-v2 reads them.
    expect(me.rateLimit).toMatchObject({ limit: 75, remaining: 74 });
  });

  it("a wrong consumer secret is refused: 401 code 32", async () => {
    const app = new TwitterApi({ appKey: fakeX.consumerKey, appSecret: "not-the-secret" }, settings());
    const error = await app.generateAuthLink("oob").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 401 });
  });

  it("an API call with a changed access secret is refused: 401 code 32", async () => {
    const app = new TwitterApi({ appKey: fakeX.consumerKey, appSecret: fakeX.consumerSecret }, settings());
    const link = await app.generateAuthLink("oob");
    const verifier = await control(fakeX.baseUrl, "approve", { oauth_token: link.oauth_token });
    const pending = withRequestToken(fakeX, link, settings());
    const { accessToken } = await pending.login(verifier);
    const tampered = new TwitterApi(
      { appKey: fakeX.consumerKey, appSecret: fakeX.consumerSecret, accessToken, accessSecret: "tampered" },
      settings(),
    );
    const error = await tampered.v1.verifyCredentials().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 401 });
    expect((error as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(32);
  });

  it("with --strict, login() (oauth_token in the header and the body) is refused as RFC 5849 3.2 says: 400 code 215", async () => {
    const strict = await startFakeX(["--port", "0", "--strict"]);
    try {
      const options = { plugins: [toFakeX(strict.baseUrl)], httpAgent: new Agent() };
      const app = new TwitterApi({ appKey: strict.consumerKey, appSecret: strict.consumerSecret }, options);
      const link = await app.generateAuthLink("oob");
      const pin = await control(strict.baseUrl, "approve", { oauth_token: link.oauth_token });
      const pending = withRequestToken(strict, link, options);
      const error = await pending.login(pin).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 400 });
    } finally {
      await strict.stop();
    }
  });
});
