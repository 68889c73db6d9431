// The checks every web example passes, whatever runs it: a full sign-in against the fake X through
// X's own login form, Cancel, a replayed callback and a callback from another sign-in. The example
// is started once per file, pointed at a fake X on loopback through its environment.
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultConsumer, defaultUser, type FakeUser } from "../../../src/testing/index.js";
import { Browser, signIn, type SignInPaths } from "./browser.js";
import { serveFakeX, type FakeXServer } from "./fake-x-server.js";
import { freePort } from "./ports.js";

/** The variables every web example reads (README.md of each example). */
export interface ExampleEnv extends Record<string, string> {
  TWITTER_CONSUMER_KEY: string;
  TWITTER_CONSUMER_SECRET: string;
  TWITTER_CALLBACK_URL: string;
  COOKIE_SECRET: string;
  X_BASE_URL: string;
  PORT: string;
}

export interface RunningExample {
  stop(): Promise<void>;
}

export const COOKIE = "x_request_token";
const PATHS: SignInPaths = { home: "/", login: "/auth/login", callback: "/auth/callback" };

/** A display name is whatever the user typed on X: the page must escape it. */
const MARKUP_USER: FakeUser = {
  id: "1450000000000000002",
  screenName: "markup_user",
  name: `<img src=x onerror="alert(1)"> & Co`,
  password: "password-2",
};

export function webExampleChecks(startExample: (env: ExampleEnv) => Promise<RunningExample>): void {
  let x: FakeXServer;
  let app: string;
  let example: RunningExample | undefined;

  function envFor(port: number, callbackUrl: string): ExampleEnv {
    return {
      TWITTER_CONSUMER_KEY: defaultConsumer.key,
      TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
      TWITTER_CALLBACK_URL: callbackUrl,
      COOKIE_SECRET: "test-only cookie secret, 32+ characters long",
      X_BASE_URL: x.origin,
      PORT: String(port),
    };
  }

  beforeAll(async () => {
    x = await serveFakeX({ users: [defaultUser, MARKUP_USER] });
    const port = await freePort();
    app = `http://127.0.0.1:${port}`;
    example = await startExample(envFor(port, `${app}${PATHS.callback}`));
  });

  afterAll(async () => {
    await example?.stop();
    await x?.close();
  });

  it("X docs, Log in with X: the three steps end on a page naming the fake user", async () => {
    const browser = new Browser();
    const result = await signIn(browser, app, x.origin, PATHS);
    expect(result.status, result.html).toBe(200);
    expect(result.html).toContain(`@${defaultUser.screenName}`);
    expect(result.html).toContain(defaultUser.name);
    // The request token waited in an HttpOnly, SameSite=Lax cookie, sealed (no secret in sight) ...
    const set = browser.setCookies.find((header) => header.startsWith(`${COOKIE}=`) && !/max-age=0/i.test(header));
    expect(set).toMatch(/;\s*HttpOnly/i);
    expect(set).toMatch(/;\s*SameSite=Lax/i);
    expect(set).not.toContain(defaultConsumer.secret);
    // ... and is gone once used.
    expect(browser.cookie(app, COOKIE)).toBeUndefined();
  });

  it("X docs: the callback's token must match step 1, so a replayed callback without the cookie is refused", async () => {
    const first = await signIn(new Browser(), app, x.origin, PATHS);
    expect(first.status).toBe(200);
    const replay = await new Browser().request(first.callbackUrl);
    const html = await replay.text();
    expect(replay.status).toBe(400);
    expect(html).not.toContain(`@${defaultUser.screenName}`);
  });

  it("X docs: a callback carrying another sign-in's token is refused (TOKEN_MISMATCH)", async () => {
    const victim = new Browser();
    const started = await victim.request(app + PATHS.login);
    expect(started.status).toBeGreaterThanOrEqual(300);
    // An attacker completes a sign-in of their own and sends the victim to its callback URL.
    const attacker = new Browser();
    const attackerLogin = await attacker.request(app + PATHS.login);
    const token = new URL(attackerLogin.headers.get("location")!).searchParams.get("oauth_token")!;
    const forged = await victim.request(x.fake.approve(token));
    const html = await forged.text();
    expect(forged.status).toBe(400);
    expect(html).toContain("TOKEN_MISMATCH");
    expect(html).not.toContain(`@${defaultUser.screenName}`);
  });

  it("X docs: Cancel on X's page comes back with denied= and ends signed out", async () => {
    const result = await signIn(new Browser(), app, x.origin, PATHS, "cancel");
    expect(result.callbackUrl).toContain("denied=");
    expect(result.status).toBe(403);
    expect(result.html).toContain("AUTHORIZATION_DENIED");
    expect(result.html).not.toContain(`@${defaultUser.screenName}`);
  });

  it("the signed-in user's name is HTML-escaped on the page (a display name is user input)", async () => {
    const result = await signIn(new Browser(), app, x.origin, PATHS, "authorize", MARKUP_USER);
    expect(result.status, result.html).toBe(200);
    expect(result.html).toContain(`@${MARKUP_USER.screenName}`);
    expect(result.html).not.toContain("<img");
    expect(result.html).toMatch(
      /(&lt;|&#60;)img src=x onerror=(&quot;|&#34;)alert\(1\)(&quot;|&#34;)(&gt;|&#62;) (&amp;|&#38;) Co/,
    );
  });

  it("behind https (an https callback URL) the request-token cookie is also Secure", async () => {
    const port = await freePort();
    const secure = await startExample(envFor(port, `https://app.example${PATHS.callback}`));
    try {
      const login = await new Browser().request(`http://127.0.0.1:${port}${PATHS.login}`);
      const set = login.headers.getSetCookie().find((header) => header.startsWith(`${COOKIE}=`));
      expect(login.status).toBe(302);
      expect(set).toMatch(/;\s*Secure/i);
      expect(set).toMatch(/;\s*HttpOnly/i);
    } finally {
      await secure.stop();
    }
  });
}
