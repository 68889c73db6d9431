// passport-twitter in an Express app against the fake X started by the command, pointed at it with
// the strategy's own URL options (requestTokenURL, accessTokenURL, userAuthorizationURL, userProfileURL).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeXProcess, control, startFakeX } from "../cli/fake-x-process.js";

const require = createRequire(import.meta.url);
type Verify = (
  token: string,
  tokenSecret: string,
  profile: Record<string, unknown>,
  done: (e: unknown, user?: unknown) => void,
) => void;
const { Passport } = require("passport") as {
  Passport: new () => {
    use(strategy: unknown): void;
    authenticate(name: string, options: Record<string, unknown>): express.RequestHandler;
  };
};
const { Strategy } = require("passport-twitter") as {
  Strategy: new (options: Record<string, string>, verify: Verify) => unknown;
};

let fakeX: FakeXProcess;
const servers: Server[] = [];
beforeAll(async () => {
  fakeX = await startFakeX();
});
afterAll(async () => {
  for (const server of servers) server.close();
  await fakeX?.stop();
});

/** An Express app with passport-twitter on /auth/twitter and express-session. */
async function app(consumerSecret: string): Promise<string> {
  const web = express();
  const server = web.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((done) => server.once("listening", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // passport-oauth1 keeps the request-token secret in req.session between the two legs.
  web.use(session({ secret: "interop-test-session-secret", resave: false, saveUninitialized: true }));
  const passport = new Passport();
  passport.use(
    new Strategy(
      {
        consumerKey: fakeX.consumerKey,
        consumerSecret,
        callbackURL: `${base}/auth/twitter/callback`,
        requestTokenURL: `${fakeX.baseUrl}/oauth/request_token`,
        accessTokenURL: `${fakeX.baseUrl}/oauth/access_token`,
        userAuthorizationURL: `${fakeX.baseUrl}/oauth/authenticate`,
        userProfileURL: `${fakeX.baseUrl}/1.1/account/verify_credentials.json`,
      },
      (token, _tokenSecret, profile, done) => done(null, { token, profile }),
    ),
  );
  web.get("/auth/twitter", passport.authenticate("twitter", { session: false }));
  web.get(
    "/auth/twitter/callback",
    passport.authenticate("twitter", { session: false, failWithError: true }),
    (req, res) => res.json((req as Request & { user: unknown }).user),
  );
  web.use((error: { message: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error.status ?? 500).json({ message: error.message });
  });
  return base;
}

describe("passport-twitter against twitter-oauth1 fake-x", () => {
  it("login redirects to the fake's authenticate page; after approval the callback gets the token and profile", async () => {
    const base = await app(fakeX.consumerSecret);
    const login = await fetch(`${base}/auth/twitter`, { redirect: "manual" });
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const authorize = new URL(login.headers.get("location")!);
    expect(authorize.origin + authorize.pathname).toBe(`${fakeX.baseUrl}/oauth/authenticate`);
    const callback = await control(fakeX.baseUrl, "approve", {
      oauth_token: authorize.searchParams.get("oauth_token")!,
    });
    const back = await fetch(callback, { headers: { cookie } });
    expect(back.status).toBe(200);
    const { token, profile } = (await back.json()) as { token: string; profile: Record<string, unknown> };
    expect(token).toMatch(/^1450000000000000001-/);
    expect(profile).toMatchObject({
      provider: "twitter",
      id: "1450000000000000001",
      username: "fake_user",
      displayName: "Fake User",
    });
  });

  it("the user pressed Cancel: the callback with denied fails the authentication (401)", async () => {
    const base = await app(fakeX.consumerSecret);
    const login = await fetch(`${base}/auth/twitter`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const token = new URL(login.headers.get("location")!).searchParams.get("oauth_token")!;
    const back = await fetch(await control(fakeX.baseUrl, "deny", { oauth_token: token }), { headers: { cookie } });
    expect(back.status).toBe(401);
    expect(await back.json()).toEqual({ message: "Unauthorized" });
  });

  it("a wrong consumer secret is refused: passport-twitter reports X's code 32 message", async () => {
    const base = await app("not-the-secret");
    const login = await fetch(`${base}/auth/twitter`, { redirect: "manual" });
    expect(login.status).toBe(500);
    // passport-twitter turns X's {"errors":[{"code":32,…}]} into an Error with the message only.
    expect(await login.json()).toEqual({ message: "Could not authenticate you." });
  });
});
