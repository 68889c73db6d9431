import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TwitterOAuth, signRequest } from "../../src/index.js";

const base = { consumerKey: "key", consumerSecret: "secret" };

describe("TwitterOAuth options", () => {
  it("the nonce option's documentation states the default nonce's real length, 30 hex digits", async () => {
    const source = readFileSync(new URL("../../src/twitter/types.ts", import.meta.url), "utf8");
    const documented = /The nonce source, default (\d+) random hex digits/.exec(source)?.[1];
    expect(documented).toBe("30");
    const { oauthParams } = await signRequest(
      { method: "GET", url: "https://api.x.com/" },
      { consumerKey: "key", consumerSecret: "secret" },
    );
    expect(oauthParams.oauth_nonce).toMatch(/^[0-9a-f]{30}$/);
  });

  it("defaults to X's documented host https://api.x.com", () => {
    expect(new TwitterOAuth(base).baseUrl).toBe("https://api.x.com");
    expect(new TwitterOAuth({ ...base, baseUrl: "https://api.twitter.com/" }).baseUrl).toBe("https://api.twitter.com");
  });

  it("X API reference: HTTPS for every OAuth step, except loopback hosts for tests", () => {
    for (const ok of [
      "http://localhost:3001",
      "http://127.0.0.1:8080",
      "http://127.1.2.3",
      "http://[::1]:3001",
      "http://app.localhost:3000",
      "https://proxy.example/x",
    ]) {
      expect(() => new TwitterOAuth({ ...base, baseUrl: ok })).not.toThrow();
    }
    for (const bad of [
      "http://api.x.com",
      "http://localhost.evil.com",
      "http://10.0.0.1",
      "ftp://api.x.com",
      "api.x.com",
      "https://api.x.com/?a=1",
    ]) {
      expect(() => new TwitterOAuth({ ...base, baseUrl: bad }), bad).toThrow(TypeError);
    }
  });

  it("an empty or missing consumer key or secret is a TypeError naming it", () => {
    expect(() => new TwitterOAuth({ ...base, consumerKey: "" })).toThrow(/options\.consumerKey/);
    expect(() => new TwitterOAuth({ ...base, consumerSecret: "" })).toThrow(/options\.consumerSecret/);
    expect(() => new TwitterOAuth({ consumerKey: "k" } as never)).toThrow(/options\.consumerSecret/);
    expect(() => new TwitterOAuth(undefined as never)).toThrow(TypeError);
  });

  it("timeout, fetch, now and nonce are checked", () => {
    expect(() => new TwitterOAuth({ ...base, timeout: 0 })).toThrow(/options\.timeout/);
    expect(() => new TwitterOAuth({ ...base, timeout: Number.NaN })).toThrow(/options\.timeout/);
    expect(() => new TwitterOAuth({ ...base, timeout: false })).not.toThrow();
    expect(() => new TwitterOAuth({ ...base, fetch: "no" as never })).toThrow(/options\.fetch/);
    expect(() => new TwitterOAuth({ ...base, now: 1 as never })).toThrow(/options\.now/);
  });

  it("the callback is oob or an absolute URL; custom schemes are legal", () => {
    expect(() => new TwitterOAuth({ ...base, callbackUrl: "oob" })).not.toThrow();
    expect(() => new TwitterOAuth({ ...base, callbackUrl: "myapp://callback" })).not.toThrow();
    expect(() => new TwitterOAuth({ ...base, callbackUrl: "/callback" })).toThrow(/options\.callbackUrl/);
    expect(() => new TwitterOAuth({ ...base, callbackUrl: "" })).toThrow(TypeError);
  });

  it("callbackUrl reads back the default callback, or undefined", () => {
    expect(new TwitterOAuth({ ...base, callbackUrl: "https://app.example/cb" }).callbackUrl).toBe(
      "https://app.example/cb",
    );
    expect(new TwitterOAuth({ ...base, callbackUrl: "oob" }).callbackUrl).toBe("oob");
    expect(new TwitterOAuth(base).callbackUrl).toBeUndefined();
  });

  it("no callback anywhere is a TypeError from getRequestToken; accessType is read or write", async () => {
    const client = new TwitterOAuth(base);
    await expect(client.getRequestToken()).rejects.toThrow(/callbackUrl is required/);
    await expect(client.getRequestToken({ callbackUrl: "oob", accessType: "dm" as never })).rejects.toThrow(
      /accessType/,
    );
  });

  it("exchangeVerifier, verifyCredentials and invalidateToken check their token arguments", async () => {
    const client = new TwitterOAuth(base);
    await expect(client.exchangeVerifier({ token: "t", tokenSecret: "s" }, "  ")).rejects.toThrow(/verifier/);
    await expect(client.exchangeVerifier({ token: "", tokenSecret: "s" }, "v")).rejects.toThrow(/requestToken/);
    await expect(client.verifyCredentials(null as never)).rejects.toThrow(/accessToken/);
    await expect(client.invalidateToken({ token: "t" } as never)).rejects.toThrow(/accessToken/);
  });
});

describe("allowedOrigins: other X origins client.fetch may sign for", () => {
  it("takes https origins, or loopback http ones", () => {
    for (const ok of [["https://upload.twitter.com"], ["https://ads-api.x.com/"], ["http://127.0.0.1:9000"], []]) {
      expect(() => new TwitterOAuth({ ...base, allowedOrigins: ok }), String(ok)).not.toThrow();
    }
  });

  it.each([
    ["not an array", "https://upload.twitter.com"],
    ["not a string", [42]],
    ["not a URL", ["upload.twitter.com"]],
    ["plain http", ["http://upload.twitter.com"]],
    ["a path", ["https://upload.twitter.com/1.1"]],
    ["a query", ["https://upload.twitter.com/?a=1"]],
    ["a fragment", ["https://upload.twitter.com/#a"]],
    ["credentials", ["https://user:pass@upload.twitter.com"]],
  ])("refuses %s with a TypeError naming options.allowedOrigins", (_name, value) => {
    expect(() => new TwitterOAuth({ ...base, allowedOrigins: value as never })).toThrow(/options\.allowedOrigins/);
  });
});
