// The drop-in claim: the same Express app, routes and verify run with passport-twitter's Strategy
// and with ours, against the same fake X, and verify sees the same profile. And a sign-in started
// under one finishes under the other (a deploy in the middle of a sign-in): the session holds the
// request token under the same key, in the same fields.
import session from "express-session";
import { Strategy as PassportTwitterStrategy } from "passport-twitter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Strategy, TwitterStrategy } from "../../src/passport/index.js";
import { defaultUser } from "../../src/testing/index.js";
import { type App, approveOnX, browser, closeAll, startApp, startFakeX, toX } from "./app.js";

let x: Awaited<ReturnType<typeof startFakeX>>;
beforeEach(async () => {
  x = await startFakeX();
});
afterEach(closeAll);

/** passport-twitter pointed at the fake X (its defaults are api.twitter.com). */
const theirs = () => ({
  Strategy: PassportTwitterStrategy as never,
  strategyOptions: {
    requestTokenURL: `${x.origin}/oauth/request_token`,
    accessTokenURL: `${x.origin}/oauth/access_token`,
    userAuthorizationURL: `${x.origin}/oauth/authenticate`,
    userProfileURL: `${x.origin}/1.1/account/verify_credentials.json`,
  },
});
const ours = () => ({ Strategy, strategyOptions: { baseUrl: x.origin } });

async function firstSignIn(app: App): Promise<unknown> {
  const b = browser();
  const back = await approveOnX(b, await toX(b, `${app.origin}/auth/twitter`));
  return ((await back.response.json()) as { user: unknown }).user;
}

describe("passport-twitter's Strategy and ours, in the same app", () => {
  it("sign the same user in, and verify gets the same profile fields in the same order", async () => {
    const theirApp = await startApp(theirs());
    const ourApp = await startApp(ours());
    const expected = { id: defaultUser.id, username: defaultUser.screenName };
    expect(await firstSignIn(theirApp)).toEqual(expected);
    expect(await firstSignIn(ourApp)).toEqual(expected);
    const [theirProfile, ourProfile] = [theirApp.verified[0]!.profile, ourApp.verified[0]!.profile];
    expect(Object.keys(ourProfile)).toEqual(Object.keys(theirProfile));
    expect(Object.keys(ourProfile)).toEqual([
      "id",
      "username",
      "displayName",
      "photos",
      "provider",
      "_raw",
      "_json",
      "_accessLevel",
    ]);
    // Both got verify_credentials from the same fake: the same body, the same parsed object.
    expect(ourProfile).toEqual(theirProfile);
    expect(ourProfile._raw).toBe(theirProfile._raw);
    // verify's first two arguments: the access token and its secret, in both.
    expect(ourApp.verified[0]!.args).toEqual([expect.any(String), expect.any(String)]);
    expect(theirApp.verified[0]!.args).toEqual([expect.any(String), expect.any(String)]);
  });

  it("passport-twitter's requestTokenURL, accessTokenURL and userAuthorizationURL, copied as they are, are honoured", async () => {
    const copied = { Strategy, strategyOptions: theirs().strategyOptions };
    const app = await startApp(copied);
    expect(await firstSignIn(app)).toEqual({ id: defaultUser.id, username: defaultUser.screenName });
  });

  it("TwitterStrategy is the same class, named twitter", () => {
    expect(TwitterStrategy).toBe(Strategy);
    expect(new Strategy({ consumerKey: "k", consumerSecret: "s", callbackURL: "/cb" }, () => {}).name).toBe("twitter");
  });
});

describe("a sign-in handed over between passport-twitter and ours through one session store", () => {
  async function handOver(first: ReturnType<typeof ours>, second: ReturnType<typeof ours>): Promise<unknown> {
    const store = new session.MemoryStore();
    const finishing = await startApp({ ...second, store });
    const starting = await startApp({ ...first, store, callbackOrigin: finishing.origin });
    const b = browser(); // both on 127.0.0.1: the session cookie goes to both ports, as in a browser
    const back = await approveOnX(b, await toX(b, `${starting.origin}/auth/twitter`));
    expect(back.url).toBe(`${finishing.origin}/`);
    return ((await back.response.json()) as { user: unknown }).user;
  }

  it("started under passport-twitter, finished under ours", async () => {
    expect(await handOver(theirs() as never, ours())).toEqual({ id: defaultUser.id, username: defaultUser.screenName });
  });

  it("started under ours, finished under passport-twitter", async () => {
    expect(await handOver(ours(), theirs() as never)).toEqual({ id: defaultUser.id, username: defaultUser.screenName });
  });
});
