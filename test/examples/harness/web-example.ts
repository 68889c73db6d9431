// The checks every web example passes, whatever runs it: what only the example can show. It signs in
// against the fake X through its login form and its framework passes the pending sign-in's cookies
// through; it renders its own pages (the signed-in page, with a display name full of markup escaped,
// and the page Cancel ends on); and it refuses to start without COOKIE_SECRET. The sign-in rules
// (replays, another sign-in's callback, cookie flags, Secure behind https) are the handlers' and the
// strategy's, owned by test/handlers/ and test/passport/. The browser is the one the handler tests use
// (tough-cookie's jar, redirects followed by hand); it talks to the example over loopback, or
// in-process for the frameworks whose handlers are called directly (Next.js).
import getPort from "get-port";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultClient, defaultConsumer, defaultUser, type FakeUser } from "../../../src/testing/index.js";
import { Browser, type Send } from "../../handlers/browser.js";
import { type FakeXServer, serveFakeX } from "./fake-x.js";

/** The variables every web example reads (README.md of each example). */
export interface ExampleEnv extends Record<string, string> {
  TWITTER_CONSUMER_KEY: string;
  TWITTER_CONSUMER_SECRET: string;
  TWITTER_CALLBACK_URL: string;
  COOKIE_SECRET: string;
  X_BASE_URL: string;
}

/** A started example: where it answers, how requests reach it, how it stops. */
export interface StartedExample {
  /** `http://127.0.0.1:PORT`, or the origin of the callback URL for an in-process one. */
  origin: string;
  /** Defaults to `fetch` over loopback; an in-process example routes its own origin to its handlers. */
  send?: Send;
  /** Resolves once it serves (a process: once it printed the URL to open). */
  ready(): Promise<void>;
  /** What it printed (processes and workerd). */
  output?(): string;
  /** Resolves with the exit code when the process ends by itself. */
  exited?(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export interface WebExample {
  /** Starts the example with `env`; `port` is free for it to listen on (ignored in-process). */
  start(env: ExampleEnv, port: number): Promise<StartedExample>;
  /** The sign-in paths (default: the handlers' /auth/x/login and /auth/x/callback). */
  login?: string;
  callback?: string;
  /**
   * Where a pending sign-in waits: "cookie" (the handlers: a sealed cookie of its own, cleared once
   * used) or "session" (the Passport strategy in express-session, whose cookie the example sets up).
   */
  pending?: "cookie" | "session";
  /** The status a cancelled sign-in ends on (default 403, the handlers' page) and the text it shows. */
  cancelled?: { status: number; text: RegExp };
  /**
   * What a start without COOKIE_SECRET does: "exits" (the process ends, naming the variable),
   * "fails-first-request" (a Worker, which has no start: its first sign-in answers 500, naming it in
   * the log), or "skip" (in-process).
   */
  missingSecret?: "exits" | "fails-first-request" | "skip";
  /**
   * How the example signs in: "oauth1" (default) or "oauth2", which starts it with `X_AUTH=oauth2`
   * and the fake's `X_CLIENT_ID` and `X_CLIENT_SECRET`, as `fake-x` prints them.
   */
  protocol?: "oauth1" | "oauth2";
}

/** A display name is whatever the user typed on X: the page must escape it. */
const MARKUP_USER: FakeUser = {
  id: "1450000000000000002",
  screenName: "markup_user",
  name: `<img src=x onerror="alert(1)"> & Co`,
  password: "password-2",
};

export function webExampleChecks(example: WebExample): void {
  const login = example.login ?? "/auth/x/login";
  const callback = example.callback ?? "/auth/x/callback";
  const pending = example.pending ?? "cookie";
  const cancelled = example.cancelled ?? { status: 403, text: /You cancelled signing in with X\./ };
  const oauth2 = example.protocol === "oauth2";
  // Where login sends the browser: X's authenticate page (1.0a) or its authorize page (OAuth 2.0).
  const xPage = oauth2 ? "/i/oauth2/authorize?" : "/oauth/authenticate?oauth_token=";
  let x: FakeXServer;
  let app: StartedExample;

  const envFor = (callbackUrl: string): ExampleEnv => ({
    TWITTER_CONSUMER_KEY: defaultConsumer.key,
    TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
    TWITTER_CALLBACK_URL: callbackUrl,
    COOKIE_SECRET: "test-only cookie secret, 32+ characters long",
    X_BASE_URL: x.origin,
    ...(oauth2
      ? { X_AUTH: "oauth2", X_CLIENT_ID: defaultClient.clientId, X_CLIENT_SECRET: defaultClient.clientSecret! }
      : {}),
  });

  async function startOn(env?: Partial<ExampleEnv>): Promise<StartedExample> {
    const port = await getPort({ host: "127.0.0.1" });
    return example.start({ ...envFor(`http://127.0.0.1:${port}${callback}`), ...env } as ExampleEnv, port);
  }

  async function startReady(): Promise<StartedExample> {
    const started = await startOn();
    try {
      await started.ready();
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  const browser = (): Browser => new Browser((request) => (app.send ?? fetch)(request));

  /** Home page, login, X's form filled in (or Cancel), back to the app, redirects followed. */
  async function signIn(
    user: FakeUser = defaultUser,
    choice: "authorize" | "cancel" = "authorize",
    b: Browser = browser(),
  ): Promise<{ callbackUrl: string; status: number; html: string; browser: Browser }> {
    const home = await b.request(app.origin + "/");
    const homeHtml = await home.text();
    expect(homeHtml, `the home page links to ${login}`).toContain(`href="${login}"`);
    const atX = await b.open(app.origin + login);
    if (!atX.url.startsWith(`${x.origin}${xPage}`)) {
      throw new Error(
        `${login} did not lead to X: ${atX.url} answered ${atX.response?.status}\n${await atX.response?.text()}`,
      );
    }
    const posted = await b.submitXForm(atX.url, atX.response!, choice, {
      username: user.screenName,
      password: user.password,
    });
    // Approved: X redirects to the callback. Cancelled: X shows a page with a link back (denied=…);
    // over OAuth 2.0 it redirects there at once (error=access_denied).
    const back =
      choice === "authorize" || oauth2
        ? posted.headers.get("location")
        : /<a class="button" href="([^"]+)"/
            .exec(await posted.text())?.[1]
            ?.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    expect(back?.startsWith(app.origin + callback), `X sends the browser back to ${callback}: ${back}`).toBe(true);
    const end = await b.open(back!);
    return { callbackUrl: back!, status: end.response!.status, html: await end.response!.text(), browser: b };
  }

  beforeAll(async () => {
    x = await serveFakeX({ users: [defaultUser, MARKUP_USER] });
    app = await startReady();
  });

  afterAll(async () => {
    await app?.stop();
    await x?.close();
  });

  it(`X docs, ${oauth2 ? "OAuth 2.0 Authorization Code Flow with PKCE" : "Log in with X"}: the sign-in ends on a page naming the fake user`, async () => {
    const result = await signIn();
    expect(result.status, result.html).toBe(200);
    expect(result.html).toContain(`@${defaultUser.screenName}`);
    expect(result.html).toContain(defaultUser.name);
    const set = result.browser.log.flatMap((hop) =>
      hop.url.startsWith(app.origin) ? hop.response.headers.getSetCookie() : [],
    );
    for (const header of set) expect(header).not.toContain(defaultConsumer.secret);
    if (pending === "cookie") {
      // The framework passed the handlers' Set-Cookie through both ways: set at login, cleared once used.
      expect(set.some((header) => /^x-signin-[^=]+=[^;]/.test(header))).toBe(true);
      expect(await result.browser.cookieNames(app.origin, "x-signin-")).toEqual([]);
    } else {
      // The session cookie is the example's own (express-session's options): HttpOnly, SameSite=Lax.
      const session = set.find((header) => header.startsWith("connect.sid="));
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    }
  });

  it(`X docs: Cancel on X's page comes back with ${oauth2 ? "error=access_denied" : "denied="} and ends signed out`, async () => {
    const result = await signIn(defaultUser, "cancel");
    expect(result.callbackUrl).toContain(oauth2 ? "error=access_denied" : "denied=");
    expect(result.status).toBe(cancelled.status);
    expect(result.html).toMatch(cancelled.text);
    expect(result.html).not.toContain(`@${defaultUser.screenName}`);
  });

  it("the signed-in user's name is HTML-escaped on the page (a display name is user input)", async () => {
    const result = await signIn(MARKUP_USER);
    expect(result.status, result.html).toBe(200);
    expect(result.html).toContain(`@${MARKUP_USER.screenName}`);
    expect(result.html).not.toContain("<img");
    expect(result.html).toMatch(
      /(&lt;|&#60;)img src=x onerror=(&quot;|&#34;)alert\(1\)(&quot;|&#34;)(&gt;|&#62;) (&amp;|&#38;) Co/,
    );
  });

  const missing = example.missingSecret ?? "exits";
  it.skipIf(missing === "skip")("without COOKIE_SECRET it fails at its start, naming the variable", async () => {
    const broken = await startOn({ COOKIE_SECRET: "" });
    try {
      if (missing === "exits") {
        expect(await broken.exited!()).not.toBe(0);
      } else {
        // A Worker has no start of its own: the first request runs the module, answers 500 and logs why.
        await broken.ready();
        expect((await fetch(broken.origin + login, { redirect: "manual" })).status).toBe(500);
      }
      await expect.poll(() => broken.output!(), { timeout: 20_000 }).toMatch(/Set COOKIE_SECRET/);
    } finally {
      await broken.stop();
    }
  });
}
