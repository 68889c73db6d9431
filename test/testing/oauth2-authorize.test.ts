// OAuth 2.0 sign-in with PKCE (docs.x.com: fundamentals/authentication/oauth-2-0/user-access-token;
// RFC 6749 4.1, RFC 7636): the authorize pages, the control API and the authorization_code grant.
import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultClient, defaultConsumer, type FakeTwitter } from "../../src/testing/index.js";
import { ORIGIN, manualClock } from "./helpers.js";
import { REDIRECT, RFC7636_VERIFIER, authorizeUrl, me, refresh, token } from "./oauth2-helpers.js";

function decodeEntities(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1]!] = decodeEntities(match[2]!);
  return fields;
}

function control(fake: FakeTwitter, operation: string, fields: Record<string, string>): Promise<Response> {
  return fake.fetch(new Request(`${ORIGIN}/_fake/${operation}`, { method: "POST", body: new URLSearchParams(fields) }));
}

function codeGrant(fake: FakeTwitter, code: string, extra: Record<string, string> = {}) {
  return token(fake, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT,
    code_verifier: RFC7636_VERIFIER,
    ...extra,
  });
}

describe("GET /i/oauth2/authorize: the sign-in and consent pages", () => {
  it("not signed in: the login form with the scopes in words; signing in redirects with code and state", async () => {
    const fake = createFakeTwitter();
    const page = await fake.fetch(new Request(authorizeUrl()));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Fake App");
    expect(html).toContain("See posts from your timeline");
    expect(html).toContain("Stay connected to your account until you revoke access.");
    expect(html).toContain('action="https://api.x.com/i/oauth2/authorize"');
    const submit = await fake.fetch(
      new Request(`${ORIGIN}/i/oauth2/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...hiddenFields(html),
          "session[username_or_email]": "fake_user",
          "session[password]": "password",
          action: "authorize",
        }),
      }),
    );
    expect(submit.status).toBe(303);
    const location = new URL(submit.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("state-123");
    const answer = await codeGrant(fake, location.searchParams.get("code")!);
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe("tweet.read users.read offline.access");
    expect((await me(fake, answer.body.access_token as string)).status).toBe(200);
  });

  it("Cancel redirects to redirect_uri with error=access_denied and the state", async () => {
    const fake = createFakeTwitter();
    const html = await (await fake.fetch(new Request(authorizeUrl()))).text();
    const cancel = await fake.fetch(
      new Request(`${ORIGIN}/i/oauth2/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...hiddenFields(html), action: "cancel" }),
      }),
    );
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`${REDIRECT}?error=access_denied&state=state-123`);
  });

  it("an unknown client or an unregistered redirect_uri is a page for the user, never a redirect (RFC 6749 4.1.2.1)", async () => {
    const fake = createFakeTwitter({ clients: [{ ...defaultClient, redirectUris: [REDIRECT] }] });
    for (const url of [authorizeUrl({ client_id: "nobody" }), authorizeUrl({ redirect_uri: `${REDIRECT}/other` })]) {
      const page = await fake.fetch(new Request(url));
      expect(page.status).toBe(400);
      expect(page.headers.get("location")).toBeNull();
    }
  });

  it("a bad scope, a missing code_challenge or state, or response_type=token go back to the app with the error", async () => {
    const fake = createFakeTwitter();
    const cases: Array<[Record<string, string>, string]> = [
      [{ scope: "tweet.read no.such.scope" }, "invalid_scope"],
      [{ code_challenge: "" }, "invalid_request"],
      [{ code_challenge_method: "S512" }, "invalid_request"],
      [{ state: "" }, "invalid_request"],
      [{ response_type: "token" }, "unsupported_response_type"],
    ];
    for (const [params, error] of cases) {
      const page = await fake.fetch(new Request(authorizeUrl(params)));
      expect(page.status).toBe(303);
      expect(new URL(page.headers.get("location")!).searchParams.get("error")).toBe(error);
    }
  });
  it("a code_challenge that is there but malformed is described as such, not as missing (RFC 7636 4.2)", async () => {
    const fake = createFakeTwitter();
    for (const challenge of ["abc", `${"a".repeat(42)}+`, "a".repeat(129)]) {
      const page = await fake.fetch(new Request(authorizeUrl({ code_challenge: challenge })));
      const location = new URL(page.headers.get("location")!);
      expect(location.searchParams.get("error")).toBe("invalid_request");
      expect(location.searchParams.get("error_description")).toBe(
        "code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636 4.2).",
      );
    }
    const missing = await fake.fetch(new Request(authorizeUrl({ code_challenge: "" })));
    expect(new URL(missing.headers.get("location")!).searchParams.get("error_description")).toBe(
      "code_challenge is required (RFC 7636 4.2).",
    );
  });
  it("a parameter sent twice is refused as sent twice, not as missing (RFC 6749 3.1)", async () => {
    const fake = createFakeTwitter();
    for (const name of ["state", "scope", "code_challenge", "response_type"]) {
      const url = new URL(authorizeUrl());
      url.searchParams.append(name, url.searchParams.get(name)!);
      const location = new URL((await fake.fetch(new Request(url))).headers.get("location")!);
      expect(location.searchParams.get("error")).toBe("invalid_request");
      expect(location.searchParams.get("error_description")).toBe(`${name} is sent more than once (RFC 6749 3.1).`);
    }
  });
});

describe("POST /_fake/approve and /_fake/deny with authorize_url", () => {
  it("approve answers 200 text/plain: the redirect_uri with code and state, for the named user", async () => {
    const fake = createFakeTwitter({
      users: [
        { id: "1", screenName: "first", name: "First", password: "p" },
        { id: "2", screenName: "second", name: "Second", password: "p" },
      ],
    });
    const answer = await control(fake, "approve", { authorize_url: authorizeUrl(), screen_name: "second" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const redirect = new URL(await answer.text());
    expect(redirect.searchParams.get("state")).toBe("state-123");
    const tokens = await codeGrant(fake, redirect.searchParams.get("code")!);
    const user = await me(fake, tokens.body.access_token as string);
    expect(((await user.json()) as { data: { id: string } }).data.id).toBe("2");
  });

  it("deny answers the redirect_uri with error=access_denied and state", async () => {
    const fake = createFakeTwitter();
    const answer = await control(fake, "deny", { authorize_url: authorizeUrl({ state: "s p" }) });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(`${REDIRECT}?error=access_denied&state=s+p`);
  });

  it("a URL that is not an authorize URL of a client of this fake is a 404 that says so", async () => {
    const fake = createFakeTwitter();
    const answer = await control(fake, "approve", { authorize_url: "https://example.com/" });
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain("authorize_url");
    const noClient = await control(fake, "approve", { authorize_url: "https://api.x.com/i/oauth2/authorize" });
    expect(await noClient.text()).toBe("client_id is missing or not a client of this fake.");
  });
});

describe("authorization_code grant", () => {
  it("the code is single use: a second attempt is invalid_grant", async () => {
    const fake = createFakeTwitter();
    const code = new URL(fake.approveAuthorization(authorizeUrl())).searchParams.get("code")!;
    expect((await codeGrant(fake, code)).status).toBe(200);
    expect((await codeGrant(fake, code)).body.error).toBe("invalid_grant");
  });

  it("a wrong code_verifier, another redirect_uri or another client: invalid_grant, and the code is spent", async () => {
    const fake = createFakeTwitter({
      clients: [{ ...defaultClient }, { clientId: "public-client", consumerKey: defaultConsumer.key }],
    });
    const codeOf = () => new URL(fake.approveAuthorization(authorizeUrl())).searchParams.get("code")!;
    const wrongVerifier = codeOf();
    expect((await codeGrant(fake, wrongVerifier, { code_verifier: "a".repeat(43) })).body.error).toBe("invalid_grant");
    expect((await codeGrant(fake, wrongVerifier)).body.error).toBe("invalid_grant");
    expect((await codeGrant(fake, codeOf(), { redirect_uri: `${REDIRECT}/` })).body.error).toBe("invalid_grant");
    const otherClient = await token(
      fake,
      { grant_type: "authorization_code", code: codeOf(), redirect_uri: REDIRECT, code_verifier: RFC7636_VERIFIER },
      { id: "public-client" },
    );
    expect(otherClient.body.error).toBe("invalid_grant");
  });

  it("PKCE plain: the verifier is the challenge", async () => {
    const fake = createFakeTwitter();
    const url = authorizeUrl({ code_challenge: RFC7636_VERIFIER, code_challenge_method: "plain" });
    const code = new URL(fake.approveAuthorization(url)).searchParams.get("code")!;
    expect((await codeGrant(fake, code)).status).toBe(200);
  });

  it("the code expires after 30 s by the fake's clock", async () => {
    const clock = manualClock();
    const fake = createFakeTwitter({ now: clock.now });
    const code = new URL(fake.approveAuthorization(authorizeUrl())).searchParams.get("code")!;
    clock.advance(30_000);
    expect((await codeGrant(fake, code)).body.error).toBe("invalid_grant");
  });

  it("without offline.access: no refresh token (X docs, Refresh tokens); with it, the refresh rotates", async () => {
    const fake = createFakeTwitter();
    const bare = new URL(fake.approveAuthorization(authorizeUrl({ scope: "tweet.read users.read" })));
    const noRefresh = await codeGrant(fake, bare.searchParams.get("code")!);
    expect(noRefresh.status).toBe(200);
    expect(noRefresh.body.refresh_token).toBeUndefined();
    const full = new URL(fake.approveAuthorization(authorizeUrl()));
    const tokens = await codeGrant(fake, full.searchParams.get("code")!);
    const next = await refresh(fake, tokens.body.refresh_token as string);
    expect(next.status).toBe(200);
    expect((await refresh(fake, tokens.body.refresh_token as string)).body.error).toBe("invalid_grant");
  });

  it("a missing code_verifier is invalid_request", async () => {
    const fake = createFakeTwitter();
    const code = new URL(fake.approveAuthorization(authorizeUrl())).searchParams.get("code")!;
    const answer = await token(fake, { grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_request");
  });
});

describe("a user already signed in on the fake", () => {
  it("sees the consent alone, with a way to switch accounts, and Authorize app redirects with a code", async () => {
    const fake = createFakeTwitter();
    const login = await (await fake.fetch(new Request(authorizeUrl()))).text();
    const signedIn = await fake.fetch(
      new Request(`${ORIGIN}/i/oauth2/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...hiddenFields(login),
          "session[username_or_email]": "fake_user",
          "session[password]": "password",
          action: "authorize",
        }),
      }),
    );
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const consent = await fake.fetch(new Request(authorizeUrl({ state: "second" }), { headers: { cookie } }));
    const html = await consent.text();
    expect(html).toContain("Signed in as <strong>Fake User</strong>");
    expect(html).not.toContain('name="session[password]"');
    expect(html).toContain("force_login=true");
    const approve = await fake.fetch(
      new Request(`${ORIGIN}/i/oauth2/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ ...hiddenFields(html), action: "authorize" }),
      }),
    );
    const location = new URL(approve.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("second");
    expect((await codeGrant(fake, location.searchParams.get("code")!)).status).toBe(200);
  });

  it("a wrong password shows the form again with an alert, and a form without its authenticity token is refused", async () => {
    const fake = createFakeTwitter();
    const html = await (await fake.fetch(new Request(authorizeUrl()))).text();
    const post = (fields: Record<string, string>) =>
      fake.fetch(
        new Request(`${ORIGIN}/i/oauth2/authorize`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields),
        }),
      );
    const wrong = await post({
      ...hiddenFields(html),
      "session[username_or_email]": "fake_user",
      "session[password]": "nope",
      action: "authorize",
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('role="alert"');
    const { authenticity_token: _, ...withoutToken } = hiddenFields(html);
    const forged = await post({ ...withoutToken, action: "cancel" });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("location")).toBeNull();
  });
});
