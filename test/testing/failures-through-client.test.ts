// Every failure the fake can inject, met by this package's own client: the TwitterOAuthError a
// user's error handling sees (code, status, X's errors, rateLimit), as the fake answers like X.
import { afterEach, describe, expect, it, vi } from "vitest";
import { type AccessToken, TwitterOAuth, type TwitterOAuthError, isTwitterOAuthError } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, type FailOptions, type FakeTwitter } from "../../src/testing/index.js";
import { toNodeListener } from "../../src/node/index.js";
import { type Listening, listen } from "../support/http.js";

const START = Date.UTC(2026, 0, 15, 12, 0, 0);
const VERIFY = "/1.1/account/verify_credentials.json";

function setUp(options: { timeout?: number } = {}): { fake: FakeTwitter; x: TwitterOAuth; clock: { now: number } } {
  const clock = { now: START };
  const fake = createFakeTwitter({ now: () => clock.now });
  const x = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "https://app.example/auth/x/callback",
    now: () => clock.now,
    fetch: (input, init) => fake.fetch(new Request(input, init)),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return { fake, x, clock };
}

async function signIn(fake: FakeTwitter, x: TwitterOAuth): Promise<AccessToken> {
  const requestToken = await x.getRequestToken();
  const { verifier } = x.parseCallback(fake.approve(requestToken.token), requestToken);
  return x.exchangeVerifier(requestToken, verifier);
}

async function rejection(promise: Promise<unknown>): Promise<TwitterOAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTwitterOAuthError(error)) throw new Error(`expected a TwitterOAuthError, got ${String(error)}`);
  return error;
}

describe("an injected failure, as TwitterOAuth reports it", () => {
  it.each([
    ["401 code 32 (bad signature)", { code: 32 }, 401, [{ code: 32, message: "Could not authenticate you." }]],
    ["401 code 89 (revoked token)", { code: 89 }, 401, [{ code: 89, message: "Invalid or expired token." }]],
    [
      "403 code 415 (callback not approved)",
      { code: 415 },
      403,
      [
        {
          code: 415,
          message:
            "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings",
        },
      ],
    ],
    [
      "401 code 417 (desktop app)",
      { code: 417 },
      401,
      [{ code: 417, message: "Desktop applications only support the oauth_callback value 'oob'" }],
    ],
    ["503, an HTML page", { status: 503 }, 503, []],
  ] as Array<[string, FailOptions, number, unknown]>)(
    "%s on verify_credentials: HTTP_ERROR with that status and X's errors, no rateLimit",
    async (_, options, status, errors) => {
      const { fake, x } = setUp();
      const user = await signIn(fake, x);
      fake.fail({ ...options, path: VERIFY });
      const error = await rejection(x.verifyCredentials(user));
      expect(error.code).toBe("HTTP_ERROR");
      expect(error.status).toBe(status);
      expect(error.errors).toEqual(errors);
      expect(error.rateLimit).toBeUndefined();
      expect(error.endpoint).toBe("GET /1.1/account/verify_credentials.json");
      // The next call is answered normally.
      expect((await x.verifyCredentials(user)).screen_name).toBe("fake_user");
    },
  );

  it("the same on the token endpoints: request_token 415, access_token 89", async () => {
    const { fake, x } = setUp();
    fake.fail({ code: 415, path: "/oauth/request_token" });
    const refused = await rejection(x.getRequestToken());
    expect([refused.status, refused.errors[0]?.code, refused.endpoint]).toEqual([
      403,
      415,
      "POST /oauth/request_token",
    ]);
    const requestToken = await x.getRequestToken();
    const { verifier } = x.parseCallback(fake.approve(requestToken.token), requestToken);
    fake.fail({ code: 89, path: "/oauth/access_token" });
    const expired = await rejection(x.exchangeVerifier(requestToken, verifier));
    expect([expired.status, expired.errors[0]?.code]).toEqual([401, 89]);
  });

  it("429 code 88: rateLimit is the endpoint's limit, 0 remaining, the window's reset, and the message says when to retry", async () => {
    const { fake, x } = setUp();
    const user = await signIn(fake, x);
    fake.fail({ code: 88, path: VERIFY });
    const error = await rejection(x.verifyCredentials(user));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(429);
    expect(error.errors).toEqual([{ code: 88, message: "Rate limit exceeded." }]);
    const reset = new Date(START + 900_000);
    expect(error.rateLimit).toEqual({ limit: 75, remaining: 0, reset });
    expect(error.message).toContain(`retry in 900 s, at ${reset.toISOString()}`);
  });

  it("the real limit too: the 76th verify_credentials in 15 minutes is 429 code 88 with the window's rateLimit", async () => {
    const { fake, x, clock } = setUp();
    const user = await signIn(fake, x);
    for (let i = 0; i < 75; i++) await x.verifyCredentials(user);
    clock.now += 60_000;
    const error = await rejection(x.verifyCredentials(user));
    expect([error.status, error.errors[0]?.code]).toEqual([429, 88]);
    expect(error.rateLimit).toEqual({ limit: 75, remaining: 0, reset: new Date(START + 900_000) });
    expect(error.message).toContain("retry in 840 s");
  });

  it("401 code 135 once: the client learns X's clock from the skewed Date and its retry succeeds", async () => {
    const { fake, x } = setUp();
    const user = await signIn(fake, x);
    fake.fail({ code: 135, path: VERIFY });
    expect((await x.verifyCredentials(user)).screen_name).toBe("fake_user");
  });

  it("401 code 135 twice: HTTP_ERROR 401 with code 135 after the one retry", async () => {
    const { fake, x } = setUp();
    const user = await signIn(fake, x);
    fake.fail({ code: 135, path: VERIFY, times: 2 });
    const error = await rejection(x.verifyCredentials(user));
    expect([error.code, error.status]).toEqual(["HTTP_ERROR", 401]);
    expect(error.errors).toEqual([{ code: 135, message: "Timestamp out of bounds." }]);
    expect(error.rateLimit).toBeUndefined();
  });

  it("a slow answer within the client's timeout succeeds; beyond it, TIMEOUT", async () => {
    const { fake, x } = setUp({ timeout: 300 });
    const user = await signIn(fake, x);
    // The delay and the timeout race on a clock the test moves (timers faked), not on the machine's.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      /** Lets the request run until both the client's timeout and the fake's delay are set. */
      const bothTimersSet = async (): Promise<void> => {
        for (let i = 0; i < 1_000 && vi.getTimerCount() < 2; i++) await new Promise((done) => setImmediate(done));
        expect(vi.getTimerCount()).toBe(2);
      };
      fake.fail({ delayMs: 299, path: VERIFY });
      const within = x.verifyCredentials(user);
      await bothTimersSet();
      await vi.advanceTimersByTimeAsync(299);
      expect((await within).screen_name).toBe("fake_user");
      fake.fail({ delayMs: 5_000, path: VERIFY });
      const beyond = rejection(x.verifyCredentials(user));
      await bothTimersSet();
      await vi.advanceTimersByTimeAsync(300);
      const error = await beyond;
      expect(error.code).toBe("TIMEOUT");
      expect(error.status).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a dropped connection over HTTP (toNodeListener destroys the socket)", () => {
  let server: Listening | undefined;
  afterEach(() => server?.close());

  it("is NETWORK_ERROR, with the fetch failure as cause", async () => {
    const fake = createFakeTwitter();
    server = await listen(toNodeListener(fake.fetch));
    const x = new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: "oob",
      baseUrl: server.origin,
    });
    fake.fail({ drop: true, path: "/oauth/request_token" });
    const error = await rejection(x.getRequestToken());
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((await x.getRequestToken()).callbackConfirmed).toBe(true);
  });
});
