// createSignInHandlers checks everything at creation, so that a misconfigured app fails when it
// starts, not at its first sign-in; each problem is a TypeError naming the option.
import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { createSignInHandlers, type SignInHandlersOptions } from "../../src/handlers/index.js";
import { COOKIE_SECRET, LOGIN, setup } from "./setup.js";

const client = (callbackUrl?: string) =>
  new TwitterOAuth({ consumerKey: "key", consumerSecret: "secret", ...(callbackUrl ? { callbackUrl } : {}) });
const valid: SignInHandlersOptions = {
  client: client("https://app.example/auth/x/callback"),
  cookieSecret: COOKIE_SECRET,
  onSuccess: () => new Response("ok"),
};

describe("createSignInHandlers refuses, naming the option", () => {
  const cases: [string, Partial<Record<keyof SignInHandlersOptions, unknown>>, RegExp][] = [
    [
      "a missing cookieSecret",
      { cookieSecret: undefined },
      /^options\.cookieSecret must be at least 32 random characters .*, got undefined$/,
    ],
    [
      "a cookieSecret of 31 characters",
      { cookieSecret: "x".repeat(31) },
      /^options\.cookieSecret must be at least 32 random characters \(openssl rand -base64 32\), got 31$/,
    ],
    [
      "a cookieSecret of one character repeated",
      { cookieSecret: "a".repeat(64) },
      /^options\.cookieSecret is one character repeated: .*openssl rand -base64 32/,
    ],
    [
      "a client without callbackUrl",
      { client: client() },
      /^options\.client's callbackUrl must be the http\(s\) callback URL registered in the X app, got undefined$/,
    ],
    [
      "a client with the PIN flow",
      { client: client("oob") },
      /^options\.client's callbackUrl must be the http\(s\) callback URL registered in the X app, got string$/,
    ],
    [
      "a custom-scheme callback",
      { client: client("myapp://callback") },
      /^options\.client's callbackUrl must be the http\(s\) callback URL registered in the X app, got string$/,
    ],
    [
      "something that is not a client",
      { client: { callbackUrl: "https://a.example/cb" } },
      /^options\.client must be a TwitterOAuth client/,
    ],
    [
      "a missing onSuccess",
      { onSuccess: undefined },
      /^options\.onSuccess must be a function returning a Response, got undefined$/,
    ],
    [
      "an onError that is not a function",
      { onError: "page" },
      /^options\.onError must be a function returning a Response, got string$/,
    ],
    [
      "a loginPath without its slash",
      { loginPath: "auth/login" },
      /^options\.loginPath must be a path starting with "\/"/,
    ],
    ["a callbackPath with a query", { callbackPath: "/cb?x=1" }, /^options\.callbackPath must be a path/],
    ["maxAgeSeconds 0", { maxAgeSeconds: 0 }, /^options\.maxAgeSeconds must be a number of seconds, at least 1/],
    ["maxAgeSeconds NaN", { maxAgeSeconds: Number.NaN }, /^options\.maxAgeSeconds must be/],
    ["includeEmail as a string", { includeEmail: "yes" }, /^options\.includeEmail must be true or false/],
    ["fetchUser as a number", { fetchUser: 0 }, /^options\.fetchUser must be true or false/],
  ];
  it.each(cases)("%s", (_, change, message) => {
    expect(() => createSignInHandlers({ ...valid, ...change } as SignInHandlersOptions)).toThrow(
      expect.objectContaining({ name: "TypeError", message: expect.stringMatching(message) }),
    );
  });

  it("no options at all", () => {
    expect(() => createSignInHandlers(undefined as unknown as SignInHandlersOptions)).toThrow(TypeError);
  });

  it("and accepts the valid ones", () => {
    expect(Object.keys(createSignInHandlers(valid)).sort()).toEqual(["callback", "handle", "login"]);
  });
});

describe("login() checks its own arguments before asking X", () => {
  it("a request that is not one, a screenName that is not a string, a forceLogin that is not a boolean", async () => {
    const app = setup();
    await expect(app.signIn.login("https://app.example/login" as unknown as Request)).rejects.toThrow(
      /^request must be a Request/,
    );
    await expect(app.signIn.login(new Request(LOGIN), { screenName: 5 as unknown as string })).rejects.toThrow(
      /^options\.screenName must be a string/,
    );
    await expect(app.signIn.login(new Request(LOGIN), { forceLogin: "yes" as unknown as boolean })).rejects.toThrow(
      /^options\.forceLogin must be true or false/,
    );
    await expect(app.signIn.handle({} as Request)).rejects.toThrow(TypeError);
    expect(app.xCalls).toEqual([]);
  });
});
