// twitter-oauth1/passport in a real Express 5 app with passport 0.7, against the fake X on a loopback
// port: with express-session (the request token in req.session, as passport-oauth1 keeps it), and
// without it (sealed cookies, cookieSecret). X docs, "Log in with X": steps 1 to 3, force_login, Cancel.
// What the strategy itself decides: verify's arguments and profile, fail() on Cancel and error() for
// the rest, its options, where a sign-in waits (req.session, or the handlers' cookies written through
// req.res) and Passport 0.7's session trap. The sign-in rules both stores share (tabs, replays,
// expiry, tampered cookies) are the handlers' (src/handlers/flow.ts), owned by test/handlers/; here
// each outcome is shown once, in the store where the strategy's own code is at work.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Strategy } from "../../src/passport/index.js";
import { toNodeListener } from "../../src/node/index.js";
import { defaultUser } from "../../src/testing/index.js";
import { isLoginForm } from "../handlers/browser.js";
import {
  type App,
  approveOnX,
  browser,
  COOKIE_SECRET,
  callbackFromX,
  closeAll,
  listen,
  startApp,
  startFakeX,
  toX,
} from "./app.js";

let x: Awaited<ReturnType<typeof startFakeX>>;
beforeEach(async () => {
  x = await startFakeX();
});
afterEach(closeAll);

const SESSION = { session: true, keepSessionInfo: true, cookieSecret: false } as const;
const COOKIES = { session: false, keepSessionInfo: false, cookieSecret: true } as const;
const MODES = {
  "with express-session (req.session)": SESSION,
  "without a session (sealed cookies)": COOKIES,
} as const;

async function start(mode: (typeof MODES)[keyof typeof MODES], extra: Record<string, unknown> = {}): Promise<App> {
  return startApp({
    Strategy,
    session: mode.session,
    keepSessionInfo: mode.keepSessionInfo,
    strategyOptions: { baseUrl: x.origin, ...(mode.cookieSecret ? { cookieSecret: COOKIE_SECRET } : {}), ...extra },
  });
}

/** What the app shows as signed in: the user of `/` (session), or of the callback's answer (no session). */
async function signedIn(answer: Response): Promise<unknown> {
  return ((await answer.json()) as { user: unknown }).user;
}

describe.each(Object.entries(MODES))("%s", (_, mode) => {
  it("a first sign-in: X's login form, back to the callback, verify gets the token, the secret and the profile", async () => {
    const app = await start(mode);
    const b = browser();
    const tab = await toX(b, `${app.origin}/auth/twitter`);
    expect(tab.pageUrl.startsWith(`${x.origin}/oauth/authenticate?oauth_token=`)).toBe(true);
    expect(isLoginForm(tab.html)).toBe(true);
    const back = await approveOnX(b, tab);
    expect(await signedIn(back.response)).toEqual({ id: defaultUser.id, username: defaultUser.screenName });
    expect(app.verified).toHaveLength(1);
    const [{ args, profile }] = app.verified as [(typeof app.verified)[0]];
    expect(args).toEqual([expect.stringMatching(new RegExp(`^${defaultUser.id}-`)), expect.any(String)]);
    expect(profile).toMatchObject({
      provider: "twitter",
      id: defaultUser.id,
      username: defaultUser.screenName,
      displayName: defaultUser.name,
    });
    if (mode.cookieSecret) {
      expect(await b.cookieNames(app.origin, "x-signin-")).toEqual([]);
      expect(await b.cookieNames(app.origin, "connect.sid")).toEqual([]);
    }
  });
});

describe("what the strategy decides, each shown in the store where its own code is at work", () => {
  it("forceLogin on the route asks X for the password again", async () => {
    const app = await start(SESSION);
    const b = browser();
    await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
    const forced = await toX(b, `${app.origin}/auth/twitter/force`);
    expect(new URL(forced.pageUrl).searchParams.get("force_login")).toBe("true");
    expect(isLoginForm(forced.html)).toBe(true);
    await approveOnX(b, forced);
    expect(app.verified).toHaveLength(2);
  });

  it("Cancel on X fails the authentication (failureRedirect), never reaches verify, and the sign-in's cookie is cleared", async () => {
    const app = await start(COOKIES);
    const b = browser();
    const denied = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`), "cancel");
    expect(new URL(denied).searchParams.has("denied")).toBe(true);
    const back = await b.request(denied);
    expect([back.status, back.headers.get("location")]).toEqual([302, "/login"]);
    expect(app.verified).toEqual([]);
    expect(await b.cookieNames(app.origin, "x-signin-")).toEqual([]);
  });

  it("a replayed callback is an error (INVALID_STATE): the session forgot it, and verify is not reached again", async () => {
    const app = await start(SESSION);
    const b = browser();
    const callback = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`));
    await b.open(callback);
    const replay = await b.request(callback);
    expect(replay.status).toBe(500);
    expect(await replay.json()).toMatchObject({ name: "TwitterOAuthError", code: "INVALID_STATE" });
    expect(app.verified).toHaveLength(1);
  });

  it("a callback that matches no pending sign-in in the session leaves the pending one alone", async () => {
    const app = await start(SESSION);
    const b = browser();
    const tab = await toX(b, `${app.origin}/auth/twitter`);
    for (const query of ["?denied=someone-else", "?oauth_token=forged&oauth_verifier=v"]) {
      const answer = await b.request(`${app.origin}/auth/twitter/callback${query}`);
      expect(await answer.json()).toMatchObject({ code: "INVALID_STATE" });
    }
    const back = await approveOnX(b, tab);
    expect(await signedIn(back.response)).toEqual({ id: defaultUser.id, username: defaultUser.screenName });
  });

  it("cookieSecret: a pending sign-in smuggled after a ',' in another cookie is not read (login CSRF)", async () => {
    const app = await start(COOKIES);
    // The attacker starts a sign-in of their own and approves it on X.
    const attacker = browser();
    const callback = await callbackFromX(attacker, await toX(attacker, `${app.origin}/auth/twitter`));
    const [pending] = (await attacker.jar.getCookies(app.origin)).filter((c) => c.key.startsWith("x-signin-"));
    // The victim's browser holds `pref=dark,<the attacker's cookie>`, set by a sibling subdomain.
    const answer = await fetch(callback, { headers: { cookie: `pref=dark,${pending!.key}=${pending!.value}` } });
    expect(await answer.json()).toMatchObject({ code: "INVALID_STATE" });
    expect(app.verified).toEqual([]);
  });

  it("X down at step 1 reaches the app's error handler as a TwitterOAuthError", async () => {
    const app = await start(SESSION);
    x.failNext(
      "/oauth/request_token",
      () => new Response(JSON.stringify({ errors: [{ code: 130, message: "Over capacity" }] }), { status: 503 }),
    );
    const answer = await browser().request(`${app.origin}/auth/twitter`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ name: "TwitterOAuthError", code: "HTTP_ERROR" });
  });

  it("X failing at step 3 or on the profile reaches the error handler, and the sign-in's cookie is cleared", async () => {
    const app = await start(COOKIES);
    for (const path of ["/oauth/access_token", "/1.1/account/verify_credentials.json"]) {
      const b = browser();
      const callback = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`));
      x.failNext(
        path,
        () =>
          new Response(JSON.stringify({ errors: [{ code: 89, message: "Invalid or expired token." }] }), {
            status: 401,
          }),
      );
      const answer = await b.request(callback);
      expect(await answer.json()).toMatchObject({
        name: "TwitterOAuthError",
        code: "HTTP_ERROR",
        message: expect.stringContaining(`${path} failed with HTTP 401: X says "Invalid or expired token." (code 89)`),
      });
      expect(await b.cookieNames(app.origin, "x-signin-")).toEqual([]);
    }
    expect(app.verified).toEqual([]);
  });
});

describe("the profile must be the user X signed in at step 3", () => {
  it.each([
    [
      "an id_str that is an object (a query operator for the app's database)",
      { id: 1, id_str: { $ne: null }, screen_name: "x" },
    ],
    ["an id of another user", { id_str: "999", id: 999, screen_name: "someone_else" }],
    // X's JSON carries 1450000000000000001 here, which a JavaScript number rounds to ...000000.
    ["a numeric id only, not exact", { id: Number(defaultUser.id), screen_name: "fake_user" }],
  ])("%s: INVALID_RESPONSE, and verify is never reached", async (_, user) => {
    const app = await start(COOKIES);
    const b = browser();
    const callback = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`));
    x.failNext("/1.1/account/verify_credentials.json", () => Response.json(user));
    const answer = await b.request(callback);
    const body = await answer.text();
    expect(JSON.parse(body), body).toMatchObject({ name: "TwitterOAuthError", code: "INVALID_RESPONSE" });
    expect(app.verified).toEqual([]);
  });
});

describe("no secret in the app's answers", () => {
  it("consumer secret, token secrets and signatures appear in no header or body the strategy shaped", async () => {
    const answers: string[] = [];
    for (const mode of Object.values(MODES)) {
      const app = await start(mode);
      const b = browser();
      const callback = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`));
      await b.open(callback);
      await b.open(callback); // replayed: an error page
      await b.open(await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter/force`), "cancel"));
      for (const hop of b.log) {
        if (!hop.url.startsWith(app.origin)) continue;
        answers.push(`${[...hop.response.headers].join("\n")}\n${await hop.response.text()}`);
      }
    }
    expect(x.secrets.size).toBeGreaterThan(8);
    const leaks = [...x.secrets].filter((secret) =>
      answers.some((answer) => answer.includes(secret) || answer.includes(encodeURIComponent(secret))),
    );
    expect(leaks).toEqual([]);
  });
});

describe("the session trap of passport 0.7, and the cookie mode that has none", () => {
  async function twoTabs(app: App): Promise<Response> {
    const b = browser();
    const tabA = await toX(b, `${app.origin}/auth/twitter`);
    const tabB = await toX(b, `${app.origin}/auth/twitter`);
    const callbackA = await callbackFromX(b, tabA);
    await b.open(await callbackFromX(b, tabB));
    return (await b.open(callbackA)).response!;
  }

  it("with a session and no keepSessionInfo, signing in regenerates the session and the other tab's sign-in is lost", async () => {
    const app = await startApp({ Strategy, strategyOptions: { baseUrl: x.origin } });
    const second = await twoTabs(app);
    expect(await second.json()).toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(
        /the session was regenerated when another tab signed in \(Passport 0\.7 does on login\): pass keepSessionInfo: true to passport\.authenticate on the callback route, or give the Strategy a cookieSecret/,
      ),
    });
  });

  it("with a session and keepSessionInfo: true, both tabs finish", async () => {
    const app = await startApp({ Strategy, keepSessionInfo: true, strategyOptions: { baseUrl: x.origin } });
    expect(((await (await twoTabs(app)).json()) as { user: unknown }).user).toMatchObject({ id: defaultUser.id });
  });

  it("with a session and cookieSecret, the cookies are used and both tabs finish without keepSessionInfo", async () => {
    const app = await startApp({ Strategy, strategyOptions: { baseUrl: x.origin, cookieSecret: COOKIE_SECRET } });
    expect(((await (await twoTabs(app)).json()) as { user: unknown }).user).toMatchObject({ id: defaultUser.id });
  });

  it("with a session, two tabs whose logins overlap both finish (10 rounds)", async () => {
    const app = await startApp({ Strategy, keepSessionInfo: true, strategyOptions: { baseUrl: x.origin } });
    const b = browser();
    // A session exists already (a first sign-in), as for a user who comes back.
    await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
    // Signed in on X and the app approved: X sends each tab straight back, stopped before the callback.
    const toCallback = (next: URL) => next.pathname === "/auth/twitter/callback";
    for (let round = 0; round < 10; round++) {
      const tabs = await Promise.all([
        b.open(`${app.origin}/auth/twitter`, toCallback),
        b.open(`${app.origin}/auth/twitter`, toCallback),
      ]);
      for (const tab of tabs.reverse()) {
        const answer = await b.open(tab.url);
        const body = await answer.response!.text();
        expect(JSON.parse(body), `round ${round}: ${body}`).toMatchObject({ user: { id: defaultUser.id } });
      }
    }
    expect(app.verified).toHaveLength(21);
  });

  it("with neither a session nor cookieSecret, the error says which one to add", async () => {
    const app = await startApp({ Strategy, session: false, strategyOptions: { baseUrl: x.origin } });
    const answer = await browser().request(`${app.origin}/auth/twitter`);
    expect(await answer.json()).toMatchObject({
      name: "TypeError",
      message: expect.stringMatching(/add express-session before Passport, or pass cookieSecret/),
    });
  });
});

describe("verify and profile options, as passport-twitter has them", () => {
  it("passReqToCallback puts the request first; a five-argument verify gets step 3's params", async () => {
    const seen: unknown[][] = [];
    const appWithReq = await startApp({
      Strategy,
      strategyOptions: { baseUrl: x.origin, passReqToCallback: true },
      verify: (
        req: unknown,
        token: unknown,
        tokenSecret: unknown,
        profile: { id: string },
        cb: (e: null, u: unknown) => void,
      ) => {
        seen.push([typeof (req as { headers?: unknown }).headers, typeof token, typeof tokenSecret, profile.id]);
        cb(null, { id: profile.id });
      },
    });
    const b = browser();
    await approveOnX(b, await toX(b, `${appWithReq.origin}/auth/twitter`));
    const appWithParams = await startApp({
      Strategy,
      strategyOptions: { baseUrl: x.origin },
      verify: (
        _token: unknown,
        _tokenSecret: unknown,
        params: unknown,
        profile: { id: string },
        cb: (e: null, u: unknown) => void,
      ) => {
        seen.push([params, profile.id]);
        cb(null, { id: profile.id });
      },
    });
    await b.open(`${appWithParams.origin}/auth/twitter`); // approved before: straight back

    expect(seen).toEqual([
      ["object", "string", "string", defaultUser.id],
      [{ user_id: defaultUser.id, screen_name: defaultUser.screenName }, defaultUser.id],
    ]);
  });

  it("skipExtendedUserProfile: no verify_credentials call, the profile from step 3 alone", async () => {
    const app = await start(SESSION, { skipExtendedUserProfile: true });
    x.failNext("/1.1/account/verify_credentials.json", () => new Response("must not be called", { status: 500 }));
    const b = browser();
    await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
    expect(app.verified[0]!.profile).toEqual({
      provider: "twitter",
      id: defaultUser.id,
      username: defaultUser.screenName,
    });
  });

  it("userProfileURL on another host: the profile comes from there", async () => {
    let asked = "";
    const elsewhere = await listen(
      toNodeListener((request) => {
        asked = request.url;
        return x.fake.fetch(request);
      }),
    );
    const app = await start(SESSION, {
      userProfileURL: `${elsewhere}/1.1/account/verify_credentials.json`,
    });
    const b = browser();
    await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
    expect(asked).toBe(`${elsewhere}/1.1/account/verify_credentials.json`);
    expect(app.verified[0]!.profile).toMatchObject({ id: defaultUser.id, username: defaultUser.screenName });
  });

  it("includeEmail: profile.emails", async () => {
    const app = await start(COOKIES, { includeEmail: true });
    const b = browser();
    await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
    expect(app.verified[0]!.profile.emails).toEqual([{ value: defaultUser.email }]);
  });

  it("verify refusing (done(null, false)) fails the authentication; done(error) is an error", async () => {
    for (const [result, status] of [
      [[null, false], 302],
      [[new Error("no such user")], 500],
    ] as const) {
      const app = await startApp({
        Strategy,
        strategyOptions: { baseUrl: x.origin },
        verify: (_t: unknown, _s: unknown, _p: unknown, cb: (...args: unknown[]) => void) => cb(...result),
      });
      const b = browser();
      const callback = await callbackFromX(b, await toX(b, `${app.origin}/auth/twitter`));
      expect((await b.request(callback)).status).toBe(status);
    }
  });
});
