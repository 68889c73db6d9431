// X's official TypeScript SDK (@xdevplatform/xdk) against the fake X started by the command. Its
// OAuth1 class always signs for and sends to https://api.x.com with the global fetch: the fake runs
// with --origin https://api.x.com, and a fetch wrapper routes X's host to it. Its Client takes a
// baseUrl (and captured fetch when the SDK loaded), so API calls go to the fake directly.
import { Client, OAuth1 } from "@xdevplatform/xdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, approveToVerifier, startFakeX } from "../cli/fake-x-process.js";

let fakeX: FakeXProcess;
const realFetch = globalThis.fetch;
/** The global fetch, with https://api.x.com sent to `baseUrl` (what a proxy would do). */
function routeXTo(baseUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return realFetch(
      url.startsWith("https://api.x.com/") ? baseUrl + url.slice("https://api.x.com".length) : input,
      init,
    );
  };
}
beforeAll(async () => {
  fakeX = await startFakeX(["--port", "0", "--origin", "https://api.x.com"]);
  globalThis.fetch = routeXTo(fakeX.baseUrl);
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await fakeX?.stop();
});

describe("@xdevplatform/xdk OAuth1 against twitter-oauth1 fake-x --origin https://api.x.com", () => {
  it("getRequestToken, approval, getAccessToken, then users.getMe with the access token", async () => {
    const config = { apiKey: fakeX.consumerKey, apiSecret: fakeX.consumerSecret, callback: "https://app.example/cb" };
    const oauth1 = new OAuth1(config);
    const { oauthToken } = await oauth1.getRequestToken();
    const verifier = await approveToVerifier(fakeX.baseUrl, oauthToken);
    // Step 3 sends oauth_token and oauth_verifier in the query and oauth_token again in the header.
    const { accessToken, accessTokenSecret } = await oauth1.getAccessToken(verifier);
    // A new OAuth1 for API calls: the one that ran the flow keeps signing with the request-token
    // secret (it prefers requestToken over accessToken), which X and the fake refuse with code 32.
    const user = new OAuth1({ ...config, accessToken, accessTokenSecret });
    const me = (await new Client({ oauth1: user, baseUrl: fakeX.baseUrl }).users.getMe()) as {
      data?: { username?: string };
    };
    expect(me.data?.username).toBe("fake_user");
  });

  it("the instance that ran the flow signs API calls with the wrong secret: 401 code 32", async () => {
    const oauth1 = new OAuth1({ apiKey: fakeX.consumerKey, apiSecret: fakeX.consumerSecret, callback: "oob" });
    const { oauthToken } = await oauth1.getRequestToken();
    const pin = await (
      await realFetch(`${fakeX.baseUrl}/_fake/approve`, {
        method: "POST",
        body: new URLSearchParams({ oauth_token: oauthToken }),
      })
    ).text();
    await oauth1.getAccessToken(pin);
    const error = await new Client({ oauth1, baseUrl: fakeX.baseUrl }).users.getMe().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect((error as { data: { errors: Array<{ code: number }> } }).data.errors[0]!.code).toBe(32);
  });

  it("a wrong consumer secret is refused at step 1 (401)", async () => {
    const oauth1 = new OAuth1({ apiKey: fakeX.consumerKey, apiSecret: "not-the-secret", callback: "oob" });
    await expect(oauth1.getRequestToken()).rejects.toThrow("Failed to get request token: 401");
  });

  it("with --strict, step 3 (oauth_token in the query and the header) is refused as RFC 5849 3.2 says: 400", async () => {
    const strict = await startFakeX(["--port", "0", "--strict", "--origin", "https://api.x.com"]);
    const routed = globalThis.fetch;
    globalThis.fetch = routeXTo(strict.baseUrl);
    try {
      const oauth1 = new OAuth1({ apiKey: strict.consumerKey, apiSecret: strict.consumerSecret, callback: "oob" });
      const { oauthToken } = await oauth1.getRequestToken();
      const pin = await (
        await realFetch(`${strict.baseUrl}/_fake/approve`, {
          method: "POST",
          body: new URLSearchParams({ oauth_token: oauthToken }),
        })
      ).text();
      await expect(oauth1.getAccessToken(pin)).rejects.toThrow("Failed to get access token: 400");
    } finally {
      globalThis.fetch = routed;
      await strict.stop();
    }
  });
});
