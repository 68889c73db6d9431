// twitter-oauth1/handlers against the fake X, driven by a browser with a cookie jar through X's own
// pages (X docs, "Log in with X": steps 1 to 3; GET oauth/authenticate with force_login and
// screen_name; Cancel sends the browser back with `denied`).
import { Cookie } from "tough-cookie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInHandlers } from "../../src/handlers/index.js";
import { sealRequestToken } from "../../src/index.js";
import { defaultUser } from "../../src/testing/index.js";
import { isLoginForm } from "./browser.js";
import {
  APP,
  CALLBACK,
  COOKIE_SECRET,
  LOGIN,
  PENDING_PREFIX,
  USER,
  X,
  setup,
  signInWithPassword,
  startTab,
  readErrorPage,
  expectErrorPageHead,
  tokenOf,
} from "./setup.js";

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {}); // the default page logs; tests that care look
});
/** The clock of the tests that move it: a whole second, so that ages in seconds come out exact. */
const PINNED = Date.UTC(2026, 11, 7, 12, 0, 0);

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("a first sign-in", () => {
  it("goes to X's authenticate page, back to the callback, and hands the user and returnTo to onSuccess", async () => {
    const app = setup();
    const started = await app.browser.request(`${LOGIN}?return_to=%2Faccount%3Ftab%3D2`);
    expect(started.status).toBe(302);
    const location = new URL(started.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(`${X}/oauth/authenticate`);
    expect(started.headers.get("cache-control")).toBe("no-store");
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toHaveLength(1);

    const page = await app.browser.open(location.href);
    expect(isLoginForm(await page.response!.clone().text())).toBe(true);
    const submitted = await app.browser.submitXForm(page.url, page.response!, "authorize", USER);
    expect(submitted.status).toBe(303);
    const back = await app.browser.open(submitted.headers.get("location")!);

    expect(back.url).toBe(`${APP}/account?tab=2`);
    expect(app.successes).toHaveLength(1);
    const [result] = app.successes;
    if (result?.protocol !== "oauth1") throw new Error(`expected an OAuth 1.0a result, got ${result?.protocol}`);
    expect(result.returnTo).toBe("/account?tab=2");
    expect(result!.accessToken).toMatchObject({ userId: defaultUser.id, screenName: defaultUser.screenName });
    expect(result!.user).toMatchObject({ id_str: defaultUser.id, screen_name: defaultUser.screenName });
    expect(result!.user!.email).toBeUndefined();
    // The sign-in's cookie was cleared on the answer of the callback.
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
  });

  it("comes straight back when the user has approved the app before (authenticate redirects at once)", async () => {
    const app = setup();
    await signInWithPassword(app);
    const again = await app.browser.open(LOGIN);
    // login -> X's authenticate -> callback -> onSuccess's redirect: no page of X in between.
    const visited = app.browser.log.slice(-4).map((hop) => `${hop.response.status} ${new URL(hop.url).pathname}`);
    expect(visited).toEqual(["302 /auth/x/login", "303 /oauth/authenticate", "303 /auth/x/callback", "200 /"]);
    expect(again.url).toBe(`${APP}/`);
    expect(app.successes).toHaveLength(2);
  });

  it("force_login asks X for the password again, and screen_name prefills it", async () => {
    const app = setup();
    await signInWithPassword(app);
    const started = await app.browser.request(`${LOGIN}?force_login=true&screen_name=fake_user`);
    const location = new URL(started.headers.get("location")!);
    expect(location.searchParams.get("force_login")).toBe("true");
    expect(location.searchParams.get("screen_name")).toBe("fake_user");
    const page = await app.browser.open(location.href);
    const html = await page.response!.clone().text();
    expect(isLoginForm(html)).toBe(true);
    expect(html).toContain('value="fake_user"');

    const direct = await app.signIn.login(new Request(LOGIN), { forceLogin: true, screenName: "someone" });
    expect(new URL(direct.headers.get("location")!).search).toMatch(/force_login=true&screen_name=someone$/);
  });

  it("fetchUser: false skips verify_credentials; the access token still names the user", async () => {
    const app = setup({ fetchUser: false });
    await signInWithPassword(app);
    const [result] = app.successes;
    if (result?.protocol !== "oauth1") throw new Error(`expected an OAuth 1.0a result, got ${result?.protocol}`);
    expect(result.user).toBeUndefined();
    expect(result.accessToken).toMatchObject({ userId: defaultUser.id, screenName: defaultUser.screenName });
    expect(app.xCalls.map((call) => new URL(call.request.url).pathname)).toEqual([
      "/oauth/request_token",
      "/oauth/access_token",
    ]);
  });

  it("includeEmail asks verify_credentials for the email", async () => {
    const app = setup({ includeEmail: true });
    await signInWithPassword(app);
    expect(app.successes[0]!.user!.email).toBe(defaultUser.email);
    const verify = app.xCalls.find((call) => call.request.url.includes("verify_credentials"))!;
    expect(new URL(verify.request.url).searchParams.get("include_email")).toBe("true");
  });
});

describe("Cancel on X", () => {
  it("answers the default page in the user's words with a way back (return_to kept), clears the cookie, and logs nothing", async () => {
    const app = setup();
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const tab = await startTab(app, `${LOGIN}?return_to=%2Faccount%3Ftab%3D2`);
    const cancelled = await app.browser.submitXForm(tab.pageUrl, tab.page, "cancel");
    const backLink = /href="([^"]+)"/.exec(await cancelled.text())![1]!.replace(/&#38;/g, "&");
    expect(new URL(backLink).searchParams.get("denied")).toBe(tab.token);

    const back = await app.browser.request(backLink);
    expect(back.status).toBe(403);
    const page = await readErrorPage(back);
    expectErrorPageHead(back, page.html);
    expect(page.text).toBe(
      "Sign-in cancelled You cancelled signing in with X. Nothing was shared with this site. Try again",
    );
    expect(page.html).not.toContain("AUTHORIZATION_DENIED");
    expect(page.links).toEqual([{ href: `${LOGIN}?return_to=%2Faccount%3Ftab%3D2`, text: "Try again" }]);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
    expect(errorLog).not.toHaveBeenCalled();
    expect(app.successes).toEqual([]);
  });

  it("hands onError the TwitterOAuthError, whose answer gets the clearing cookie", async () => {
    const app = setup({ onError: (error) => new Response(`custom ${error.code}`, { status: 418 }) });
    const tab = await startTab(app);
    const back = await app.browser.request(app.fake.deny(tab.token));
    expect([back.status, await back.text()]).toEqual([418, "custom AUTHORIZATION_DENIED"]);
    expect(app.errors.map((e) => [e.name, e.code])).toEqual([["TwitterOAuthError", "AUTHORIZATION_DENIED"]]);
    expect(back.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-x-signin-[\w-]{16}=; .*Max-Age=0/)]);
  });
});

describe("several sign-ins in one browser", () => {
  it("two tabs started one after the other both finish, in the other order", async () => {
    const app = setup();
    const tabA = await startTab(app);
    const tabB = await startTab(app);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toHaveLength(2);
    const toCallback = (next: URL) => next.origin === APP;
    const submittedB = await app.browser.submitXForm(tabB.pageUrl, tabB.page, "authorize", USER);
    const submittedA = await app.browser.submitXForm(tabA.pageUrl, tabA.page, "authorize", USER);
    const backB = await app.browser.open(submittedB.headers.get("location")!);
    const backA = await app.browser.open(submittedA.headers.get("location")!, toCallback);
    expect(backB.url).toBe(`${APP}/`);
    expect((await app.browser.open(backA.url)).url).toBe(`${APP}/`);
    expect(app.successes).toHaveLength(2);
    expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
  });

  it("a 6th sign-in drops the oldest pending one, whose callback then fails alone", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: PINNED });
    const app = setup();
    const tabs = [];
    for (let i = 0; i < 5; i++) tabs.push(await startTab(app));
    const names = await app.browser.cookieNames(CALLBACK, PENDING_PREFIX);
    expect(names).toHaveLength(5);
    vi.setSystemTime(PINNED + 2000); // the 6th is clearly the newest
    const sixth = await app.browser.request(LOGIN);
    expect(sixth.headers.getSetCookie().filter((line) => /Max-Age=0/.test(line))).toHaveLength(1);
    const left = await app.browser.cookieNames(CALLBACK, PENDING_PREFIX);
    expect(left).toHaveLength(5);
    expect(names.filter((name) => !left.includes(name))).toHaveLength(1);

    const oldest = await app.browser.request(app.fake.approve(tabs[0]!.token));
    expect(oldest.status).toBe(400);
    expect((await readErrorPage(oldest)).text).toMatch(/This sign-in expired or was already used/);
    expect(oldest.headers.getSetCookie()).toEqual([]);
    for (const tab of tabs.slice(1)) {
      expect((await app.browser.request(app.fake.approve(tab.token))).status).toBe(303);
    }
    expect((await app.browser.request(app.fake.approve(tokenOf(sixth.headers.get("location")!)))).status).toBe(303);
    expect(app.successes).toHaveLength(5);
  });
});

describe("a callback that matches no pending sign-in", () => {
  it("a replayed callback answers INVALID_STATE and touches no cookie", async () => {
    const app = setup();
    const tab = await startTab(app);
    const callback = app.fake.approve(tab.token);
    expect((await app.browser.request(callback)).status).toBe(303);
    const other = await startTab(app);
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const replay = await app.browser.request(callback);
    expect(replay.status).toBe(400);
    const page = await readErrorPage(replay);
    expectErrorPageHead(replay, page.html);
    expect(page.text).toBe(
      "Please sign in again This sign-in expired or was already used. Please start signing in again. Try again",
    );
    expect(page.html).not.toContain("INVALID_STATE");
    // No pending sign-in, so no return_to is known: the link starts a plain sign-in.
    expect(page.links).toEqual([{ href: LOGIN, text: "Try again" }]);
    expect(replay.headers.getSetCookie()).toEqual([]);
    expect(errorLog.mock.calls[0]![0]).toMatch(/INVALID_STATE: No sign-in is pending for this callback/);
    expect((await app.browser.request(app.fake.approve(other.token))).status).toBe(303);
  });

  it("a foreign or stale callback (another token, denied=x, no query) leaves the pending sign-in alone", async () => {
    const app = setup({ onError: (error) => new Response(error.code, { status: 400 }) });
    const tab = await startTab(app);
    for (const query of ["?denied=x", "?oauth_token=other&oauth_verifier=v", "", "?oauth_verifier=v"]) {
      const answer = await app.browser.request(`${CALLBACK}${query}`);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(app.errors.map((e) => e.code)).toEqual([
      "INVALID_STATE",
      "INVALID_STATE",
      "INVALID_CALLBACK",
      "INVALID_CALLBACK",
    ]);
    expect(app.errors[2]!.message).toBe("The callback has no oauth_token or denied; start the sign-in again");
    expect((await app.browser.request(app.fake.approve(tab.token))).status).toBe(303);
    expect(app.successes).toHaveLength(1);
  });

  it("a blank verifier on the sign-in's own callback is INVALID_CALLBACK, and clears its cookie", async () => {
    const app = setup({ onError: (error) => new Response(error.code, { status: 400 }) });
    const tab = await startTab(app);
    for (const verifier of ["", "%20%20"]) {
      const other = await startTab(app);
      const answer = await app.browser.request(`${CALLBACK}?oauth_token=${other.token}&oauth_verifier=${verifier}`);
      expect(await answer.text()).toBe("INVALID_CALLBACK");
      expect(answer.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)]);
    }
    expect(app.xCalls.filter((call) => call.request.url.endsWith("/oauth/access_token"))).toEqual([]);
    expect((await app.browser.request(app.fake.approve(tab.token))).status).toBe(303);
  });

  it("an expired pending sign-in is INVALID_STATE, even while its cookie is still sent", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: PINNED });
    const app = setup({ maxAgeSeconds: 60, onError: (error) => new Response(error.message, { status: 400 }) });
    const tab = await startTab(app);
    const callback = app.fake.approve(tab.token);
    const cookie = await app.browser.jar.getCookieString(CALLBACK); // a browser whose clock lags
    vi.setSystemTime(PINNED + 61_000);
    const answer = await app.signIn.callback(new Request(callback, { headers: { cookie } }));
    expect(await answer.text()).toBe(
      "This callback's pending sign-in expired (61 s old, the limit is 60 s); start the sign-in again",
    );
    expect(answer.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)]);
  });

  it("a pending cookie that was altered, or sealed with another secret, is INVALID_STATE and cleared", async () => {
    const app = setup({ onError: (error) => new Response(error.message, { status: 400 }) });
    const tab = await startTab(app);
    const [cookie] = await app.browser.jar.getCookies(CALLBACK);
    const altered = `${cookie!.key}=${cookie!.value.slice(0, 20)}A${cookie!.value.slice(21)}`;
    const answer = await app.signIn.callback(
      new Request(app.fake.approve(tab.token), { headers: { cookie: altered } }),
    );
    expect(await answer.text()).toMatch(
      /^This callback's pending sign-in could not be opened: altered, or sealed with another cookieSecret; start the sign-in again$/,
    );
    expect(answer.headers.getSetCookie()).toEqual([
      `${cookie!.key}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
    ]);
    // The same client, another cookieSecret (a rotated secret): the cookie has the right name but does not open.
    const rotated = createSignInHandlers({
      client: app.client,
      cookieSecret: `${COOKIE_SECRET}-rotated`,
      onSuccess: () => new Response("never"),
    });
    const before = await rotated.login(new Request(LOGIN));
    const old = before.headers.getSetCookie()[0]!.split(";")[0]!;
    const afterRotation = await app.signIn.callback(
      new Request(app.fake.approve(tokenOf(before.headers.get("location")!)), { headers: { cookie: old } }),
    );
    expect(await afterRotation.text()).toMatch(/could not be opened: altered, or sealed with another cookieSecret/);
    expect(afterRotation.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)]);
  });
  it("a request token sealed for another purpose (sealRequestToken, same secret) does not open as a pending sign-in", async () => {
    const app = setup({ onError: (error) => new Response(error.message, { status: 400 }) });
    const tab = await startTab(app);
    const [cookie] = await app.browser.jar.getCookies(CALLBACK);
    const sealed = await sealRequestToken(
      { token: tab.token, tokenSecret: "the-request-token-secret", callbackConfirmed: true },
      COOKIE_SECRET,
    );
    const answer = await app.signIn.callback(
      new Request(app.fake.approve(tab.token), { headers: { cookie: `${cookie!.key}=${sealed}` } }),
    );
    expect(await answer.text()).toMatch(/could not be opened/);
  });
});

describe("a sign-in started on another host than the callback's", () => {
  it("localhost vs 127.0.0.1: login refuses with the URL to open, before asking X", async () => {
    const app = setup({ callbackUrl: "http://127.0.0.1:3000/auth/x/callback" });
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await app.browser.request("http://localhost:3000/auth/x/login?return_to=/me");
    expect(answer.status).toBe(400);
    const page = await readErrorPage(answer);
    expectErrorPageHead(answer, page.html);
    expect(page.text).toBe(
      "Continue signing in at 127.0.0.1:3000 Signing in to this site happens at 127.0.0.1:3000. Continue signing in",
    );
    expect(page.links).toEqual([
      { href: "http://127.0.0.1:3000/auth/x/login?return_to=/me", text: "Continue signing in" },
    ]);
    expect(answer.headers.getSetCookie()).toEqual([]);
    expect(app.xCalls).toEqual([]);
    expect(errorLog.mock.calls[0]![0]).toBe(
      "twitter-oauth1/handlers: sign-in failed, INVALID_STATE: This sign-in was started at http://localhost:3000 but its callback URL is on http://127.0.0.1:3000 (cookies are per host): open http://127.0.0.1:3000/auth/x/login?return_to=/me instead",
    );
    // The URL it names works.
    const opened = await app.browser.request("http://127.0.0.1:3000/auth/x/login?return_to=/me");
    expect(opened.status).toBe(302);
  });

  it("the Host header the browser sent decides, not a URL the framework rewrote (Next.js's NextRequest names 127.0.0.1 localhost)", async () => {
    const app = setup({ callbackUrl: "http://127.0.0.1:3000/auth/x/callback" });
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    // Opened on 127.0.0.1, the callback's host: the sign-in starts, whatever the URL says.
    const rewritten = await app.signIn.login(
      new Request("http://localhost:3000/auth/x/login", { headers: { host: "127.0.0.1:3000" } }),
    );
    expect(rewritten.status).toBe(302);
    // Opened on localhost: refused with the URL to open, even though the URL says 127.0.0.1.
    const onLocalhost = await app.signIn.login(
      new Request("http://127.0.0.1:3000/auth/x/login", { headers: { host: "localhost:3000" } }),
    );
    expect(onLocalhost.status).toBe(400);
    expect((await readErrorPage(onLocalhost)).links).toEqual([
      { href: "http://127.0.0.1:3000/auth/x/login", text: "Continue signing in" },
    ]);
    expect(errorLog).toHaveBeenCalledTimes(1);
  });

  it("a callback without its cookie names the host the sign-in must start on", async () => {
    const app = setup({
      callbackUrl: "http://127.0.0.1:3000/auth/x/callback",
      onError: (error) => new Response(error.message, { status: 400 }),
    });
    const answer = await app.signIn.callback(
      new Request("http://127.0.0.1:3000/auth/x/callback?oauth_token=t&oauth_verifier=v"),
    );
    expect(await answer.text()).toMatch(
      /^No sign-in is pending for this callback in this browser \(causes: docs\/handlers\.md#errors\); start it at http:\/\/127\.0\.0\.1:3000\/auth\/x\/login$/,
    );
    const elsewhere = await app.signIn.callback(
      new Request("http://localhost:3000/auth/x/callback?oauth_token=t&oauth_verifier=v"),
    );
    expect(await elsewhere.text()).toMatch(
      /start it at http:\/\/127\.0\.0\.1:3000\/auth\/x\/login\. This callback arrived at localhost:3000, not 127\.0\.0\.1:3000$/,
    );
  });
});

describe("the pending sign-in cookie (read with tough-cookie's parser)", () => {
  it("https callback: __Host- name, HttpOnly, SameSite=Lax, Secure, Path=/, Max-Age = maxAgeSeconds", async () => {
    const app = setup({ maxAgeSeconds: 600 });
    const started = await app.signIn.login(new Request(LOGIN));
    const [line, ...more] = started.headers.getSetCookie();
    expect(more).toEqual([]);
    const cookie = Cookie.parse(line!)!;
    expect(cookie.key).toMatch(/^__Host-x-signin-[\w-]{16}$/);
    expect({ httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite, path: cookie.path }).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
    });
    expect([cookie.maxAge, cookie.domain]).toEqual([600, null]);
    expect(cookie.value.length).toBeLessThan(400);
  });

  it("http callback (a local app): no Secure, no __Host- prefix", async () => {
    const app = setup({ callbackUrl: "http://localhost:3000/auth/x/callback" });
    const started = await app.signIn.login(new Request("http://localhost:3000/auth/x/login"));
    const cookie = Cookie.parse(started.headers.getSetCookie()[0]!)!;
    expect(cookie.key).toMatch(/^x-signin-[\w-]{16}$/);
    expect([cookie.secure, cookie.httpOnly, cookie.sameSite, cookie.maxAge]).toEqual([false, true, "lax", 900]);
  });

  it("stays small with the longest returnTo kept (512 characters)", async () => {
    const app = setup();
    const returnTo = `/${"a".repeat(511)}`;
    const started = await app.signIn.login(new Request(LOGIN), { returnTo });
    expect(started.headers.getSetCookie()[0]!.length).toBeLessThan(1100);
    await app.browser.request(LOGIN); // a second one, read back below
    const cookie = started.headers.getSetCookie()[0]!.split(";")[0]!;
    const back = await app.signIn.callback(
      new Request(app.fake.approve(tokenOf(started.headers.get("location")!)), { headers: { cookie } }),
    );
    expect(back.status).toBe(303);
    expect(app.successes[0]!.returnTo).toBe(returnTo);
  });
});

describe("handle", () => {
  it("routes GET loginPath and callbackPath and answers undefined for everything else", async () => {
    const app = setup({ loginPath: "/signin" });
    expect((await app.signIn.handle(new Request(`${APP}/signin`)))!.status).toBe(302);
    expect((await app.signIn.handle(new Request(`${APP}/auth/x/callback`)))!.status).toBe(400);
    expect(await app.signIn.handle(new Request(`${APP}/auth/x/login`))).toBeUndefined();
    expect(await app.signIn.handle(new Request(`${APP}/signin`, { method: "POST" }))).toBeUndefined();
    expect(await app.signIn.handle(new Request(`${APP}/signin`, { method: "HEAD" }))).toBeUndefined();
    expect(await app.signIn.handle(new Request(`${APP}/`))).toBeUndefined();
  });

  it("callbackPath can differ from the callback URL's path (behind a proxy that strips a prefix)", async () => {
    const app = setup({ callbackPath: "/callback" });
    const started = await app.signIn.handle(new Request(LOGIN));
    const cookie = started!.headers.getSetCookie()[0]!.split(";")[0]!;
    const callback = new URL(app.fake.approve(tokenOf(started!.headers.get("location")!)));
    const back = await app.signIn.handle(new Request(`${APP}/callback${callback.search}`, { headers: { cookie } }));
    expect(back!.status).toBe(303);
  });
});
