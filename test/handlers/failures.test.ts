// When X fails on any leg (an HTTP error as X sends it, an unreachable X, a timeout), the handlers
// answer through onError with a TwitterOAuthError (the default page says what to do) and never reject;
// the pending sign-in's cookie is cleared once its callback has come back, and kept untouched before.
import { afterEach, describe, expect, it, vi } from "vitest";
import { isTwitterOAuthError, TwitterOAuthError, type TwitterOAuthErrorCode } from "../../src/index.js";
import { defaultErrorResponse } from "../../src/handlers/error-page.js";
import { CALLBACK, expectErrorPageHead, LOGIN, PENDING_PREFIX, readErrorPage, setup, startTab } from "./setup.js";

type XFetch = (request: Request) => Promise<Response>;

afterEach(() => vi.restoreAllMocks());

const LEGS = {
  "step 1, POST oauth/request_token": "/oauth/request_token",
  "step 3, POST oauth/access_token": "/oauth/access_token",
  "the user, GET account/verify_credentials": "/1.1/account/verify_credentials.json",
} as const;

// What X sends when it fails (X API v1.1 error bodies; a plain-text OAuth failure on access_token).
const FAILURES: Record<string, { answer: (request: Request) => Promise<Response>; code: string; status: number }> = {
  "503 Over capacity (JSON)": {
    answer: async () =>
      new Response(JSON.stringify({ errors: [{ code: 130, message: "Over capacity" }] }), {
        status: 503,
        headers: { "content-type": "application/json; charset=utf-8" },
      }),
    code: "HTTP_ERROR",
    status: 502,
  },
  "401 plain text": {
    answer: async () =>
      new Response("Error processing your OAuth request: Invalid / expired Token", {
        status: 401,
        headers: { "content-type": "text/html; charset=utf-8" },
      }),
    code: "HTTP_ERROR",
    status: 502,
  },
  "fetch rejects (X unreachable)": {
    answer: async () => {
      throw new TypeError("fetch failed");
    },
    code: "NETWORK_ERROR",
    status: 502,
  },
  "no answer before the client's timeout": {
    answer: (request) =>
      new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
    code: "TIMEOUT",
    status: 504,
  },
};

function failing(path: string, answer: (request: Request) => Promise<Response>): (next: XFetch) => XFetch {
  return (next) => (request) => (new URL(request.url).pathname === path ? answer(request) : next(request));
}

describe.each(Object.entries(LEGS))("X fails on %s", (_, path) => {
  describe.each(Object.entries(FAILURES))("%s", (_, failure) => {
    it("the default page says it in the user's words with a way back, the log has the code and the developer message; cookies as they should be", async () => {
      const app = setup({ wrapX: failing(path, failure.answer), timeout: 100 });
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const started = await app.browser.request(LOGIN);
      let answer = started;
      if (path !== "/oauth/request_token") {
        expect(started.status).toBe(302);
        const token = new URL(started.headers.get("location")!).searchParams.get("oauth_token")!;
        answer = await app.browser.request(app.fake.approve(token));
        expect(answer.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-x-signin-.*Max-Age=0/)]);
      } else {
        expect(answer.headers.getSetCookie()).toEqual([]);
      }
      expect(answer.status).toBe(failure.status);
      const page = await readErrorPage(answer);
      expectErrorPageHead(answer, page.html);
      expect(page.text).toMatch(
        /^Sign-in failed (X could not|X did not)[^.]*\. Please try again in a moment\. Try again$/,
      );
      expect(page.html).not.toContain(failure.code);
      expect(page.links).toEqual([{ href: LOGIN, text: "Try again" }]);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toMatch(new RegExp(`^twitter-oauth1/handlers: sign-in failed, ${failure.code}: `));
      expect(await app.browser.cookieNames(CALLBACK, PENDING_PREFIX)).toEqual([]);
      expect(app.successes).toEqual([]);
    });

    it("onError receives the TwitterOAuthError", async () => {
      const seen: TwitterOAuthError[] = [];
      const app = setup({
        wrapX: failing(path, failure.answer),
        timeout: 100,
        onError: (error) => {
          seen.push(error);
          return new Response("sorry", { status: 500 });
        },
      });
      const started = await app.browser.request(LOGIN);
      if (path !== "/oauth/request_token") {
        await app.browser.request(
          app.fake.approve(new URL(started.headers.get("location")!).searchParams.get("oauth_token")!),
        );
      }
      expect(seen.map((error) => [isTwitterOAuthError(error), error.code])).toEqual([[true, failure.code]]);
    });
  });
});

describe("no secret in any answer", () => {
  it("consumer secret, token secrets and signatures appear in no header, body or log line, in any usual encoding", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args) => logged.push(args.map(String).join(" ")));
    const failAccess = failing("/oauth/access_token", FAILURES["401 plain text"]!.answer);
    const apps = [setup(), setup({ wrapX: failAccess }), setup({ fetchUser: false })];
    const [ok, failed, lean] = apps as [ReturnType<typeof setup>, ReturnType<typeof setup>, ReturnType<typeof setup>];
    // Sign-ins that succeed, are cancelled, replayed, failed by X, and one on a foreign callback.
    for (const app of [ok, lean]) {
      const tab = await startTab(app);
      const callback = app.fake.approve(tab.token);
      await app.browser.open(callback);
      await app.browser.open(callback);
      const cancelled = await startTab(app);
      await app.browser.open(app.fake.deny(cancelled.token));
    }
    const tab = await startTab(failed);
    await failed.browser.open(failed.fake.approve(tab.token));
    await ok.browser.open(`${CALLBACK}?oauth_token=forged&oauth_verifier=forged`);

    const secrets = new Set<string>(["fake-consumer-secret-0123456789abcdef"]);
    for (const app of apps) {
      for (const { request, response } of app.xCalls) {
        const signature = /oauth_signature="([^"]+)"/.exec(request.headers.get("authorization") ?? "")?.[1];
        if (signature) secrets.add(decodeURIComponent(signature));
        const fields = new URLSearchParams(await response.text());
        if (fields.get("oauth_token_secret")) secrets.add(fields.get("oauth_token_secret")!);
      }
    }
    expect(secrets.size).toBeGreaterThan(10);
    const encodings = (secret: string): string[] => [
      secret,
      encodeURIComponent(secret),
      btoa(secret),
      btoa(secret).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
    ];
    const answers: string[] = [...logged];
    for (const app of apps) {
      for (const hop of app.browser.log) {
        if (new URL(hop.url).hostname === "api.x.com") continue; // X's own pages
        answers.push(`${hop.response.status} ${[...hop.response.headers].join("\n")}\n${await hop.response.text()}`);
      }
    }
    expect(answers.length).toBeGreaterThan(15);
    const leaks = [...secrets].flatMap((secret) =>
      encodings(secret).filter((encoded) => answers.some((answer) => answer.includes(encoded))),
    );
    expect(leaks).toEqual([]);
  });
});

describe("the default page's Try again link keeps the page the user was going to", () => {
  const down = FAILURES["fetch rejects (X unreachable)"]!.answer;

  it.each(Object.entries(LEGS))("X down on %s: return_to survives into the link", async (_, path) => {
    const app = setup({ wrapX: failing(path, down) });
    vi.spyOn(console, "error").mockImplementation(() => {});
    let answer = await app.browser.request(`${LOGIN}?return_to=%2Faccount%3Ftab%3D2`);
    if (path !== "/oauth/request_token") {
      answer = await app.browser.request(
        app.fake.approve(new URL(answer.headers.get("location")!).searchParams.get("oauth_token")!),
      );
    }
    expect((await readErrorPage(answer)).links).toEqual([
      { href: `${LOGIN}?return_to=%2Faccount%3Ftab%3D2`, text: "Try again" },
    ]);
  });

  it("a return_to with markup stays encoded in the link and never reaches the page as markup", async () => {
    const app = setup({ wrapX: failing("/oauth/request_token", down) });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await app.browser.request(`${LOGIN}?return_to=${encodeURIComponent('/a"><script>x</script>')}`);
    const page = await readErrorPage(answer);
    expect(page.html).not.toContain("<script>");
    expect(new URL(page.links[0]!.href).searchParams.get("return_to")).toBe('/a"><script>x</script>');
  });
});

describe("a bug in the app is not a sign-in outcome", () => {
  it("an error thrown by onSuccess rejects callback() (for the framework to report), after X's legs", async () => {
    const app = setup({
      onSuccess: () => {
        throw new Error("database down");
      },
    });
    const started = await app.signIn.login(new Request(LOGIN));
    const cookie = started.headers.getSetCookie()[0]!.split(";")[0]!;
    const callback = app.fake.approve(new URL(started.headers.get("location")!).searchParams.get("oauth_token")!);
    await expect(app.signIn.callback(new Request(callback, { headers: { cookie } }))).rejects.toThrow("database down");
  });
});

describe("the default page for each code, as the end user reads it", () => {
  const pages: [TwitterOAuthErrorCode, number, string][] = [
    [
      "AUTHORIZATION_DENIED",
      403,
      "Sign-in cancelled You cancelled signing in with X. Nothing was shared with this site.",
    ],
    [
      "INVALID_STATE",
      400,
      "Please sign in again This sign-in expired or was already used. Please start signing in again.",
    ],
    [
      "TOKEN_MISMATCH",
      400,
      "Please sign in again This sign-in expired or was already used. Please start signing in again.",
    ],
    [
      "INVALID_CALLBACK",
      400,
      "Please sign in again The link back from X was incomplete. Please start signing in again.",
    ],
    ...(["HTTP_ERROR", "INVALID_RESPONSE", "CALLBACK_NOT_CONFIRMED", "NETWORK_ERROR"] as const).map(
      (code): [TwitterOAuthErrorCode, number, string] => [
        code,
        502,
        "Sign-in failed X could not complete the sign-in right now. Please try again in a moment.",
      ],
    ),
    ["TIMEOUT", 504, "Sign-in failed X could not complete the sign-in right now. Please try again in a moment."],
    // A code this copy of the package does not know, from a newer copy in the same app.
    ["SOMETHING_NEW" as TwitterOAuthErrorCode, 500, "Sign-in failed Signing in with X failed. Please try again."],
  ];
  it.each(pages)("%s: %i", async (code, status, text) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = defaultErrorResponse(new TwitterOAuthError(code, "developer message"), LOGIN);
    expect(answer.status).toBe(status);
    const page = await readErrorPage(answer);
    expectErrorPageHead(answer, page.html);
    expect(page.text).toBe(`${text} Try again`);
    expect(page.html).not.toContain("developer message");
  });
});
