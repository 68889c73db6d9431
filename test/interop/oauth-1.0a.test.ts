// oauth-1.0a (a signer only, with a hash function of the caller's) against the fake X started by
// the command: the caller builds each request and sends it with fetch.
import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, approveToVerifier, startFakeX } from "../cli/fake-x-process.js";

let fakeX: FakeXProcess;
beforeAll(async () => {
  fakeX = await startFakeX();
});
afterAll(() => fakeX?.stop());

function signer(secret = fakeX.consumerSecret): OAuth {
  return new OAuth({
    consumer: { key: fakeX.consumerKey, secret },
    signature_method: "HMAC-SHA1",
    hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
  });
}

/** Signs a POST whose oauth_* data goes in the header (oauth-1.0a's toHeader) and sends it. */
async function post(oauth: OAuth, url: string, data: Record<string, string>, token?: OAuth.Token): Promise<Response> {
  const header = oauth.toHeader(oauth.authorize({ url, method: "POST", data }, token));
  return fetch(url, { method: "POST", headers: { authorization: header.Authorization } });
}

describe("oauth-1.0a against twitter-oauth1 fake-x", () => {
  it("request token, approval, access token, then a signed API call", async () => {
    const oauth = signer();
    const step1 = await post(oauth, `${fakeX.baseUrl}/oauth/request_token`, {
      oauth_callback: "https://app.example/cb",
    });
    expect(step1.status).toBe(200);
    const request = new URLSearchParams(await step1.text());
    const verifier = await approveToVerifier(fakeX.baseUrl, request.get("oauth_token")!);
    const step3 = await post(
      oauth,
      `${fakeX.baseUrl}/oauth/access_token`,
      { oauth_verifier: verifier },
      { key: request.get("oauth_token")!, secret: request.get("oauth_token_secret")! },
    );
    expect(step3.status).toBe(200);
    const access = new URLSearchParams(await step3.text());
    const url = `${fakeX.baseUrl}/2/users/me`;
    const token = { key: access.get("oauth_token")!, secret: access.get("oauth_token_secret")! };
    const me = await fetch(url, { headers: { ...oauth.toHeader(oauth.authorize({ url, method: "GET" }, token)) } });
    expect(((await me.json()) as { data: { username: string } }).data.username).toBe("fake_user");
  });

  it("a wrong consumer secret is refused: 401 code 32", async () => {
    const response = await post(signer("not-the-secret"), `${fakeX.baseUrl}/oauth/request_token`, {
      oauth_callback: "oob",
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(32);
  });

  it("a parameter changed after signing is refused: 401 code 32", async () => {
    const oauth = signer();
    const url = `${fakeX.baseUrl}/oauth/request_token`;
    const header = oauth.toHeader(oauth.authorize({ url, method: "POST", data: { oauth_callback: "oob" } }));
    const tampered = header.Authorization.replace(
      'oauth_callback="oob"',
      'oauth_callback="https%3A%2F%2Fevil.example%2F"',
    );
    const response = await fetch(url, { method: "POST", headers: { authorization: tampered } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(32);
  });
});
