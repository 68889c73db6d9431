// Another OAuth 2.0 client is the judge: panva's oauth4webapi, a widely used independent client,
// signs in through the fake X served by the command on loopback (authorization code with PKCE S256,
// approved through POST /_fake/approve), refreshes, calls GET /2/users/me with the Bearer token,
// revokes, and runs X's token exchange as a generic grant (RFC 8693).
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { type FakeXProcess, control, startFakeX } from "../cli/fake-x-process.js";

const REDIRECT = "http://127.0.0.1:8080/callback";
// The fake listens on http loopback: oauth4webapi refuses plain http unless told.
const insecure = { [oauth.allowInsecureRequests]: true };

let fakeX: FakeXProcess;
let as: oauth.AuthorizationServer;
let client: oauth.Client;
let clientAuth: oauth.ClientAuth;

beforeAll(async () => {
  fakeX = await startFakeX(["--port", "0"]);
  const value = (name: string): string => new RegExp(`${name}=(\\S+)`).exec(fakeX.output())![1]!;
  // X publishes no discovery document: the metadata is written down, as X's pages give the URLs.
  as = {
    issuer: fakeX.baseUrl,
    authorization_endpoint: `${fakeX.baseUrl}/i/oauth2/authorize`,
    token_endpoint: `${fakeX.baseUrl}/2/oauth2/token`,
    revocation_endpoint: `${fakeX.baseUrl}/2/oauth2/revoke`,
  };
  client = { client_id: value("X_CLIENT_ID") };
  clientAuth = oauth.ClientSecretBasic(value("X_CLIENT_SECRET"));
});
afterAll(async () => {
  await fakeX?.stop();
});

/** An OAuth 1.0a access token from the PIN flow, signed by the package's core. */
async function oauth1AccessToken(): Promise<{ token: string; secret: string }> {
  const consumer = { consumerKey: fakeX.consumerKey, consumerSecret: fakeX.consumerSecret };
  const step1Url = `${fakeX.baseUrl}/oauth/request_token`;
  const step1Auth = await signRequest({ method: "POST", url: step1Url }, consumer, { callback: "oob" });
  const step1 = new URLSearchParams(
    await (await fetch(step1Url, { method: "POST", headers: { authorization: step1Auth.authorization } })).text(),
  );
  const token = step1.get("oauth_token")!;
  const pin = await control(fakeX.baseUrl, "approve", { oauth_token: token });
  const step3Url = `${fakeX.baseUrl}/oauth/access_token`;
  const step3Auth = await signRequest(
    { method: "POST", url: step3Url },
    { ...consumer, token, tokenSecret: step1.get("oauth_token_secret")! },
    { verifier: pin },
  );
  const access = new URLSearchParams(
    await (await fetch(step3Url, { method: "POST", headers: { authorization: step3Auth.authorization } })).text(),
  );
  return { token: access.get("oauth_token")!, secret: access.get("oauth_token_secret")! };
}

async function username(accessToken: string): Promise<string | undefined> {
  const response = await oauth.protectedResourceRequest(
    accessToken,
    "GET",
    new URL(`${fakeX.baseUrl}/2/users/me`),
    undefined,
    undefined,
    insecure,
  );
  if (response.status !== 200) return undefined;
  return ((await response.json()) as { data: { username: string } }).data.username;
}

describe("oauth4webapi against twitter-oauth1 fake-x", () => {
  it("authorization code with PKCE S256 (approved by authorize_url), then refresh, users/me and revoke", async () => {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const authorizationUrl = new URL(as.authorization_endpoint!);
    for (const [name, value] of Object.entries({
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: REDIRECT,
      scope: "tweet.read users.read offline.access",
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    })) {
      authorizationUrl.searchParams.set(name, value);
    }
    const redirect = await control(fakeX.baseUrl, "approve", { authorize_url: authorizationUrl.href });
    const params = oauth.validateAuthResponse(as, client, new URL(redirect), state);
    const codeResponse = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      REDIRECT,
      codeVerifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, codeResponse);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(7200);
    expect(tokens.scope).toBe("tweet.read users.read offline.access");
    expect(await username(tokens.access_token)).toBe("fake_user");

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    // The spent refresh token: oauth4webapi surfaces X's invalid_grant as a ResponseBodyError.
    const reuse = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token!, insecure),
    );
    await expect(reuse).rejects.toMatchObject({ error: "invalid_grant", status: 400 });

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, clientAuth, refreshed.access_token, insecure),
    );
    expect(await username(refreshed.access_token)).toBeUndefined();
  });

  it("a denied sign-in comes back as access_denied, which oauth4webapi reports", async () => {
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: REDIRECT,
      scope: "users.read",
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      code_challenge_method: "S256",
    }).toString();
    const redirect = await control(fakeX.baseUrl, "deny", { authorize_url: url.href });
    expect(() => oauth.validateAuthResponse(as, client, new URL(redirect), state)).toThrow(
      expect.objectContaining({ error: "access_denied" }),
    );
  });

  it("X's token exchange as a generic grant (RFC 8693), then a call with the Bearer token", async () => {
    const oauth1 = await oauth1AccessToken();
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      clientAuth,
      "urn:ietf:params:oauth:grant-type:token-exchange",
      {
        subject_token: oauth1.token,
        subject_token_type: "urn:x:params:oauth:token-type:oauth1_token",
        oauth_token_secret: oauth1.secret,
      },
      insecure,
    );
    const tokens = await oauth.processGenericTokenEndpointResponse(as, client, response);
    expect(tokens.refresh_token).toBeTypeOf("string");
    expect(tokens.scope?.split(" ")).toContain("offline.access");
    expect(await username(tokens.access_token)).toBe("fake_user");
  });
});
