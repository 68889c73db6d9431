// returnTo: only a path on this site survives a sign-in; everything that a browser, or an app that
// decodes or normalizes it, could read as another host becomes "/" (RFC 3986 4.2: "//host" is a
// network-path reference; browsers read "\" as "/" in special URLs and drop tabs and newlines, WHATWG
// URL "basic URL parser").
import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieNameFor } from "../../src/handlers/cookies.js";
import { sealJson } from "../../src/twitter/seal.js";
import { APP, COOKIE_SECRET, LOGIN, setup, tokenOf } from "./setup.js";

const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0d%0aSet-Cookie:%20a=b",
  "/\u0000/evil.example",
  "/..//evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/a/../..//evil.example",
  "https://evil.example",
  "HTTPS://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "evil.example/path",
  " /path",
  "/path with space",
  "/\u3000evil",
  "／／evil.example",
  "?next=/",
  "#/",
  "",
  `/${"a".repeat(512)}`,
];

const KEPT = [
  "/",
  "/account",
  "/account?tab=2#keys",
  "/search?q=a%20b",
  "/search?next=%2F%2Fnot-a-host",
  "/@someone",
  "/a/b/../c",
  "/100%25",
  `/${"a".repeat(511)}`,
];

/** Signs in with `returnTo` given to login() (directly, or as ?return_to= through handle) and returns what onSuccess got. */
async function landing(returnTo: string, through: "login" | "handle"): Promise<string> {
  const app = setup();
  const started =
    through === "login"
      ? await app.signIn.login(new Request(LOGIN), { returnTo })
      : (await app.signIn.handle(new Request(`${LOGIN}?return_to=${encodeURIComponent(returnTo)}`)))!;
  const cookie = started.headers.getSetCookie()[0]!.split(";")[0]!;
  const back = await app.signIn.callback(
    new Request(app.fake.approve(tokenOf(started.headers.get("location")!)), { headers: { cookie } }),
  );
  expect(back.status).toBe(303);
  expect(new URL(back.headers.get("location")!).origin).toBe(APP);
  return app.successes[0]!.returnTo;
}

describe("returnTo", () => {
  it("has at least 20 hostile values in its table", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(HOSTILE.map((value) => [JSON.stringify(value), value]))("%s", (_, value) => {
    it('becomes "/" through login() and through ?return_to=', async () => {
      expect(await landing(value, "login")).toBe("/");
      expect(await landing(value, "handle")).toBe("/");
    });
  });

  describe.each(KEPT.map((value) => [JSON.stringify(value), value]))("%s", (_, value) => {
    it("is kept as given", async () => {
      expect(await landing(value, "login")).toBe(value);
      expect(await landing(value, "handle")).toBe(value);
    });
  });

  it("a value that is not a string becomes /", async () => {
    for (const value of [42, null, { toString: () => "//evil.example" }, ["/a"]]) {
      expect(await landing(value as unknown as string, "login")).toBe("/");
    }
  });
});

describe("a returnTo read back from a sealed cookie is checked again", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a pending sign-in sealed with an off-site returnTo (an old or forged cookie) lands on /", async () => {
    // The clock pinned, so the forged cookie is as fresh as a real one whatever the machine's pace.
    const sealedAt = Date.UTC(2026, 11, 7, 12, 0, 0);
    vi.useFakeTimers({ toFake: ["Date"], now: sealedAt });
    const app = setup();
    const requestToken = await app.client.getRequestToken();
    // Sealed as the handlers seal a pending sign-in, with a returnTo they would never have kept.
    const value = await sealJson(
      [requestToken.token, requestToken.tokenSecret, sealedAt / 1000, "//evil.example/"],
      COOKIE_SECRET,
      { context: "twitter-oauth1/pending-sign-in", noun: "pending sign-in" },
    );
    const cookie = `${await cookieNameFor(requestToken.token, true)}=${value}`;
    const answer = await app.signIn.callback(
      new Request(app.fake.approve(requestToken.token), { headers: { cookie } }),
    );
    expect(app.successes.map((result) => result.returnTo)).toEqual(["/"]);
    expect(answer.headers.get("location")).toBe(`${APP}/`);
  });
});
