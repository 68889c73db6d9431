import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultConsumer, type FakeTwitter } from "../../src/testing/index.js";
import { CALLBACK, ORIGIN, exchange, requestToken } from "./helpers.js";

function decodeEntities(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** The hidden fields of the page's form, as a browser would post them. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1]!] = decodeEntities(match[2]!);
  return fields;
}

/** A tiny cookie-keeping browser for the fake's own origin. */
function browser(fake: FakeTwitter) {
  let cookie: string | undefined;
  const remember = (response: Response): Response => {
    const set = response.headers.get("set-cookie");
    if (set !== null) cookie = set.split(";")[0];
    return response;
  };
  return {
    get cookie() {
      return cookie;
    },
    async get(path: string): Promise<Response> {
      return remember(
        await fake.fetch(new Request(ORIGIN + path, { headers: cookie === undefined ? {} : { cookie } })),
      );
    },
    async post(path: string, fields: Record<string, string>): Promise<Response> {
      const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
      if (cookie !== undefined) headers.cookie = cookie;
      return remember(
        await fake.fetch(
          new Request(ORIGIN + path, { method: "POST", headers, body: new URLSearchParams(fields).toString() }),
        ),
      );
    },
  };
}

async function signInThroughForm(_fake: FakeTwitter, b: ReturnType<typeof browser>, token: string): Promise<Response> {
  const page = await b.get(`/oauth/authenticate?oauth_token=${token}`);
  const html = await page.text();
  return b.post("/oauth/authorize", {
    ...hiddenFields(html),
    "session[username_or_email]": "fake_user",
    "session[password]": "password",
    action: "authorize",
  });
}

describe("X docs, Log in with X: the three sign-in states", () => {
  it("not signed in: a login form with the consent, labelled, no script, the app name and the permissions", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const page = await browser(fake).get(`/oauth/authenticate?oauth_token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const html = await page.text();
    expect(html).toContain("<strong>Fake App</strong>");
    expect(html).toContain('<label for="username">');
    expect(html).toContain('<label for="password">');
    expect(html).toContain('id="password" name="session[password]" type="password"');
    expect(html).toContain("Post and delete posts for you");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`action="${ORIGIN}/oauth/authorize"`);
  });

  it("signing in on the form approves and redirects to the callback with oauth_token and oauth_verifier (RFC 5849 2.2)", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    const b = browser(fake);
    const response = await signInThroughForm(fake, b, tokens.token);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(CALLBACK);
    expect(location.searchParams.get("oauth_token")).toBe(tokens.token);
    const set = response.headers.get("set-cookie")!;
    expect(set).toMatch(/^fake_x_session=[A-Za-z0-9]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    expect((await exchange(fake, tokens, location.searchParams.get("oauth_verifier")!)).status).toBe(200);
  });

  it("signed in and already approved: authenticate redirects at once", async () => {
    const fake = createFakeTwitter();
    const b = browser(fake);
    await signInThroughForm(fake, b, (await requestToken(fake)).token);
    const second = await requestToken(fake);
    const response = await b.get(`/oauth/authenticate?oauth_token=${second.token}`);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("oauth_token")).toBe(second.token);
    expect((await exchange(fake, second, location.searchParams.get("oauth_verifier")!)).status).toBe(200);
  });

  it("signed in but not approved (another app): a consent page, and Authorize app redirects", async () => {
    const other = { key: "other-app", secret: "other-secret", name: "Other <App>" };
    const fake = createFakeTwitter({ consumers: [defaultConsumer, other] });
    const b = browser(fake);
    await signInThroughForm(fake, b, (await requestToken(fake)).token);
    const tokens = await requestToken(fake, CALLBACK, { consumerKey: other.key, consumerSecret: other.secret });
    const page = await b.get(`/oauth/authenticate?oauth_token=${tokens.token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<strong>Other &#60;App&#62;</strong>");
    expect(html).toContain("(@fake_user)");
    expect(html).not.toContain('name="session[password]"');
    expect(html).toContain(">Authorize app</button>");
    const response = await b.post("/oauth/authorize", { ...hiddenFields(html), action: "authorize" });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).searchParams.get("oauth_token")).toBe(tokens.token);
  });

  it("X API reference: force_login shows the form even when signed in and approved", async () => {
    const fake = createFakeTwitter();
    const b = browser(fake);
    await signInThroughForm(fake, b, (await requestToken(fake)).token);
    const { token } = await requestToken(fake);
    const page = await b.get(`/oauth/authenticate?oauth_token=${token}&force_login=true`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="session[password]"');
  });

  it("X API reference: authorize always asks, even when approved", async () => {
    const fake = createFakeTwitter();
    const b = browser(fake);
    await signInThroughForm(fake, b, (await requestToken(fake)).token);
    const { token } = await requestToken(fake);
    const page = await b.get(`/oauth/authorize?oauth_token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(">Authorize app</button>");
  });

  it("X API reference: without 'Sign in with X', authenticate behaves like authorize", async () => {
    const fake = createFakeTwitter({ consumers: [{ ...defaultConsumer, signInWithX: false }] });
    const b = browser(fake);
    await signInThroughForm(fake, b, (await requestToken(fake)).token);
    const page = await b.get(`/oauth/authenticate?oauth_token=${(await requestToken(fake)).token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(">Authorize app</button>");
  });

  it("X API reference: screen_name prefills the username, escaped", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const html = await (
      await browser(fake).get(
        `/oauth/authenticate?oauth_token=${token}&screen_name=${encodeURIComponent('"><script>x</script>')}`,
      )
    ).text();
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"');
    expect(html).not.toContain("<script>");
  });

  it("a wrong password shows the form again with an alert and no session", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const b = browser(fake);
    const html = await (await b.get(`/oauth/authenticate?oauth_token=${token}`)).text();
    const response = await b.post("/oauth/authorize", {
      ...hiddenFields(html),
      "session[username_or_email]": "fake_user",
      "session[password]": "nope",
      action: "authorize",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('role="alert"');
    expect(b.cookie).toBeUndefined();
  });

  it("the email address signs in too", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const b = browser(fake);
    const html = await (await b.get(`/oauth/authenticate?oauth_token=${token}`)).text();
    const response = await b.post("/oauth/authorize", {
      ...hiddenFields(html),
      "session[username_or_email]": "FAKE_USER@example.com",
      "session[password]": "password",
      action: "authorize",
    });
    expect(response.status).toBe(303);
  });
});

describe("Cancel, PIN and bad tokens", () => {
  it("passport-twitter's documented Cancel: leads to 'You cancelled' with a link to callback?denied=<token>", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake, "https://app.example/cb?from=home");
    const b = browser(fake);
    const html = await (await b.get(`/oauth/authenticate?oauth_token=${tokens.token}`)).text();
    const response = await b.post("/oauth/authorize", { ...hiddenFields(html), action: "cancel" });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("<h1>You cancelled</h1>");
    expect(page).toContain(`href="https://app.example/cb?from=home&#38;denied=${tokens.token}"`);
    expect((await exchange(fake, tokens, "x")).status).toBe(401);
  });

  it("X docs, PIN-based OAuth: an oob token shows a 7-digit PIN that works as the verifier", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake, "oob");
    const b = browser(fake);
    const response = await signInThroughForm(fake, b, tokens.token);
    expect(response.status).toBe(200);
    const pin = /<output>(\d+)<\/output>/.exec(await response.text())![1]!;
    expect(pin).toMatch(/^[0-9]{7}$/);
    expect((await exchange(fake, tokens, pin)).status).toBe(200);
  });

  it("a used, unknown or missing request token shows X's 'invalid request token' page", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake);
    fake.approve(tokens.token);
    for (const path of [
      `/oauth/authenticate?oauth_token=${tokens.token}`,
      "/oauth/authenticate?oauth_token=nope",
      "/oauth/authorize",
    ]) {
      const response = await browser(fake).get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain("The request token for this page is invalid.");
    }
  });

  it("a form post without the page's authenticity token is refused (another site cannot approve)", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    const response = await browser(fake).post("/oauth/authorize", {
      oauth_token: token,
      "session[username_or_email]": "fake_user",
      "session[password]": "password",
      action: "authorize",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});

describe("callbacks beyond ASCII", () => {
  // A header value is a byte string (Fetch, "header value"), so the callback X was given verbatim
  // must be percent-encoded (RFC 3986 3.4) before it goes into Location; the ASCII bytes stay as sent.
  it.each([
    ["non-ASCII path", "https://app.example/cb/ü☃", "https://app.example/cb/%C3%BC%E2%98%83"],
    ["a space and a query", "https://app.example/cb?next=/a b&x=ü", "https://app.example/cb?next=/a%20b&x=%C3%BC"],
  ])(
    "%s: approving on the page redirects to the callback, encoded, and the token can be exchanged",
    async (_, callback, encoded) => {
      const fake = createFakeTwitter();
      const tokens = await requestToken(fake, callback);
      const b = browser(fake);
      const response = await signInThroughForm(fake, b, tokens.token);
      expect(response.headers.get("x-fake-twitter-error")).toBeNull();
      expect(response.status).toBe(303);
      const location = response.headers.get("location")!;
      expect(
        location.startsWith(
          `${encoded}${encoded.includes("?") ? "&" : "?"}oauth_token=${tokens.token}&oauth_verifier=`,
        ),
      ).toBe(true);
      const verifier = new URL(location).searchParams.get("oauth_verifier")!;
      expect((await exchange(fake, tokens, verifier)).status).toBe(200);
    },
  );

  it("Cancel with a non-ASCII callback links back to it, encoded", async () => {
    const fake = createFakeTwitter();
    const tokens = await requestToken(fake, "https://app.example/cb/ü");
    expect(fake.deny(tokens.token)).toBe(`https://app.example/cb/%C3%BC?denied=${tokens.token}`);
  });
});
