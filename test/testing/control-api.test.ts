import { describe, expect, it } from "vitest";
import { createFakeTwitter, type FakeTwitter } from "../../src/testing/index.js";
import { CALLBACK, ORIGIN, exchange, requestToken, send, signIn, xErrors } from "./helpers.js";

/** A control call as a test in another language makes it: a form POST, nothing signed. */
function control(fake: FakeTwitter, operation: string, fields: Record<string, string> = {}): Promise<Response> {
  return fake.fetch(
    new Request(`${ORIGIN}/_fake/${operation}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe("POST /_fake/approve", () => {
  it("answers the callback URL as text/plain, and its verifier completes step 3", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const response = await control(fake, "approve", { oauth_token: tokens.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const callback = new URL(await response.text());
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    expect(callback.searchParams.get("oauth_token")).toBe(tokens.token);
    const step3 = await exchange(fake, tokens, callback.searchParams.get("oauth_verifier")!);
    expect(new URLSearchParams(await step3.text()).get("screen_name")).toBe("fake_user");
  });

  it("answers the 7-digit PIN for an oob token, and approves as screen_name", async () => {
    const alice = { id: "7", screenName: "alice", name: "Alice", password: "pw" };
    const bob = { id: "8", screenName: "bob", name: "Bob", password: "pw" };
    const fake = createFakeTwitter({ users: [alice, bob] });
    const tokens = await requestToken(fake, "oob");
    const response = await control(fake, "approve", { oauth_token: tokens.token, screen_name: "bob" });
    const pin = await response.text();
    expect(pin).toMatch(/^[0-9]{7}$/);
    expect(new URLSearchParams(await (await exchange(fake, tokens, pin)).text()).get("user_id")).toBe("8");
  });

  it("takes a JSON body or query parameters too", async () => {
    const fake = createFakeTwitter();
    const first = await requestToken(fake);
    const json = await fake.fetch(
      new Request(`${ORIGIN}/_fake/approve`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ oauth_token: first.token }),
      }),
    );
    expect(json.status).toBe(200);
    const second = await requestToken(fake);
    const query = await fake.fetch(
      new Request(`${ORIGIN}/_fake/approve?oauth_token=${second.token}`, { method: "POST" }),
    );
    expect(query.status).toBe(200);
  });

  it.each([
    ["no oauth_token", {}, 400, "/_fake/approve needs oauth_token."],
    ["an unknown token", { oauth_token: "nope" }, 404, "oauth_token is not a pending request token of this fake"],
  ])("%s is a 4xx with a plain-text explanation", async (_, fields, status, text) => {
    const response = await control(createFakeTwitter(), "approve", fields);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toContain(text);
  });

  it("an unknown screen_name is 404 and leaves the token pending", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const response = await control(fake, "approve", { oauth_token: tokens.token, screen_name: "nobody" });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('screen_name "nobody" is not a user of this fake.');
    expect((await control(fake, "approve", { oauth_token: tokens.token })).status).toBe(200);
  });

  it("a token approved once cannot be approved again (404)", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    await control(fake, "approve", { oauth_token: tokens.token });
    expect((await control(fake, "approve", { oauth_token: tokens.token })).status).toBe(404);
  });
});

describe("POST /_fake/deny, /_fake/revoke, /_fake/reset", () => {
  it("deny answers the callback URL with denied=<token>", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const response = await control(fake, "deny", { oauth_token: tokens.token });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${CALLBACK}?denied=${tokens.token}`);
  });

  it("revoke answers 204 and the access token then gets 401 code 89; an unknown one is 404", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const response = await control(fake, "revoke", { oauth_token: user.token });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    const call = await send(fake, "GET", "/1.1/account/verify_credentials.json", user);
    expect(await xErrors(call)).toEqual([{ code: 89, message: "Invalid or expired token." }]);
    expect((await control(fake, "revoke", { oauth_token: user.token })).status).toBe(404);
  });

  it("reset answers 204 and forgets tokens: an access token from before gets 401 code 89", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    const pending = await requestToken(fake);
    expect((await control(fake, "reset")).status).toBe(204);
    expect((await xErrors(await send(fake, "GET", "/2/users/me", user)))[0]!.code).toBe(89);
    expect((await control(fake, "approve", { oauth_token: pending.token })).status).toBe(404);
    // The apps and users stay: a new sign-in works.
    const again = await signIn(fake);
    expect(again.screenName).toBe("fake_user");
  });

  it("reset() in process does the same", async () => {
    const fake = createFakeTwitter();
    const user = await signIn(fake);
    fake.fail({ code: 88 });
    fake.reset();
    expect((await xErrors(await send(fake, "GET", "/2/users/me", user)))[0]!.code).toBe(89);
  });
});

describe("the control API refuses what it does not understand", () => {
  it.each([
    ["GET", "/_fake/approve", undefined, 405, "Use POST for /_fake/approve."],
    [
      "POST",
      "/_fake/nothing",
      undefined,
      404,
      "POST to one of: /_fake/approve, /_fake/deny, /_fake/revoke, /_fake/fail, /_fake/reset",
    ],
    [
      "POST",
      "/_fake/approve",
      "text/plain",
      400,
      "send the fields as application/x-www-form-urlencoded or application/json",
    ],
    ["POST", "/_fake/approve", "application/json", 400, "not valid JSON"],
  ])("%s %s (%s) is %i", async (method, path, type, status, text) => {
    const init: RequestInit = { method };
    if (type !== undefined) init.body = "{oauth_token";
    if (type !== undefined) init.headers = { "content-type": type };
    const response = await createFakeTwitter().fetch(new Request(ORIGIN + path, init));
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(text);
    if (status === 405) expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("GET /", () => {
  it("is an HTML page that describes the fake, its endpoints and the control API", async () => {
    const response = await createFakeTwitter().fetch(new Request(`${ORIGIN}/`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Fake X</h1>");
    for (const text of [
      "POST /oauth/request_token",
      "GET /2/users/me",
      "POST /_fake/approve",
      "POST /_fake/fail",
      "fake-consumer-key",
      "@fake_user",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("fake-consumer-secret");
    expect(html).not.toMatch(/<script/i);
  });

  it("the footer of every page links to it", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const page = await (await fake.fetch(new Request(`${ORIGIN}/oauth/authenticate?oauth_token=${token}`))).text();
    expect(page).toContain('<a href="/"><strong>Fake X</strong></a>');
  });
});

describe("the control API obeys the tests, not the web pages a browser opens", () => {
  /** A control call as a browser sends it when a page posts a form (or fetches) to the fake. */
  function fromBrowser(fake: FakeTwitter, operation: string, headers: Record<string, string>): Promise<Response> {
    return fake.fetch(
      new Request(`${ORIGIN}/_fake/${operation}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "",
      }),
    );
  }

  it.each([
    ["a form posted by another site", { origin: "https://evil.example" }],
    ["an opaque origin (a sandboxed frame, a file:// page)", { origin: "null" }],
    ["another port of the same host", { origin: "https://api.x.com:8443" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
  ])("%s is refused with 403 and a plain-text reason, and changes nothing", async (_, headers) => {
    const fake = createFakeTwitter();
    const tokens = await signIn(fake);
    for (const operation of ["reset", "fail", "deny", "approve", "revoke"]) {
      const refused = await fromBrowser(fake, operation, headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await refused.text()).toMatch(/^Refused: the control API answers only its own origin/);
    }
    // Not reset, no failure injected: the access token from before still works.
    const verified = await send(fake, "GET", "/1.1/account/verify_credentials.json", tokens);
    expect(verified.status).toBe(200);
  });

  it.each([
    ["no Origin (curl, Python, a test client)", {}],
    ["its own origin", { origin: ORIGIN, "sec-fetch-site": "same-origin" }],
    ["Sec-Fetch-Site: none (typed in the address bar)", { "sec-fetch-site": "none" }],
  ])("%s is obeyed", async (_, headers) => {
    const fake = createFakeTwitter();
    const tokens = await signIn(fake);
    expect((await fromBrowser(fake, "reset", headers)).status).toBe(204);
    const verified = await send(fake, "GET", "/1.1/account/verify_credentials.json", tokens);
    expect(verified.status).toBe(401);
  });

  it("with options.origin, that origin is its own as well", async () => {
    const fake = createFakeTwitter({ origin: "https://api.x.com" });
    const answer = await fake.fetch(
      new Request("http://127.0.0.1:3001/_fake/reset", { method: "POST", headers: { origin: "https://api.x.com" } }),
    );
    expect(answer.status).toBe(204);
  });
});

describe("with options.origin, the fake knows its origin: a control call to another host name is refused", () => {
  it.each([
    ["the origin's host", "https://api.x.com/_fake/reset", 204],
    ["a loopback address", "http://127.0.0.1:3001/_fake/reset", 204],
    ["localhost", "http://localhost:3001/_fake/reset", 204],
    ["an IPv6 address", "http://[::1]:3001/_fake/reset", 204],
    ["another name pointed at the fake (DNS rebinding)", "http://rebind.attacker.example:3001/_fake/reset", 403],
  ])("%s", async (_, url, status) => {
    const fake = createFakeTwitter({ origin: "https://api.x.com" });
    const answer = await fake.fetch(new Request(url, { method: "POST" }));
    expect(answer.status).toBe(status);
    if (status === 403) expect(await answer.text()).toMatch(/^Refused: /);
  });

  it("without options.origin any host is served (the fake cannot know where it is mounted)", async () => {
    const fake = createFakeTwitter();
    const answer = await fake.fetch(new Request("http://any.example/_fake/reset", { method: "POST" }));
    expect(answer.status).toBe(204);
  });
});
