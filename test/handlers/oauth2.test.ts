// The same handlers with a TwitterOAuth2 client: "Log in with X" over OAuth 2.0 with PKCE (docs.x.com
// "OAuth 2.0 Authorization Code Flow with PKCE"; RFC 7636; RFC 6749 4.1 and 10.12), against the fake
// X's authorize pages and token endpoint. Every outcome a user can hit (Cancel, a replayed or foreign
// callback, an expired sign-in, X failing) is answered as the OAuth 1.0a sign-in answers it.
import { createHash } from "node:crypto";
import { Cookie } from "tough-cookie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInHandlers } from "../../src/handlers/index.js";
import { TwitterOAuth2 } from "../../src/oauth2/index.js";
import { defaultClient, defaultUser } from "../../src/testing/index.js";
import { isLoginForm } from "./browser.js";
import { startOAuth2Tab, setupOAuth2 } from "./oauth2-setup.js";
import { APP, CALLBACK, COOKIE_SECRET, LOGIN, PENDING_PREFIX, USER, X, setup, startTab } from "./setup.js";

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {}); // the default page logs; tests that care look
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const base64url = (bytes: Buffer): string => bytes.toString("base64url");
const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/** The form the client sent to the token endpoint, from the recorded calls. */
async function tokenRequests(app: ReturnType<typeof setupOAuth2>): Promise<URLSearchParams[]> {
  const calls = app.xCalls.filter((call) => new URL(call.request.url).pathname === "/2/oauth2/token");
  return Promise.all(calls.map(async (call) => new URLSearchParams(await call.request.clone().text())));
}

describe("a sign-in over OAuth 2.0", () => {
  it("goes to X's authorize page with an S256 challenge and a state, back to the callback, and hands tokens, user and returnTo to onSuccess", async () => {
    const app = setupOAuth2();
    const started = await app.browser.request(`${LOGIN}?return_to=%2Faccount%3Ftab%3D2`);
    expect(started.status).toBe(302);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const location = new URL(started.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${X}/i/oauth2/authorize`);
    const query = location.searchParams;
    expect(query.get("response_type")).toBe("code");
    expect(query.get("client_id")).toBe(defaultClient.clientId);
    expect(query.get("redirect_uri")).toBe(CALLBACK);
    expect(query.get("code_challenge_method")).toBe("S256");
    const state = query.get("state")!;
    expect(state).toMatch(/^[\w-]{43}$/);
    // The cookie is named after the state: the prefix and 96 bits of its SHA-256.
    const cookieName = PENDING_PREFIX + base64url(sha256(state).subarray(0, 12));
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([cookieName]);

    const page = await app.browser.request(location.href);
    expect(isLoginForm(await page.clone().text())).toBe(true);
    const submitted = await app.browser.submitXForm(location.href, page, "authorize", USER);
    expect(submitted.status).toBe(303);
    const back = await app.browser.open(submitted.headers.get("location")!);

    expect(back.url).toBe(`${APP}/account?tab=2`);
    expect(app.successes).toHaveLength(1);
    const [result] = app.successes;
    expect(result!.protocol).toBe("oauth2");
    expect(result!.returnTo).toBe("/account?tab=2");
    expect(result!.tokens.accessToken).toEqual(expect.any(String));
    expect(result!.tokens.refreshToken).toEqual(expect.any(String));
    expect(result!.tokens.scopes.sort()).toEqual(["offline.access", "tweet.read", "users.read"]);
    expect(result!.user).toMatchObject({ id: defaultUser.id, username: defaultUser.screenName });
    expect(app.xCalls.map((call) => `${call.request.method} ${new URL(call.request.url).pathname}`)).toEqual([
      "POST /2/oauth2/token",
      "GET /2/users/me",
    ]);
    // The verifier the exchange sent is the one whose S256 challenge went to X (RFC 7636 4.2, 4.5).
    const [form] = await tokenRequests(app);
    expect(form!.get("grant_type")).toBe("authorization_code");
    const verifier = form!.get("code_verifier")!;
    expect(base64url(sha256(verifier))).toBe(query.get("code_challenge"));
    // ... and it left the server only sealed: not in the redirect, not readable in the cookie.
    expect(started.headers.get("location")).not.toContain(verifier);
    expect(started.headers.getSetCookie().join("\n")).not.toContain(verifier);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
  });

  it("fetchUser: false skips GET /2/users/me", async () => {
    const app = setupOAuth2({ fetchUser: false });
    const tab = await startOAuth2Tab(app);
    expect((await app.browser.request(app.fake.approveAuthorization(tab.authorizeUrl))).status).toBe(303);
    expect(app.successes[0]!.user).toBeUndefined();
    expect(app.successes[0]!.tokens.accessToken).toEqual(expect.any(String));
    expect(app.xCalls.map((call) => new URL(call.request.url).pathname)).toEqual(["/2/oauth2/token"]);
  });

  it("ignores forceLogin and screenName, which X's OAuth 2.0 authorize page does not take", async () => {
    const app = setupOAuth2();
    const started = await app.signIn.login(new Request(LOGIN), { forceLogin: true, screenName: "someone" });
    const query = new URL(started.headers.get("location")!).searchParams;
    expect([query.has("force_login"), query.has("screen_name")]).toEqual([false, false]);
  });

  it("refuses includeEmail at creation (GET /2/users/me has no email), naming the option", () => {
    const client = new TwitterOAuth2({ clientId: "id", callbackUrl: CALLBACK });
    const create = (): unknown =>
      createSignInHandlers({
        client,
        cookieSecret: COOKIE_SECRET,
        includeEmail: true,
        onSuccess: () => new Response(),
      });
    expect(create).toThrow(TypeError);
    expect(create).toThrow(/^options\.includeEmail must be false with a TwitterOAuth2 client, got boolean$/);
  });

  it("refuses a TwitterOAuth2 client without a callbackUrl at creation", () => {
    const client = new TwitterOAuth2({ clientId: "id" });
    expect(() =>
      createSignInHandlers({ client, cookieSecret: COOKIE_SECRET, onSuccess: () => new Response() }),
    ).toThrow(
      /^options\.client's callbackUrl must be the http\(s\) callback URL registered in the X app, got undefined$/,
    );
  });
});

describe("several sign-ins in one browser", () => {
  it("two tabs started one after the other both finish, in the other order", async () => {
    const app = setupOAuth2();
    const tabA = await startOAuth2Tab(app);
    const tabB = await startOAuth2Tab(app);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toHaveLength(2);
    const submittedB = await app.browser.submitXForm(tabB.authorizeUrl, tabB.page, "authorize", USER);
    const submittedA = await app.browser.submitXForm(tabA.authorizeUrl, tabA.page, "authorize", USER);
    expect((await app.browser.open(submittedB.headers.get("location")!)).url).toBe(`${APP}/`);
    expect((await app.browser.open(submittedA.headers.get("location")!)).url).toBe(`${APP}/`);
    expect(app.successes).toHaveLength(2);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
  });

  it("a 6th sign-in drops the oldest pending one, whose callback then fails alone", async () => {
    const app = setupOAuth2();
    const tabs = [];
    for (let i = 0; i < 5; i++) tabs.push(await startOAuth2Tab(app));
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2000 }); // the 6th is clearly the newest
    const sixth = await startOAuth2Tab(app);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toHaveLength(5);
    const oldest = await app.browser.request(app.fake.approveAuthorization(tabs[0]!.authorizeUrl));
    expect(oldest.status).toBe(400);
    expect(await oldest.text()).toContain("This sign-in expired or was already used.");
    expect(oldest.headers.getSetCookie()).toEqual([]);
    for (const tab of [...tabs.slice(1), sixth]) {
      expect((await app.browser.request(app.fake.approveAuthorization(tab.authorizeUrl))).status).toBe(303);
    }
    expect(app.successes).toHaveLength(5);
  });
});

describe("a code of another sign-in", () => {
  it("is refused by X's token endpoint: this sign-in's code verifier does not match that code's challenge", async () => {
    const app = setupOAuth2({ onError: (error) => new Response(error.code, { status: 400 }) });
    const tabA = await startOAuth2Tab(app);
    const tabB = await startOAuth2Tab(app);
    const codeOfB = new URL(app.fake.approveAuthorization(tabB.authorizeUrl)).searchParams.get("code")!;
    // An attacker's code slipped into the victim's callback (RFC 7636 1: code injection).
    const answer = await app.browser.request(`${CALLBACK}?code=${encodeURIComponent(codeOfB)}&state=${tabA.state}`);
    expect(await answer.text()).toBe("HTTP_ERROR");
    expect(app.errors[0]!.status).toBe(400);
    expect(app.errors[0]!.oauthError).toBe("invalid_grant");
    const [form] = await tokenRequests(app);
    expect(form!.get("code")).toBe(codeOfB);
    expect(base64url(sha256(form!.get("code_verifier")!))).toBe(
      new URL(tabA.authorizeUrl).searchParams.get("code_challenge"),
    );
    expect(answer.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)]); // tab A's sign-in is spent
    expect(app.successes).toEqual([]);
  });
});

describe("a callback that matches no pending sign-in", () => {
  it("a foreign state, a foreign Cancel or no state leave the pending sign-in alone", async () => {
    const app = setupOAuth2({ onError: (error) => new Response(error.code, { status: 400 }) });
    const tab = await startOAuth2Tab(app);
    for (const query of ["?error=access_denied&state=x", "?code=c&state=other", "", "?code=c"]) {
      const answer = await app.browser.request(`${CALLBACK}${query}`);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(app.errors.map((e) => e.code)).toEqual([
      "INVALID_STATE",
      "INVALID_STATE",
      "INVALID_CALLBACK",
      "INVALID_CALLBACK",
    ]);
    expect(app.errors[2]!.message).toBe("The callback has no state; start the sign-in again");
    expect(app.xCalls).toEqual([]);
    expect((await app.browser.request(app.fake.approveAuthorization(tab.authorizeUrl))).status).toBe(303);
    expect(app.successes).toHaveLength(1);
  });

  it("an expired pending sign-in is INVALID_STATE, even while its cookie is still sent", async () => {
    const app = setupOAuth2({ maxAgeSeconds: 60, onError: (error) => new Response(error.message, { status: 400 }) });
    const tab = await startOAuth2Tab(app);
    const callback = app.fake.approveAuthorization(tab.authorizeUrl);
    const cookie = await app.browser.jar.getCookieString(CALLBACK);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    const answer = await app.signIn.callback(new Request(callback, { headers: { cookie } }));
    expect(await answer.text()).toMatch(
      /^This callback's pending sign-in expired \(6\d s old, the limit is 60 s\); start the sign-in again$/,
    );
    expect(answer.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)]);
    expect(app.xCalls).toEqual([]);
  });
});

// Each outcome, over both protocols, through the default page: same status, same body, same
// content type, the same cookies cleared.
interface Outcome {
  status: number;
  body: string;
  type: string | null;
  cleared: number;
  set: number;
}

async function outcome(response: Response): Promise<Outcome> {
  const cookies = response.headers.getSetCookie();
  return {
    status: response.status,
    body: await response.text(),
    type: response.headers.get("content-type"),
    cleared: cookies.filter((line) => /Max-Age=0/.test(line)).length,
    set: cookies.length,
  };
}

function inBoth(options: { maxAgeSeconds?: number; failX?: (url: URL) => boolean } = {}) {
  return async (
    drive: (
      app: Pick<ReturnType<typeof setup>, "browser" | "signIn">,
      tab: { approve(): string; deny(): string },
    ) => Promise<Response>,
  ): Promise<Record<"oauth1" | "oauth2", Outcome>> => {
    const wrapX = options.failX
      ? (next: (request: Request) => Promise<Response>) => async (request: Request) =>
          options.failX!(new URL(request.url))
            ? new Response(JSON.stringify({ title: "Service Unavailable", status: 503 }), {
                status: 503,
                headers: { "content-type": "application/json" },
              })
            : next(request)
      : undefined;
    const common = {
      ...(options.maxAgeSeconds ? { maxAgeSeconds: options.maxAgeSeconds } : {}),
      ...(wrapX ? { wrapX } : {}),
    };
    const one = setup(common);
    const oneTab = await startTab(one);
    const two = setupOAuth2(common);
    const twoTab = await startOAuth2Tab(two);
    return {
      oauth1: await outcome(
        await drive(one, { approve: () => one.fake.approve(oneTab.token), deny: () => one.fake.deny(oneTab.token) }),
      ),
      oauth2: await outcome(
        await drive(two, {
          approve: () => two.fake.approveAuthorization(twoTab.authorizeUrl),
          deny: () => two.fake.denyAuthorization(twoTab.authorizeUrl),
        }),
      ),
    };
  };
}

describe("every failure answers as over OAuth 1.0a", () => {
  it("Cancel: AUTHORIZATION_DENIED, the sign-in's cookie cleared, nothing logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const both = await inBoth()((app, tab) => app.browser.request(tab.deny()));
    expect(both.oauth1).toMatchObject({ status: 403, cleared: 1, set: 1 });
    expect(both.oauth1.body).toContain("You cancelled signing in with X.");
    expect(both.oauth2).toEqual(both.oauth1);
    expect(log).not.toHaveBeenCalled();
  });

  it("a replayed callback: INVALID_STATE, no cookie touched", async () => {
    const both = await inBoth()(async (app, tab) => {
      const callback = tab.approve();
      expect((await app.browser.request(callback)).status).toBe(303);
      return app.browser.request(callback);
    });
    expect(both.oauth1).toMatchObject({ status: 400, set: 0 });
    expect(both.oauth1.body).toContain("This sign-in expired or was already used.");
    expect(both.oauth2).toEqual(both.oauth1);
  });

  it("an expired sign-in: INVALID_STATE, its cookie cleared", async () => {
    const both = await inBoth({ maxAgeSeconds: 60 })(async (app, tab) => {
      const callback = tab.approve();
      const cookie = await app.browser.jar.getCookieString(CALLBACK); // a browser whose clock lags
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
      try {
        return await app.signIn.callback(new Request(callback, { headers: { cookie } }));
      } finally {
        vi.useRealTimers();
      }
    });
    expect(both.oauth1).toMatchObject({ status: 400, cleared: 1 });
    expect(both.oauth1.body).toContain("This sign-in expired or was already used.");
    expect(both.oauth2).toEqual(both.oauth1);
  });

  it("X failing on the exchange: HTTP_ERROR, the sign-in's cookie cleared", async () => {
    const exchange = (url: URL): boolean =>
      url.pathname === "/oauth/access_token" || url.pathname === "/2/oauth2/token";
    const both = await inBoth({ failX: exchange })((app, tab) => app.browser.request(tab.approve()));
    expect(both.oauth1).toMatchObject({ status: 502, cleared: 1, set: 1 });
    expect(both.oauth1.body).toContain("X could not complete the sign-in right now.");
    expect(both.oauth2).toEqual(both.oauth1);
  });

  it("X failing on the user: HTTP_ERROR, the sign-in's cookie cleared", async () => {
    const user = (url: URL): boolean =>
      url.pathname.endsWith("verify_credentials.json") || url.pathname === "/2/users/me";
    const both = await inBoth({ failX: user })((app, tab) => app.browser.request(tab.approve()));
    expect(both.oauth1).toMatchObject({ status: 502, cleared: 1, set: 1 });
    expect(both.oauth1.body).toContain("X could not complete the sign-in right now.");
    expect(both.oauth2).toEqual(both.oauth1);
  });
});

describe("the default page's Try again link keeps the page the user was going to", () => {
  for (const path of ["/2/oauth2/token", "/2/users/me"]) {
    it(`X down on ${path}: return_to survives into the link`, async () => {
      const down = (next: (request: Request) => Promise<Response>) => (request: Request) =>
        new URL(request.url).pathname === path ? Promise.reject(new TypeError("fetch failed")) : next(request);
      const app = setupOAuth2({ wrapX: down });
      const started = await app.browser.request(`${LOGIN}?return_to=%2Faccount%3Ftab%3D2`);
      const answer = await app.browser.request(app.fake.approveAuthorization(started.headers.get("location")!));
      expect(answer.status).toBe(502);
      expect(await answer.text()).toContain(`href="${LOGIN}?return_to=%2Faccount%3Ftab%3D2"`);
    });
  }
});

describe("the pending sign-in cookie (read with tough-cookie's parser)", () => {
  it("https callback: __Host- name, HttpOnly, SameSite=Lax, Secure, Path=/, Max-Age = maxAgeSeconds", async () => {
    const app = setupOAuth2({ maxAgeSeconds: 300 });
    const started = await app.browser.request(LOGIN);
    const [line] = started.headers.getSetCookie();
    const cookie = Cookie.parse(line!)!;
    expect(cookie.key.startsWith("__Host-x-signin-")).toBe(true);
    expect([cookie.httpOnly, cookie.secure, cookie.sameSite, cookie.path, cookie.maxAge]).toEqual([
      true,
      true,
      "lax",
      "/",
      300,
    ]);
    expect(cookie.domain).toBeNull();
  });

  it("http callback (a local app): no Secure, no __Host- prefix", async () => {
    const app = setupOAuth2({ callbackUrl: "http://127.0.0.1:3000/auth/x/callback" });
    const started = await app.signIn.login(new Request("http://127.0.0.1:3000/auth/x/login"));
    const cookie = Cookie.parse(started.headers.getSetCookie()[0]!)!;
    expect(cookie.key).toMatch(/^x-signin-[\w-]{16}$/);
    expect([cookie.secure, cookie.httpOnly, cookie.sameSite]).toEqual([false, true, "lax"]);
  });
});
