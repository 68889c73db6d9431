import { describe, expect, it } from "vitest";
import { TwitterOAuth, type TwitterOAuthErrorCode } from "../../src/index.js";
import { parseCallback } from "../../src/twitter/callback.js";

const TOKEN = "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0";
const VERIFIER = "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY";
const QUERY = `oauth_token=${TOKEN}&oauth_verifier=${VERIFIER}`;
const EXPECTED = { token: TOKEN, verifier: VERIFIER };

function codeOf(fn: () => unknown): TwitterOAuthErrorCode | string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).name;
  }
  return "no error";
}

describe("X docs, Log in with X: the callback carries oauth_token and oauth_verifier", () => {
  it("reads an absolute URL, a path, a bare query (with or without ?), URL, URLSearchParams and Request", () => {
    const inputs = [
      `http://localhost/sign-in-with-twitter/?${QUERY}`,
      `/sign-in-with-twitter/?${QUERY}#fragment`,
      QUERY,
      `?${QUERY}`,
      new URL(`https://example.com/cb?${QUERY}`),
      new URLSearchParams(QUERY),
      new Request(`https://example.com/cb?${QUERY}`),
      `myapp://callback/path?${QUERY}`,
    ];
    for (const input of inputs) expect(parseCallback(input, TOKEN)).toEqual(EXPECTED);
  });

  it("RFC 5849 2.2: a callback with its own query keeps working", () => {
    expect(parseCallback(`https://example.com/cb?state=1&${QUERY}`, TOKEN)).toEqual(EXPECTED);
  });

  it("X docs: the token must match the request token of step 1 (string or RequestToken)", () => {
    expect(parseCallback(QUERY, { token: TOKEN, tokenSecret: "s", callbackConfirmed: true })).toEqual(EXPECTED);
    expect(codeOf(() => parseCallback(QUERY, "another-token"))).toBe("TOKEN_MISMATCH");
    expect(codeOf(() => parseCallback(QUERY, TOKEN + "x"))).toBe("TOKEN_MISMATCH");
    expect(codeOf(() => parseCallback(QUERY, TOKEN.slice(1)))).toBe("TOKEN_MISMATCH");
  });

  it("passport-twitter: Cancel sends ?denied=<token>: AUTHORIZATION_DENIED", () => {
    expect(codeOf(() => parseCallback(`https://example.com/cb?denied=${TOKEN}`, TOKEN))).toBe("AUTHORIZATION_DENIED");
    expect(codeOf(() => parseCallback(`denied=${TOKEN}`, TOKEN))).toBe("AUTHORIZATION_DENIED");
  });

  it("INVALID_CALLBACK when the token or the verifier is missing or empty", () => {
    expect(codeOf(() => parseCallback(`oauth_token=${TOKEN}`, TOKEN))).toBe("INVALID_CALLBACK");
    expect(codeOf(() => parseCallback(`oauth_verifier=${VERIFIER}`, TOKEN))).toBe("INVALID_CALLBACK");
    expect(codeOf(() => parseCallback("https://example.com/cb", TOKEN))).toBe("INVALID_CALLBACK");
    expect(codeOf(() => parseCallback(`oauth_token=&oauth_verifier=${VERIFIER}`, TOKEN))).toBe("INVALID_CALLBACK");
  });

  it("the message names what is missing", () => {
    expect(() => parseCallback(`oauth_token=${TOKEN}`, TOKEN)).toThrow(/lacks oauth_verifier/);
  });

  it("bad arguments are TypeErrors", () => {
    expect(() => parseCallback(42 as never, TOKEN)).toThrow(TypeError);
    expect(() => parseCallback(QUERY, "")).toThrow(TypeError);
  });

  it("without the request token the check is skipped only when asked: { skipTokenCheck: true }", () => {
    expect(parseCallback(QUERY, { skipTokenCheck: true })).toEqual(EXPECTED);
    expect(codeOf(() => parseCallback(`denied=${TOKEN}`, { skipTokenCheck: true }))).toBe("AUTHORIZATION_DENIED");
  });

  it.each([
    ["nothing", []],
    ["undefined", [undefined]],
    ["skipTokenCheck: false", [{ skipTokenCheck: false }]],
    ["an object without a token", [{}]],
  ])("a call with %s as the request token is a TypeError that says what to pass", (_, rest) => {
    const call = (fn: (...args: unknown[]) => unknown) => () => fn(QUERY, ...rest);
    for (const fn of [parseCallback, new TwitterOAuth({ consumerKey: "k", consumerSecret: "s" }).parseCallback]) {
      expect(call(fn as (...args: unknown[]) => unknown)).toThrow(
        new TypeError(
          "parseCallback needs this sign-in's request token (or its token string), or { skipTokenCheck: true }",
        ),
      );
    }
  });

  it("the client method is the same function", () => {
    const client = new TwitterOAuth({ consumerKey: "k", consumerSecret: "s" });
    expect(client.parseCallback(QUERY, TOKEN)).toEqual(EXPECTED);
  });
});
