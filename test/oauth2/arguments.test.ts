// Bad arguments are TypeErrors that name the argument, thrown before anything is sent.
import { describe, expect, it } from "vitest";
import { TwitterOAuth2, type TwitterOAuth2Options } from "../../src/oauth2/index.js";
import { recorded } from "./recorder.js";

const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

function typeError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof TypeError) return error.message;
    throw error;
  }
  throw new Error("expected a TypeError");
}

async function rejectsTypeError(action: () => Promise<unknown>): Promise<string> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TypeError)) throw new Error(`expected a TypeError, got ${String(error)}`);
  return error.message;
}

describe("new TwitterOAuth2(options)", () => {
  const make = (options: unknown) => () => new TwitterOAuth2(options as TwitterOAuth2Options);
  it.each<[string, unknown, RegExp]>([
    ["no options", undefined, /^options must be an object with clientId, got undefined$/],
    ["no clientId", {}, /^options\.clientId must be a non-empty string: the OAuth 2\.0 Client ID/],
    ["an empty clientId", { clientId: "" }, /^options\.clientId /],
    ["an empty clientSecret", { clientId: "c", clientSecret: "" }, /^options\.clientSecret must be a non-empty string/],
    ["a clientSecret that is a number", { clientId: "c", clientSecret: 5 }, /^options\.clientSecret /],
    [
      "an empty callbackUrl",
      { clientId: "c", callbackUrl: "" },
      /^options\.callbackUrl must be an absolute URL, got an empty string$/,
    ],
    [
      "a callbackUrl that is not a URL",
      { clientId: "c", callbackUrl: "/cb" },
      /^options\.callbackUrl must be an absolute URL/,
    ],
    [
      "a callbackUrl with a fragment",
      { clientId: "c", callbackUrl: "https://a.example/cb#x" },
      /^options\.callbackUrl must not have a fragment/,
    ],
    ["an empty scopes", { clientId: "c", scopes: [] }, /^options\.scopes must be a non-empty array/],
    [
      "a scope with a space",
      { clientId: "c", scopes: ["tweet.read users.read"] },
      /^options\.scopes\[0\] must be a scope name/,
    ],
    ["a plain-http baseUrl", { clientId: "c", baseUrl: "http://api.x.com" }, /^options\.baseUrl must use https:/],
    [
      "a baseUrl with a query",
      { clientId: "c", baseUrl: "https://api.x.com/?a" },
      /^options\.baseUrl must not have a query/,
    ],
    [
      "a plain-http authorizeUrl",
      { clientId: "c", authorizeUrl: "http://x.com/i/oauth2/authorize" },
      /^options\.authorizeUrl must use https:/,
    ],
    [
      "an authorizeUrl that is not a URL",
      { clientId: "c", authorizeUrl: "x.com" },
      /^options\.authorizeUrl must be an absolute URL/,
    ],
    [
      "an authorizeUrl with a query",
      { clientId: "c", authorizeUrl: "https://x.com/a?b" },
      /^options\.authorizeUrl must not have a query/,
    ],
    ["a zero timeout", { clientId: "c", timeout: 0 }, /^options\.timeout must be a positive number/],
    [
      "a fetch that is not a function",
      { clientId: "c", fetch: "fetch" },
      /^options\.fetch must be a function, got string$/,
    ],
    ["a now that is not a function", { clientId: "c", now: 5 }, /^options\.now must be a function, got number$/],
  ])("%s", (_, options, message) => {
    expect(typeError(make(options))).toMatch(message);
  });

  it("the secret is not in the TypeError of another option", () => {
    expect(typeError(make({ clientId: "c", clientSecret: "TOP-SECRET", timeout: -1 }))).not.toContain("TOP-SECRET");
  });
});

describe("the calls", () => {
  const { client, sent } = recorded({ callbackUrl: "https://app.example/cb" });
  const bare = recorded().client;

  it.each<[string, () => Promise<unknown>, RegExp]>([
    [
      "exchangeOAuth1Token without a pair",
      () => client.exchangeOAuth1Token(undefined as never),
      /^accessToken must be an object/,
    ],
    [
      "exchangeOAuth1Token with an empty token",
      () => client.exchangeOAuth1Token({ token: "", tokenSecret: "s" }),
      /^accessToken must be an object/,
    ],
    [
      "exchangeOAuth1Token with an empty secret",
      () => client.exchangeOAuth1Token({ token: "t", tokenSecret: "" }),
      /^accessToken\.tokenSecret must be a non-empty string$/,
    ],
    [
      "exchangeOAuth1Token with bad scopes",
      () => client.exchangeOAuth1Token({ token: "t", tokenSecret: "s" }, { scopes: "tweet.read" as never }),
      /^options\.scopes must be a non-empty array/,
    ],
    [
      "refresh without a token",
      () => client.refresh("" as string),
      /^refreshToken must be a non-empty string .*, got an empty string$/,
    ],
    [
      "refresh with OAuth2Tokens",
      () => client.refresh({ accessToken: "a" } as never),
      /^refreshToken must be a non-empty string .*, got object$/,
    ],
    ["revoke without a token", () => client.revoke(undefined as never), /^token must be a non-empty string/],
    ["exchangeCode without a code", () => client.exchangeCode("", VERIFIER), /^code must be a non-empty string/],
    [
      "exchangeCode with a short verifier",
      () => client.exchangeCode("c", "short"),
      /^codeVerifier must be the codeVerifier that createAuthorization returned/,
    ],
    [
      "exchangeCode without callbackUrl",
      () => bare.exchangeCode("c", VERIFIER),
      /^callbackUrl is required for sign-in/,
    ],
    [
      "createAuthorization without callbackUrl",
      () => bare.createAuthorization(),
      /^callbackUrl is required for sign-in/,
    ],
    [
      "createAuthorization with a short state",
      () => client.createAuthorization({ state: "guessable" }),
      /^options\.state must be at least 22 characters/,
    ],
    [
      "createAuthorization with a state with a space",
      () => client.createAuthorization({ state: "a b".repeat(10) }),
      /^options\.state must be/,
    ],
    [
      "createAuthorization with bad scopes",
      () => client.createAuthorization({ scopes: [""] }),
      /^options\.scopes\[0\] must be a scope name/,
    ],
    [
      "me without a token",
      () => client.me("" as string),
      /^accessToken must be OAuth2Tokens or a non-empty access token string/,
    ],
    ["me with tokens lacking accessToken", () => client.me({} as never), /^accessToken must be OAuth2Tokens/],
    [
      "fetch without init",
      () => client.fetch("/2/users/me", undefined as never),
      /^init must be an object with the user's token/,
    ],
    [
      "fetch without a token",
      () => client.fetch("/2/users/me", {} as never),
      /^init\.token must be OAuth2Tokens or a non-empty access token string/,
    ],
    [
      "fetch with a number",
      () => client.fetch(5 as never, { token: "a" }),
      /^input must be a path or a URL, got number$/,
    ],
    [
      "fetch to another origin",
      () => client.fetch("https://evil.example/2/users/me", { token: "a" }),
      /^input's origin https:\/\/evil\.example is not the baseUrl origin/,
    ],
    [
      "fetch over plain http",
      () => client.fetch("http://api.x.com/2/users/me", { token: "a" }),
      /^input must be an https: URL/,
    ],
  ])("%s", async (_, action, message) => {
    expect(await rejectsTypeError(action)).toMatch(message);
    expect(sent).toHaveLength(0);
  });

  it("parseCallback without an expected state", () => {
    expect(typeError(() => client.parseCallback("?state=a&code=b", "" as string))).toMatch(
      /^expectedState must be the non-empty state/,
    );
    expect(typeError(() => client.parseCallback(5 as never, "a"))).toMatch(
      /^input must be a URL string, URL, URLSearchParams or Request, got number$/,
    );
  });
});
