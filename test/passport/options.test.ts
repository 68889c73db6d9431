// The Strategy's options as passport-twitter's users write them: checked when the strategy is made
// (a TypeError naming the option), a relative callbackURL resolved against the request (X-Forwarded-*
// only behind a trusted proxy), and no secret on the strategy object in any serialization.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Strategy, type StrategyOptions } from "../../src/passport/index.js";
import { defaultConsumer } from "../../src/testing/index.js";
import { COOKIE_SECRET, closeAll, startApp, startFakeX } from "./app.js";

let x: Awaited<ReturnType<typeof startFakeX>>;
beforeEach(async () => {
  x = await startFakeX();
});
afterEach(closeAll);

const VALID: StrategyOptions = {
  consumerKey: "key",
  consumerSecret: "consumer-secret-never-shown",
  callbackURL: "https://app.example/auth/twitter/callback",
};
const verify = () => {};

describe("new Strategy refuses, naming the option", () => {
  const cases: [string, unknown, unknown, RegExp][] = [
    ["no options", undefined, verify, /^options must be an object/],
    ["no verify", VALID, undefined, /^verify must be a function/],
    ["no consumerKey", { ...VALID, consumerKey: "" }, verify, /^options\.consumerKey must be a non-empty string/],
    ["no consumerSecret", { ...VALID, consumerSecret: undefined }, verify, /^options\.consumerSecret must be/],
    [
      "no callbackURL",
      { ...VALID, callbackURL: undefined },
      verify,
      /^options\.callbackURL must be an absolute http\(s\) URL or a path/,
    ],
    ["callbackURL oob", { ...VALID, callbackURL: "oob" }, verify, /^options\.callbackURL must be/],
    // passport-twitter's endpoint URLs: honoured on one origin, refused with what to use otherwise.
    [
      "requestTokenURL on another host than baseUrl",
      { ...VALID, baseUrl: "https://api.x.com", requestTokenURL: "https://proxy.example/oauth/request_token" },
      verify,
      /^options\.requestTokenURL \(https:\/\/proxy\.example\/oauth\/request_token\) is not under baseUrl \(https:\/\/api\.x\.com\).*set baseUrl/,
    ],
    [
      "requestTokenURL and accessTokenURL on two hosts",
      {
        ...VALID,
        requestTokenURL: "http://127.0.0.1:3001/oauth/request_token",
        accessTokenURL: "https://api.x.com/oauth/access_token",
      },
      verify,
      /^options\.accessTokenURL \(https:\/\/api\.x\.com\/oauth\/access_token\) is not under .*http:\/\/127\.0\.0\.1:3001.*baseUrl/,
    ],
    [
      "requestTokenURL with another path",
      { ...VALID, requestTokenURL: "http://127.0.0.1:3001/oauth/request" },
      verify,
      /^options\.requestTokenURL must end in \/oauth\/request_token .*baseUrl/,
    ],
    [
      "userAuthorizationURL at /oauth/authorize",
      { ...VALID, userAuthorizationURL: "https://api.x.com/oauth/authorize" },
      verify,
      /^options\.userAuthorizationURL https:\/\/api\.x\.com\/oauth\/authorize: this strategy sends users to \/oauth\/authenticate .*use https:\/\/api\.x\.com\/oauth\/authenticate/,
    ],
    [
      "requestTokenURL not a URL",
      { ...VALID, requestTokenURL: "oauth/request_token" },
      verify,
      /^options\.requestTokenURL must be an absolute/,
    ],
    ["callbackURL //host", { ...VALID, callbackURL: "//evil.example/cb" }, verify, /^options\.callbackURL must be/],
    [
      "a short cookieSecret",
      { ...VALID, cookieSecret: "short" },
      verify,
      /^options\.cookieSecret must be at least 32 random characters \(openssl rand -base64 32\), got 5$/,
    ],
    [
      "a cookieSecret of one character repeated",
      { ...VALID, cookieSecret: "0".repeat(32) },
      verify,
      /^options\.cookieSecret is one character repeated: .*openssl rand -base64 32/,
    ],
    [
      "a relative userProfileURL",
      { ...VALID, userProfileURL: "/1.1/users/show.json" },
      verify,
      /^options\.userProfileURL must be an absolute URL/,
    ],
    [
      "includeEmail as a string",
      { ...VALID, includeEmail: "true" },
      verify,
      /^options\.includeEmail must be a boolean/,
    ],
    [
      "baseUrl over plain http",
      { ...VALID, baseUrl: "http://api.example" },
      verify,
      /^options\.baseUrl must use https:/,
    ],
  ];
  it.each(cases)("%s", (_, options, verifyFunction, message) => {
    expect(
      () => new Strategy(options as StrategyOptions & { passReqToCallback?: false }, verifyFunction as typeof verify),
    ).toThrow(expect.objectContaining({ name: "TypeError", message: expect.stringMatching(message) }));
  });

  it("accepts passport-twitter's endpoint URLs under the baseUrl given (a trailing slash aside)", () => {
    const options = {
      ...VALID,
      baseUrl: "http://127.0.0.1:3001/",
      requestTokenURL: "http://127.0.0.1:3001/oauth/request_token",
      accessTokenURL: "http://127.0.0.1:3001/oauth/access_token",
      userAuthorizationURL: "http://127.0.0.1:3001/oauth/authenticate",
    };
    expect(() => new Strategy(options, verify)).not.toThrow();
  });

  it("the methods Passport provides per request throw when called outside Passport", () => {
    const strategy = new Strategy(VALID, verify);
    for (const call of [
      () => strategy.success({}),
      () => strategy.fail(),
      () => strategy.redirect("/"),
      () => strategy.pass(),
      () => strategy.error(new Error("x")),
    ]) {
      expect(call).toThrow(
        /is provided by Passport for each request: call the strategy through passport\.authenticate/,
      );
    }
  });

  it("authenticate called on something that is not a Strategy", () => {
    expect(() => Strategy.prototype.authenticate.call({} as Strategy, { headers: {} })).toThrow(
      /authenticate must be called on a Strategy from twitter-oauth1\/passport/,
    );
  });
});

describe("no secret on the strategy", () => {
  it("JSON.stringify, util.inspect (hidden fields too), String and the keys show neither secret", () => {
    const strategy = new Strategy({ ...VALID, cookieSecret: COOKIE_SECRET }, verify);
    const copy = Object.create(strategy) as Strategy; // as Passport uses it
    const shown = [
      JSON.stringify(strategy),
      JSON.stringify(copy),
      inspect(strategy, { showHidden: true, depth: 20, getters: true }),
      inspect(copy, { showHidden: true, depth: 20 }),
      String(strategy),
      Object.getOwnPropertyNames(strategy).join(","),
    ].join("\n");
    expect(shown).toContain("twitter");
    for (const secret of [VALID.consumerSecret, COOKIE_SECRET]) expect(shown).not.toContain(secret);
  });
});

describe("a relative callbackURL, as passport-oauth1 resolves it", () => {
  async function callbackGivenToX(
    options: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<[string, string[]]> {
    const app = await startApp({
      Strategy,
      session: false,
      strategyOptions: {
        baseUrl: x.origin,
        cookieSecret: COOKIE_SECRET,
        callbackURL: "/auth/twitter/callback",
        ...options,
      },
    });
    const response = await fetch(`${app.origin}/auth/twitter`, { redirect: "manual", headers });
    const token = new URL(response.headers.get("location")!).searchParams.get("oauth_token")!;
    return [new URL(x.fake.approve(token)).href.split("?")[0]!, response.headers.getSetCookie()];
  }

  it("resolves against the request's own host", async () => {
    const [callback, cookies] = await callbackGivenToX(
      {},
      { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    );
    expect(callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/twitter\/callback$/);
    expect(cookies).toEqual([
      expect.stringMatching(/^x-signin-[\w-]{16}=[^;]+; Path=\/; Max-Age=900; HttpOnly; SameSite=Lax$/),
    ]);
  });

  it("behind a trusted proxy (proxy: true), against X-Forwarded-Host and -Proto; the cookie is then Secure and __Host-", async () => {
    const [callback, cookies] = await callbackGivenToX(
      { proxy: true },
      { "x-forwarded-host": "app.example", "x-forwarded-proto": "https" },
    );
    expect(callback).toBe("https://app.example/auth/twitter/callback");
    expect(cookies).toEqual([expect.stringMatching(/^__Host-x-signin-[\w-]{16}=[^;]+; Path=\/; .*; Secure$/)]);
  });

  it("a route's own callbackURL option wins (called as Passport calls it, on an Object.create copy)", async () => {
    const strategy = new Strategy(
      {
        ...VALID,
        consumerKey: defaultConsumer.key,
        consumerSecret: defaultConsumer.secret,
        baseUrl: x.origin,
        cookieSecret: COOKIE_SECRET,
      },
      verify,
    );
    const copy = Object.create(strategy) as Strategy;
    const setCookies: string[][] = [];
    const location = await new Promise<string>((resolve, reject) => {
      copy.redirect = resolve;
      copy.error = reject;
      copy.authenticate(
        {
          url: "/auth/twitter",
          headers: { host: "app.example" },
          res: { getHeader: () => undefined, setHeader: (_name, value) => setCookies.push([value].flat()) },
        },
        { callbackURL: "/other/callback" },
      );
    });
    const callback = x.fake.approve(new URL(location).searchParams.get("oauth_token")!);
    expect(callback.split("?")[0]).toBe("http://app.example/other/callback");
    expect(setCookies).toEqual([[expect.stringMatching(/^x-signin-/)]]);
  });
});
