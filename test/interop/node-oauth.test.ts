// npm `oauth` (ciaranj/node-oauth) against the fake X started by the command, configured as its
// README's Twitter example does: version "1.0A", HMAC-SHA1, the endpoints given as URLs.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, approveToVerifier, startFakeX } from "../cli/fake-x-process.js";

type Callback = (error: { statusCode: number; data: string } | null, ...results: string[]) => void;
interface NodeOAuth {
  getOAuthRequestToken(callback: Callback): void;
  getOAuthAccessToken(token: string, secret: string, verifier: string, callback: Callback): void;
  get(url: string, token: string, secret: string, callback: Callback): void;
}
const { OAuth } = createRequire(import.meta.url)("oauth") as {
  OAuth: new (
    requestUrl: string,
    accessUrl: string,
    key: string,
    secret: string,
    version: string,
    callback: string,
    method: string,
  ) => NodeOAuth;
};

/** node-oauth's callbacks as a promise of the results, or its `{ statusCode, data }` error. */
function call(run: (done: Callback) => void): Promise<string[]> {
  return new Promise((resolve, reject) => run((error, ...results) => (error ? reject(error) : resolve(results))));
}

let fakeX: FakeXProcess;
beforeAll(async () => {
  fakeX = await startFakeX();
});
afterAll(() => fakeX?.stop());

function client(secret = fakeX.consumerSecret): NodeOAuth {
  const base = fakeX.baseUrl;
  return new OAuth(
    `${base}/oauth/request_token`,
    `${base}/oauth/access_token`,
    fakeX.consumerKey,
    secret,
    "1.0A",
    "https://app.example/auth/x/callback",
    "HMAC-SHA1",
  );
}

describe('npm oauth (version "1.0A", as its README) against twitter-oauth1 fake-x', () => {
  it("request token, approval, access token, then a signed API call", async () => {
    const oauth = client();
    const [token, tokenSecret] = await call((done) => oauth.getOAuthRequestToken(done));
    const verifier = await approveToVerifier(fakeX.baseUrl, token!);
    const [accessToken, accessSecret, results] = await call((done) =>
      oauth.getOAuthAccessToken(token!, tokenSecret!, verifier, (error, t, s, r) =>
        done(error, t!, s!, JSON.stringify(r)),
      ),
    );
    expect(JSON.parse(results!)).toMatchObject({ screen_name: "fake_user", user_id: "1450000000000000001" });
    const [body] = await call((done) =>
      oauth.get(`${fakeX.baseUrl}/1.1/account/verify_credentials.json`, accessToken!, accessSecret!, done),
    );
    expect(JSON.parse(body!).screen_name).toBe("fake_user");
  });

  it("a wrong consumer secret is refused: 401 code 32", async () => {
    const error = await call((done) => client("not-the-secret").getOAuthRequestToken(done)).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 401 });
    expect(JSON.parse((error as { data: string }).data).errors[0].code).toBe(32);
  });

  it("an API call signed with another token secret is refused: 401 code 32", async () => {
    const oauth = client();
    const [token, tokenSecret] = await call((done) => oauth.getOAuthRequestToken(done));
    const verifier = await approveToVerifier(fakeX.baseUrl, token!);
    const [accessToken] = await call((done) => oauth.getOAuthAccessToken(token!, tokenSecret!, verifier, done));
    const error = await call((done) => oauth.get(`${fakeX.baseUrl}/2/users/me`, accessToken!, "tampered", done)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ statusCode: 401 });
    expect(JSON.parse((error as { data: string }).data).errors[0].code).toBe(32);
  });

  it('with --strict, oauth_version="1.0A" is refused as RFC 5849 3.1 says: 400 code 215', async () => {
    const strict = await startFakeX(["--port", "0", "--strict"]);
    try {
      const oauth = new OAuth(
        `${strict.baseUrl}/oauth/request_token`,
        `${strict.baseUrl}/oauth/access_token`,
        strict.consumerKey,
        strict.consumerSecret,
        "1.0A",
        "oob",
        "HMAC-SHA1",
      );
      const error = await call((done) => oauth.getOAuthRequestToken(done)).catch((e: unknown) => e);
      expect(error).toMatchObject({ statusCode: 400 });
      expect(JSON.parse((error as { data: string }).data).errors[0].code).toBe(215);
    } finally {
      await strict.stop();
    }
  });
});
