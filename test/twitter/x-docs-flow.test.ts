import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { DOCS, useStandIn } from "./x-stand-in.js";

const x = useStandIn();

function docsClient(nonce: string, baseUrl = "https://api.twitter.com"): TwitterOAuth {
  return new TwitterOAuth({
    consumerKey: DOCS.consumerKey,
    consumerSecret: DOCS.consumerSecret,
    callbackUrl: DOCS.callback,
    baseUrl,
    now: () => DOCS.timestampMs,
    nonce: () => nonce,
  });
}

describe("X docs, Log in with X, step 1: POST oauth/request_token", () => {
  it("sends the documented signature F1Li3tvehgcraF8DMJ7OyxO4w9Y= and parses the documented text/html answer", async () => {
    const requestToken = await docsClient(DOCS.step1Nonce).getRequestToken();
    expect(requestToken).toEqual({
      token: DOCS.requestToken,
      tokenSecret: DOCS.requestTokenSecret,
      callbackConfirmed: true,
    });
    const [sent] = x.seen;
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("https://api.twitter.com/oauth/request_token");
    expect(sent!.oauth.oauth_signature).toBe(DOCS.step1Signature);
    expect(sent!.oauth.oauth_callback).toBe(DOCS.callback);
    expect(sent!.oauth).not.toHaveProperty("oauth_token");
    expect(sent!.signatureValid).toBe(true);
    expect(sent!.body).toBe("");
  });

  it("works against api.x.com too (a different host is a different signature, still valid)", async () => {
    const requestToken = await docsClient(DOCS.step1Nonce, "https://api.x.com").getRequestToken();
    expect(requestToken.token).toBe(DOCS.requestToken);
    expect(x.seen[0]!.url).toBe("https://api.x.com/oauth/request_token");
    expect(x.seen[0]!.signatureValid).toBe(true);
    // test/vectors/vectors.json, x-log-in-with-x-step1-request_token: the api.x.com recomputation.
    expect(x.seen[0]!.oauth.oauth_signature).toBe("X9xhcB9d+NxXd/ThJ/n51vPhetM=");
  });

  it("X API reference: x_auth_access_type goes in the signed query", async () => {
    await docsClient(DOCS.step1Nonce, "https://api.x.com").getRequestToken({ accessType: "read" });
    expect(new URL(x.seen[0]!.url).searchParams.get("x_auth_access_type")).toBe("read");
    expect(x.seen[0]!.signatureValid).toBe(true);
  });

  it("X PIN-based OAuth: the callback is oob", async () => {
    await docsClient(DOCS.step1Nonce, "https://api.x.com").getRequestToken({ callbackUrl: "oob" });
    expect(x.seen[0]!.oauth.oauth_callback).toBe("oob");
    expect(x.seen[0]!.signatureValid).toBe(true);
  });
});

describe("X docs, Log in with X, step 2: the authenticate redirect", () => {
  const client = docsClient("n");
  it("is the documented URL for the documented token", () => {
    expect(client.buildAuthenticateUrl(DOCS.requestToken)).toBe(
      "https://api.twitter.com/oauth/authenticate?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
    );
  });
  it("takes a RequestToken as well as its string", () => {
    const requestToken = { token: DOCS.requestToken, tokenSecret: DOCS.requestTokenSecret, callbackConfirmed: true };
    expect(client.buildAuthenticateUrl(requestToken)).toBe(client.buildAuthenticateUrl(DOCS.requestToken));
  });
  it("X API reference: force_login=true and screen_name, after oauth_token", () => {
    expect(client.buildAuthenticateUrl(DOCS.requestToken, { forceLogin: false })).toBe(
      client.buildAuthenticateUrl(DOCS.requestToken),
    );
    expect(client.buildAuthenticateUrl(DOCS.requestToken, { forceLogin: true })).toBe(
      "https://api.twitter.com/oauth/authenticate?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&force_login=true",
    );
    expect(client.buildAuthenticateUrl(DOCS.requestToken, { forceLogin: true, screenName: "kurrik" })).toBe(
      "https://api.twitter.com/oauth/authenticate?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&force_login=true&screen_name=kurrik",
    );
    expect(client.buildAuthenticateUrl(DOCS.requestToken, { screenName: "a b&c" })).toBe(
      "https://api.twitter.com/oauth/authenticate?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&screen_name=a%20b%26c",
    );
  });
  it("X API reference: oauth/authorize always asks", () => {
    expect(client.buildAuthorizeUrl(DOCS.requestToken, { forceLogin: false })).toBe(
      "https://api.twitter.com/oauth/authorize?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
    );
  });
  it("refuses an empty token", () => {
    expect(() => client.buildAuthenticateUrl("")).toThrow(TypeError);
  });
});

describe("X docs, Log in with X, step 3: POST oauth/access_token", () => {
  const requestToken = { token: DOCS.requestToken, tokenSecret: DOCS.requestTokenSecret };

  it("reads the documented callback and sends the documented signature 39cipBtIOHEEnybAR4sATQTpl2I=", async () => {
    const client = docsClient(DOCS.step3Nonce);
    const callback = `http://localhost/sign-in-with-twitter/?oauth_token=${DOCS.requestToken}&oauth_verifier=${DOCS.verifier}`;
    const { verifier } = client.parseCallback(callback, DOCS.requestToken);
    const accessToken = await client.exchangeVerifier(requestToken, verifier);
    expect(accessToken).toEqual({
      token: DOCS.accessToken,
      tokenSecret: DOCS.accessTokenSecret,
      userId: "7588892",
      screenName: "kurrik",
    });
    const [sent] = x.seen;
    expect(sent!.oauth.oauth_signature).toBe(DOCS.step3Signature);
    expect(sent!.oauth.oauth_token).toBe(DOCS.requestToken);
    expect(sent!.oauth.oauth_verifier).toBe(DOCS.verifier);
    expect(sent!.signatureValid).toBe(true);
  });

  it("parses the Log-in guide's two-field answer (no user_id, no screen_name)", async () => {
    x.server.use(
      (await import("msw")).http.post(
        "https://api.twitter.com/oauth/access_token",
        () => new Response(DOCS.step3Response),
      ),
    );
    const accessToken = await docsClient(DOCS.step3Nonce).exchangeVerifier(requestToken, DOCS.verifier);
    expect(accessToken).toEqual({
      token: DOCS.accessToken,
      tokenSecret: DOCS.accessTokenSecret,
      userId: "",
      screenName: "",
    });
  });

  it("X PIN-based OAuth: the PIN is the verifier (spaces around it trimmed)", async () => {
    const client = docsClient(DOCS.step3Nonce, "https://api.x.com");
    await expect(client.exchangeVerifier(requestToken, "4868795")).rejects.toMatchObject({
      code: "HTTP_ERROR",
      status: 401,
      errors: [{ code: 0, message: "Error processing your OAuth request: Invalid oauth_verifier parameter" }],
    });
    expect(x.seen[0]!.oauth.oauth_verifier).toBe("4868795");
    expect(x.seen[0]!.signatureValid).toBe(true);
    await client.exchangeVerifier(requestToken, ` ${DOCS.verifier}\n`);
    expect(x.seen[1]!.oauth.oauth_verifier).toBe(DOCS.verifier);
  });
});

describe("X docs: verify_credentials and invalidate_token with the access token", () => {
  const accessToken = { token: DOCS.accessToken, tokenSecret: DOCS.accessTokenSecret };
  const client = new TwitterOAuth({ consumerKey: DOCS.consumerKey, consumerSecret: DOCS.consumerSecret });

  it("GET account/verify_credentials returns X's user, with include_email when asked", async () => {
    const user = await client.verifyCredentials(accessToken);
    expect(user).toMatchObject({ id_str: "7588892", screen_name: "kurrik" });
    expect(user).not.toHaveProperty("email");
    const withEmail = await client.verifyCredentials(accessToken, { includeEmail: true });
    expect(withEmail.email).toBe("kurrik@example.com");
    expect(x.seen.map((s) => s.url)).toEqual([
      "https://api.x.com/1.1/account/verify_credentials.json",
      "https://api.x.com/1.1/account/verify_credentials.json?include_email=true",
    ]);
    expect(x.seen.every((s) => s.signatureValid && s.method === "GET")).toBe(true);
  });

  it("POST oauth/invalidate_token is signed with the token it revokes", async () => {
    await expect(client.invalidateToken(accessToken)).resolves.toBeUndefined();
    expect(x.seen[0]!.url).toBe("https://api.x.com/1.1/oauth/invalidate_token");
    expect(x.seen[0]!.oauth.oauth_token).toBe(DOCS.accessToken);
    expect(x.seen[0]!.signatureValid).toBe(true);
  });
});
