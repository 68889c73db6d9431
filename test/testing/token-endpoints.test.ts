import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { CALLBACK, ORIGIN, exchange, manualClock, requestToken, send, xErrors } from "./helpers.js";

// X's "Log in with X" guide, step 1, exactly as published (F1Li3tvehgcraF8DMJ7OyxO4w9Y=).
const LOGIN_GUIDE_CONSUMER = {
  key: "cChZNFj6T5R0TigYB9yd1w",
  secret: "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg",
  name: "Guide",
};
const LOGIN_GUIDE_HEADER =
  'OAuth oauth_callback="http%3A%2F%2Flocalhost%2Fsign-in-with-twitter%2F", oauth_consumer_key="cChZNFj6T5R0TigYB9yd1w", ' +
  'oauth_nonce="ea9ec8429b68d6b77cd5600adbbb0456", oauth_signature="F1Li3tvehgcraF8DMJ7OyxO4w9Y%3D", ' +
  'oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318467427", oauth_version="1.0"';

function guideFake() {
  return createFakeTwitter({ consumers: [LOGIN_GUIDE_CONSUMER], now: () => 1318467427_000 });
}

describe("POST /oauth/request_token", () => {
  it("X docs, Log in with X step 1: the published request is accepted as sent", async () => {
    const response = await guideFake().fetch(
      new Request("https://api.twitter.com/oauth/request_token", {
        method: "POST",
        headers: { authorization: LOGIN_GUIDE_HEADER },
      }),
    );
    expect(response.status).toBe(200);
    // X docs, Log in with X: success bodies are form data served as text/html.
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("date")).toBe("Thu, 13 Oct 2011 00:57:07 GMT");
    const form = new URLSearchParams(await response.text());
    expect([...form.keys()]).toEqual(["oauth_token", "oauth_token_secret", "oauth_callback_confirmed"]);
    expect(form.get("oauth_callback_confirmed")).toBe("true");
    expect(form.get("oauth_token")).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(form.get("oauth_token_secret")).toMatch(/^[A-Za-z0-9]{20,}$/);
  });

  it("X docs, Creating a signature: the same signature sent to another host does not verify (401 code 32)", async () => {
    const response = await guideFake().fetch(
      new Request("https://api.x.com/oauth/request_token", {
        method: "POST",
        headers: { authorization: LOGIN_GUIDE_HEADER },
      }),
    );
    expect(response.status).toBe(401);
    expect(await xErrors(response)).toEqual([{ code: 32, message: "Could not authenticate you." }]);
    expect(response.headers.get("www-authenticate")).toBe('OAuth realm="https://api.x.com", api_error_code=32');
  });

  it("X error table: one changed character of the signature is 401 code 32", async () => {
    const header = LOGIN_GUIDE_HEADER.replace("F1Li3", "F1Li4");
    const response = await guideFake().fetch(
      new Request("https://api.twitter.com/oauth/request_token", {
        method: "POST",
        headers: { authorization: header },
      }),
    );
    expect(response.status).toBe(401);
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("X error table: an unknown consumer key is 401 code 32", async () => {
    const response = await send(
      createFakeTwitter(),
      "POST",
      "/oauth/request_token",
      { consumerKey: "nobody" },
      { callback: CALLBACK },
    );
    expect(response.status).toBe(401);
    expect(await xErrors(response)).toEqual([{ code: 32, message: "Could not authenticate you." }]);
  });

  it("X error table: a wrong consumer secret is 401 code 32", async () => {
    const response = await send(
      createFakeTwitter(),
      "POST",
      "/oauth/request_token",
      { consumerSecret: "wrong" },
      { callback: CALLBACK },
    );
    expect(response.status).toBe(401);
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("X error table: no Authorization header at all is 400 code 215", async () => {
    const response = await createFakeTwitter().fetch(new Request(`${ORIGIN}/oauth/request_token`, { method: "POST" }));
    expect(response.status).toBe(400);
    expect(await xErrors(response)).toEqual([{ code: 215, message: "Bad authentication data." }]);
    expect(response.headers.get("date")).not.toBeNull();
  });

  it("X error table code 135: a timestamp outside the 300 s window, with a Date header to resync from", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now });
    const nowSeconds = clock.now() / 1000;
    const late = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: nowSeconds - 301 },
    );
    expect(late.status).toBe(401);
    expect(await xErrors(late)).toEqual([{ code: 135, message: "Timestamp out of bounds." }]);
    expect(late.headers.get("date")).toBe(new Date(clock.now()).toUTCString());
    const early = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: nowSeconds + 301 },
    );
    expect((await xErrors(early))[0]!.code).toBe(135);
    const edge = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: nowSeconds - 300 },
    );
    expect(edge.status).toBe(200);
  });

  it("the window is an option", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now, timestampWindowSeconds: 10 });
    const response = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: clock.now() / 1000 - 11 },
    );
    expect((await xErrors(response))[0]!.code).toBe(135);
  });

  it("RFC 5849 3.3: a nonce reused with the same timestamp is refused (401 code 32)", async () => {
    const fake = createFakeTwitter();
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, nonce: "sameNonce123", timestamp },
    );
    expect(first.status).toBe(200);
    const replay = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, nonce: "sameNonce123", timestamp },
    );
    expect(replay.status).toBe(401);
    expect((await xErrors(replay))[0]!.code).toBe(32);
  });

  it("X docs, Authorizing a request: only HMAC-SHA1 is accepted", async () => {
    const response = await send(
      createFakeTwitter(),
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, signatureMethod: "HMAC-SHA256" },
    );
    expect(response.status).toBe(401);
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("X API reference: oauth_callback is required", async () => {
    const response = await send(createFakeTwitter(), "POST", "/oauth/request_token", {});
    expect(response.status).toBe(400);
    expect((await xErrors(response))[0]!.code).toBe(215);
  });

  it("oauth_callback in the query string is signed and accepted (X API reference, request_token's curl example)", async () => {
    const response = await send(
      createFakeTwitter(),
      "POST",
      `/oauth/request_token?oauth_callback=${encodeURIComponent(CALLBACK)}`,
      {},
    );
    expect(response.status).toBe(200);
  });

  it("X error 415: a callback that is not an exact match of a registered one is 403", async () => {
    const fake = createFakeTwitter({ consumers: [{ ...defaultConsumer, callbackUrls: [CALLBACK] }] });
    expect((await send(fake, "POST", "/oauth/request_token", {}, { callback: CALLBACK })).status).toBe(200);
    const response = await send(fake, "POST", "/oauth/request_token", {}, { callback: `${CALLBACK}/` });
    expect(response.status).toBe(403);
    expect(await xErrors(response)).toEqual([
      {
        code: 415,
        message:
          "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings",
      },
    ]);
  });

  it("X developer-apps docs: disallowed callback schemes are refused when no allow-list is set", async () => {
    const fake = createFakeTwitter();
    for (const callback of ["javascript:alert(1)", "data:text/html,x", "not a url"]) {
      const response = await send(fake, "POST", "/oauth/request_token", {}, { callback });
      expect(response.status, callback).toBe(403);
      expect((await xErrors(response))[0]!.code).toBe(415);
    }
  });

  it("X error 417: a desktop app may only use oob", async () => {
    const fake = createFakeTwitter({ consumers: [{ ...defaultConsumer, desktop: true }] });
    const web = await send(fake, "POST", "/oauth/request_token", {}, { callback: CALLBACK });
    expect(web.status).toBe(401);
    expect(await xErrors(web)).toEqual([
      { code: 417, message: "Desktop applications only support the oauth_callback value 'oob'" },
    ]);
    expect((await send(fake, "POST", "/oauth/request_token", {}, { callback: "oob" })).status).toBe(200);
  });
});

describe("POST /oauth/access_token", () => {
  it("X API reference: answers oauth_token, oauth_token_secret, user_id and screen_name as text/html form data", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    const response = await exchange(fake, tokens, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const form = new URLSearchParams(await response.text());
    expect([...form.keys()]).toEqual(["oauth_token", "oauth_token_secret", "user_id", "screen_name"]);
    expect(form.get("user_id")).toBe("1450000000000000001");
    expect(form.get("screen_name")).toBe("fake_user");
    // As in X's examples, access tokens start with the user id.
    expect(form.get("oauth_token")!.startsWith("1450000000000000001-")).toBe(true);
  });

  it("X docs, Log in with X step 3: signed without the request-token secret is 401 code 32", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    const response = await exchange(fake, { token: tokens.token, tokenSecret: "" }, verifier);
    expect(response.status).toBe(401);
    expect((await xErrors(response))[0]!.code).toBe(32);
  });

  it("RFC 5849 2.3: the verifier may come in the query (X API reference example) or in the header", async () => {
    const fake = createFakeTwitter();
    const a = await requestToken(fake);
    const va = new URL(fake.approve(a.token)).searchParams.get("oauth_verifier")!;
    const inQuery = await send(fake, "POST", `/oauth/access_token?oauth_verifier=${va}`, a);
    expect(inQuery.status).toBe(200);
    const b = await requestToken(fake);
    const vb = new URL(fake.approve(b.token)).searchParams.get("oauth_verifier")!;
    const inHeader = await send(fake, "POST", "/oauth/access_token", b, { verifier: vb });
    expect(inHeader.status).toBe(200);
  });

  it("a verifier that does not belong to the token is 401 'Invalid oauth_verifier parameter'", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    fake.approve(tokens.token);
    const response = await exchange(fake, tokens, "not-the-verifier");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("Error processing your OAuth request: Invalid oauth_verifier parameter");
  });

  it("another token's verifier does not work either", async () => {
    const fake = createFakeTwitter();
    const a = await requestToken(fake);
    const b = await requestToken(fake);
    fake.approve(a.token);
    const verifierOfB = new URL(fake.approve(b.token)).searchParams.get("oauth_verifier")!;
    expect(await (await exchange(fake, a, verifierOfB)).text()).toContain("Invalid oauth_verifier parameter");
  });

  it("a token the user has not approved yet has no verifier", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const response = await exchange(fake, tokens, "1234567");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Invalid oauth_verifier parameter");
  });

  it("RFC 5849 2: a request token is single-use ('Invalid / expired Token' the second time)", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    expect((await exchange(fake, tokens, verifier)).status).toBe(200);
    const again = await exchange(fake, tokens, verifier);
    expect(again.status).toBe(401);
    expect(await again.text()).toBe("Error processing your OAuth request: Invalid / expired Token");
  });

  it("an expired request token is 'Invalid / expired Token' (default lifetime 900 s)", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now });
    const timestamp = () => Math.floor(clock.now() / 1000);
    const response = await send(
      fake,
      "POST",
      "/oauth/request_token",
      {},
      { callback: CALLBACK, timestamp: timestamp() },
    );
    const form = new URLSearchParams(await response.text());
    const tokens = { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    clock.advance(900_000);
    const late = await send(fake, "POST", "/oauth/access_token", tokens, {
      body: `oauth_verifier=${verifier}`,
      timestamp: timestamp(),
    });
    expect(late.status).toBe(401);
    expect(await late.text()).toContain("Invalid / expired Token");
  });

  it("a denied request token can never be exchanged", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    fake.deny(tokens.token);
    const response = await exchange(fake, tokens, "anything");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Invalid / expired Token");
  });

  it("an unknown request token is 'Invalid / expired Token'", async () => {
    const response = await exchange(createFakeTwitter(), { token: "unknown", tokenSecret: "x" }, "v");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Invalid / expired Token");
  });

  it("X docs, PIN-based OAuth: the 7-digit PIN is the verifier, and it is not reusable", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake, "oob");
    const pin = fake.approve(tokens.token);
    expect(pin).toMatch(/^[0-9]{7}$/);
    const response = await send(fake, "POST", `/oauth/access_token?oauth_verifier=${pin}`, tokens);
    expect(response.status).toBe(200);
    expect((await send(fake, "POST", `/oauth/access_token?oauth_verifier=${pin}`, tokens)).status).toBe(401);
  });

  it("x_auth_access_type=read gives a read-only token (X API reference, request_token)", async () => {
    const fake = createFakeTwitter();
    const response = await send(
      fake,
      "POST",
      "/oauth/request_token?x_auth_access_type=read",
      {},
      { callback: CALLBACK },
    );
    const form = new URLSearchParams(await response.text());
    const tokens = { token: form.get("oauth_token")!, tokenSecret: form.get("oauth_token_secret")! };
    const verifier = new URL(fake.approve(tokens.token)).searchParams.get("oauth_verifier")!;
    const access = new URLSearchParams(await (await exchange(fake, tokens, verifier)).text());
    const me = await send(fake, "GET", "/1.1/account/verify_credentials.json", {
      token: access.get("oauth_token")!,
      tokenSecret: access.get("oauth_token_secret")!,
    });
    expect(me.headers.get("x-access-level")).toBe("read");
  });
});

describe("options.origin: signatures made for X's host, requests arriving elsewhere", () => {
  async function signedFor(url: string): Promise<string> {
    const { signRequest } = await import("../../src/oauth1/index.js");
    const signed = await signRequest(
      { method: "POST", url },
      { consumerKey: defaultConsumer.key, consumerSecret: defaultConsumer.secret },
      { callback: "oob" },
    );
    return signed.authorization;
  }

  it("a request signed for https://api.x.com that arrives at http://127.0.0.1:3001 is accepted", async () => {
    const fake = createFakeTwitter({ origin: "https://api.x.com" });
    const authorization = await signedFor("https://api.x.com/oauth/request_token");
    const response = await fake.fetch(
      new Request("http://127.0.0.1:3001/oauth/request_token", { method: "POST", headers: { authorization } }),
    );
    expect(response.status).toBe(200);
  });

  it("one signed for the origin it arrives at is still accepted; one for a third host is 401 code 32", async () => {
    const fake = createFakeTwitter({ origin: "https://api.x.com" });
    for (const [signedAt, status] of [
      ["http://127.0.0.1:3001", 200],
      ["https://api.twitter.com", 401],
    ] as const) {
      const authorization = await signedFor(`${signedAt}/oauth/request_token`);
      const response = await fake.fetch(
        new Request("http://127.0.0.1:3001/oauth/request_token", { method: "POST", headers: { authorization } }),
      );
      expect(response.status, signedAt).toBe(status);
    }
  });

  it("without the option, a signature for another host is 401 code 32", async () => {
    const authorization = await signedFor("https://api.x.com/oauth/request_token");
    const response = await createFakeTwitter().fetch(
      new Request("http://127.0.0.1:3001/oauth/request_token", { method: "POST", headers: { authorization } }),
    );
    expect(response.status).toBe(401);
  });

  it.each(["api.x.com", "https://api.x.com/path", "ftp://api.x.com", 42])("origin %s is a TypeError", (origin) => {
    expect(() => createFakeTwitter({ origin: origin as string })).toThrow(
      'options.origin must be an http(s) origin such as "https://api.x.com"',
    );
  });
});
