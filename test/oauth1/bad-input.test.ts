/**
 * Bad input to the signing core: each is a TypeError whose message names the argument (docs/errors.md),
 * never a bare URIError and never a silently wrong signature, and no message carries
 * a secret.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createSignature,
  normalizeParameters,
  parseAuthorizationHeader,
  percentEncode,
  signatureBaseString,
  signRequest,
  type Credentials,
  type SignableRequest,
  type SignOptions,
} from "../../src/oauth1/index.js";

// Recognisable secrets: if any message, property or serialisation carries one, the test sees it.
const CONSUMER_SECRET = "CONSUMER-SECRET-sentinel-7f3a☃";
const TOKEN_SECRET = "TOKEN-SECRET-sentinel-91bc&/";
const goodCredentials: Credentials = {
  consumerKey: "key",
  consumerSecret: CONSUMER_SECRET,
  token: "token",
  tokenSecret: TOKEN_SECRET,
};
const goodRequest: SignableRequest = {
  method: "POST",
  url: "https://api.x.com/1.1/statuses/update.json",
  body: "status=hi",
};
const pinned: SignOptions = { nonce: "n", timestamp: 1 };

interface Case {
  what: string;
  request?: unknown;
  credentials?: unknown;
  options?: unknown;
  message: RegExp;
}

const cases: Case[] = [
  {
    what: "empty consumer key",
    credentials: { ...goodCredentials, consumerKey: "" },
    message: /^credentials\.consumerKey must be a non-empty string$/,
  },
  {
    what: "non-string consumer key",
    credentials: { ...goodCredentials, consumerKey: 42 },
    message: /^credentials\.consumerKey must be a string, got number/,
  },
  {
    what: "missing consumer key",
    credentials: { consumerSecret: CONSUMER_SECRET },
    message: /^credentials\.consumerKey must be a string, got undefined/,
  },
  {
    what: "non-string consumer secret",
    credentials: { ...goodCredentials, consumerSecret: null },
    message: /^credentials\.consumerSecret must be a string, got null/,
  },
  {
    what: "non-string token",
    credentials: { ...goodCredentials, token: 7 },
    message: /^credentials\.token must be a string/,
  },
  {
    what: "non-string token secret",
    credentials: { ...goodCredentials, tokenSecret: ["x"] },
    message: /^credentials\.tokenSecret must be a string, got array/,
  },
  {
    what: "credentials not an object",
    credentials: "key:secret",
    message: /^credentials must be an object$/,
  },
  { what: "request not an object", request: "https://api.x.com/", message: /^request must be an object$/ },
  {
    what: "unparseable URL",
    request: { ...goodRequest, url: "api.x.com/1.1/x.json" },
    message: /^request\.url must be an absolute http\(s\) URL$/,
  },
  {
    what: "URL of another type",
    request: { ...goodRequest, url: 12 },
    message: /^request\.url must be an absolute http\(s\) URL, got number$/,
  },
  {
    what: "non-http(s) URL",
    request: { ...goodRequest, url: "ftp://api.x.com/x" },
    message: /^request\.url must be an absolute http\(s\) URL$/,
  },
  {
    what: "non-http(s) URL object",
    request: { ...goodRequest, url: new URL("ws://api.x.com/") },
    message: /^request\.url must be an absolute http\(s\) URL$/,
  },
  {
    what: "method not a string",
    request: { ...goodRequest, method: undefined },
    message: /^request\.method must be an HTTP method, got undefined$/,
  },
  {
    what: "method not an HTTP token",
    request: { ...goodRequest, method: "GET /x" },
    message: /^request\.method must be an HTTP method$/,
  },
  {
    what: "unknown signature method",
    options: { ...pinned, signatureMethod: "RSA-SHA1" },
    message: /^options\.signatureMethod must be one of HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, PLAINTEXT$/,
  },
  {
    what: "signature method in lower case",
    options: { ...pinned, signatureMethod: "hmac-sha1" },
    message: /^options\.signatureMethod must be/,
  },
  {
    what: "non-string value in a record body",
    request: { ...goodRequest, body: { status: 5 } },
    message: /^request\.body "status" must be a string or an array of strings, got number$/,
  },
  {
    what: "non-string item in a record body array",
    request: { ...goodRequest, body: { a: ["x", null] } },
    message: /^request\.body "a" must be a string or an array of strings, got null$/,
  },
  {
    what: "body of another type",
    request: { ...goodRequest, body: 42 },
    message: /^request\.body must be a string, URLSearchParams or a record, got number$/,
  },
  {
    what: "malformed percent-escape in the query",
    request: { ...goodRequest, url: "https://api.x.com/x?q=%zz" },
    message: /^request\.url must be valid %XX escapes$/,
  },
  {
    what: "percent-escape that is not UTF-8 in the query",
    request: { ...goodRequest, url: "https://api.x.com/x?q=%C3" },
    message: /^request\.url must be valid %XX escapes$/,
  },
  {
    what: "malformed percent-escape in the body",
    request: { ...goodRequest, body: "status=100%" },
    message: /^request\.body must be valid %XX escapes$/,
  },
  {
    what: "body on GET",
    request: { method: "GET", url: "https://api.x.com/x", body: "a=1" },
    message: /^request\.body must be empty for GET$/,
  },
  {
    what: "body on HEAD",
    request: { method: "head", url: "https://api.x.com/x", body: { a: "1" } },
    message: /^request\.body must be empty for HEAD$/,
  },
  {
    what: "protocol parameter duplicated in the query",
    request: { ...goodRequest, url: "https://api.x.com/x?oauth_nonce=1" },
    message: /^request parameter "oauth_nonce" must be left to the signer$/,
  },
  {
    what: "protocol parameter duplicated in the body",
    request: { ...goodRequest, body: "oauth_version=1.0" },
    message: /^request parameter "oauth_version" must be left to the signer$/,
  },
  {
    what: "oauth_signature in the query",
    request: { ...goodRequest, url: "https://api.x.com/x?oauth_signature=abc" },
    message: /^request parameter "oauth_signature" must be left to the signer$/,
  },
  {
    what: "oauth_callback in the body and as an option",
    request: { ...goodRequest, body: "oauth_callback=oob" },
    options: { ...pinned, callback: "oob" },
    message: /^request parameter "oauth_callback"/,
  },
  { what: "empty nonce", options: { nonce: "", timestamp: 1 }, message: /^options\.nonce must be a non-empty string$/ },
  {
    what: "negative timestamp",
    options: { nonce: "n", timestamp: -1 },
    message: /^options\.timestamp must be whole seconds$/,
  },
  {
    what: "fractional timestamp",
    options: { nonce: "n", timestamp: 1.5 },
    message: /^options\.timestamp must be whole seconds$/,
  },
  {
    what: "timestamp in milliseconds as text with a dot",
    options: { nonce: "n", timestamp: "1700000000.5" },
    message: /^options\.timestamp must be whole seconds$/,
  },
  {
    what: "empty callback",
    options: { ...pinned, callback: "" },
    message: /^options\.callback must be a non-empty string$/,
  },
  {
    what: "non-string verifier",
    options: { ...pinned, verifier: 123 },
    message: /^options\.verifier must be a string/,
  },
  {
    what: "non-string realm",
    options: { ...pinned, realm: {} },
    message: /^options\.realm must be printable ASCII, got object$/,
  },
  {
    what: "lone surrogate in the consumer secret",
    credentials: { ...goodCredentials, consumerSecret: CONSUMER_SECRET + "\ud800" },
    message: /^credentials\.consumerSecret must be well-formed UTF-16$/,
  },
  {
    what: "lone surrogate in the token secret",
    credentials: { ...goodCredentials, tokenSecret: "\udc00" + TOKEN_SECRET },
    message: /^credentials\.tokenSecret must be well-formed UTF-16$/,
  },
  {
    what: "lone surrogate in a body value",
    request: { ...goodRequest, body: { status: "a\ud83d" } },
    message: /^value of "status" must be well-formed UTF-16$/,
  },
  {
    what: "lone surrogate in the realm",
    options: { ...pinned, realm: "\udfff" },
    message: /^options\.realm must be printable ASCII$/,
  },
];

function sign(c: Case): Promise<unknown> {
  return signRequest(
    (c.request ?? goodRequest) as SignableRequest,
    (c.credentials ?? goodCredentials) as Credentials,
    (c.options ?? pinned) as SignOptions,
  );
}

// The messages are short; docs/errors.md says what to do about each. Both halves of every message
// ("<argument> must be <expected>") are in its table, a quoted name standing for "<name>".
const signerErrors = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8").split(
  "## The signer's TypeErrors",
)[1]!;
function expectDocumented(message: string): void {
  const [argument, expected] = message.replace(/, got [a-z ]+$/, "").split(" must be ");
  expect(signerErrors).toContain(argument!.replace(/ "[^"]*"$/, ""));
  expect(signerErrors).toContain(expected!.replace(/^empty for HEAD/, "empty for GET"));
}

describe("signRequest: bad arguments are TypeErrors naming the argument", () => {
  for (const c of cases) {
    it(c.what, async () => {
      const error = await sign(c).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(URIError);
      expect((error as TypeError).message).toMatch(c.message);
      expectDocumented((error as TypeError).message);
      // No secret in the message or any serialisation of the error (docs/security.md).
      for (const text of [
        (error as Error).message,
        String(error),
        JSON.stringify(error),
        (error as Error).stack ?? "",
      ]) {
        expect(text).not.toContain(CONSUMER_SECRET);
        expect(text).not.toContain(TOKEN_SECRET);
        expect(text).not.toContain(percentEncode(CONSUMER_SECRET));
        expect(text).not.toContain(percentEncode(TOKEN_SECRET));
      }
    });
  }

  it("an EMPTY consumer secret and token secret are legal and sign (RFC 5849 3.4.2, oauthlib no-secrets vector)", async () => {
    // oauthlib test_client.py test_hmac_sha1_method: consumer key "client_key", no secrets,
    // nonce "abc", timestamp "1234567890", GET http://example.com -> hH5BWYVqo7QI4EmPBUUe9owRUUQ=.
    const signed = await signRequest(
      { method: "GET", url: "http://example.com" },
      { consumerKey: "client_key", consumerSecret: "", tokenSecret: "" },
      { nonce: "abc", timestamp: "1234567890" },
    );
    expect(signed.signature).toBe("hH5BWYVqo7QI4EmPBUUe9owRUUQ=");
    const plaintext = await signRequest(
      { method: "GET", url: "http://example.com" },
      { consumerKey: "client_key", consumerSecret: "" },
      { signatureMethod: "PLAINTEXT", nonce: "abc", timestamp: 1 },
    );
    expect(plaintext.signature).toBe("&");
  });

  it("an empty string body on GET is no body at all", async () => {
    const signed = await signRequest(
      { method: "GET", url: "http://example.com", body: "" },
      { consumerKey: "client_key", consumerSecret: "" },
      {
        nonce: "abc",
        timestamp: "1234567890",
      },
    );
    expect(signed.signature).toBe("hH5BWYVqo7QI4EmPBUUe9owRUUQ=");
  });
});

describe("the other core functions: bad arguments are TypeErrors naming the argument", () => {
  const throwsTypeError = (run: () => unknown, message: RegExp): void => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
  };

  it("percentEncode", () => {
    throwsTypeError(() => percentEncode(5 as never), /^percentEncode: value must be a string, got number/);
    throwsTypeError(() => percentEncode("\ud800"), /^percentEncode: value must be well-formed UTF-16$/);
  });

  it("normalizeParameters", () => {
    throwsTypeError(() => normalizeParameters([["a"]] as never), /^params must hold \[name, value\] pairs/);
    throwsTypeError(() => normalizeParameters(["ab"] as never), /^params must hold \[name, value\] pairs/);
    throwsTypeError(() => normalizeParameters([["a", 1]] as never), /^value of "a" must be a string, got number$/);
    throwsTypeError(() => normalizeParameters([[null, "1"]] as never), /^a parameter name must be a string, got null/);
  });

  it("signatureBaseString", () => {
    throwsTypeError(() => signatureBaseString("GET", "/relative", []), /^url must be an absolute http\(s\) URL$/);
    throwsTypeError(() => signatureBaseString("GET", "mailto:a@b.c", []), /^url must be an absolute http\(s\) URL$/);
    throwsTypeError(
      () => signatureBaseString(1 as never, "https://x.com/", []),
      /^request\.method must be an HTTP method, got number$/,
    );
  });

  it("createSignature", async () => {
    await expect(createSignature("RSA-SHA1" as never, "bs", "cs")).rejects.toThrow(
      /^signatureMethod must be one of HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, PLAINTEXT$/,
    );
    await expect(createSignature("HMAC-SHA1", 42 as never, "cs")).rejects.toThrow(/^baseString must be a string/);
    await expect(createSignature("HMAC-SHA1", "bs", undefined as never)).rejects.toThrow(
      /^credentials\.consumerSecret must be a string, got undefined/,
    );
    await expect(createSignature("HMAC-SHA1", "bs", "cs", 0 as never)).rejects.toThrow(
      /^credentials\.tokenSecret must be a string/,
    );
    const error = await createSignature("HMAC-SHA1", "bs", CONSUMER_SECRET + "\ud800", TOKEN_SECRET).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).not.toContain(CONSUMER_SECRET);
  });

  it("parseAuthorizationHeader: the message says what is wrong and where", () => {
    throwsTypeError(
      () => parseAuthorizationHeader(undefined as never),
      /^parseAuthorizationHeader: value must be a string/,
    );
    throwsTypeError(
      () => parseAuthorizationHeader('Basic realm="x"'),
      /^parseAuthorizationHeader: expected the "OAuth" scheme at position 0$/,
    );
    throwsTypeError(() => parseAuthorizationHeader('OAuthrealm="x"'), /expected the "OAuth" scheme at position 0$/);
    throwsTypeError(() => parseAuthorizationHeader("  OAuth ,"), /expected a parameter name at position 8$/);
    throwsTypeError(
      () => parseAuthorizationHeader('OAuth a="1" b="2"'),
      /expected "," between parameters at position 12$/,
    );
    throwsTypeError(() => parseAuthorizationHeader('OAuth a "1"'), /expected "=" after "a" at position 8$/);
    throwsTypeError(() => parseAuthorizationHeader('OAuth a="1'), /unterminated quoted value at position 8$/);
    throwsTypeError(() => parseAuthorizationHeader('OAuth a="1",'), /trailing comma at position 12$/);
    throwsTypeError(() => parseAuthorizationHeader('OAuth a="%E0%A4"'), /malformed percent-escape at position 8$/);
    throwsTypeError(() => parseAuthorizationHeader('OAuth a%ZZ="1"'), /malformed percent-escape at position 6$/);
    throwsTypeError(
      () => parseAuthorizationHeader('OAuth a="1", a="2"'),
      /parameter "a" appears twice at position 13$/,
    );
  });

  it("parseAuthorizationHeader: tolerant of what RFC 5849 3.5.1 and RFC 9110 allow", () => {
    // RFC 5849 3.5.1's example, folded over lines as printed there.
    const rfc =
      'OAuth realm="Example",\n oauth_consumer_key="0685bd9184jfhq22",\n oauth_token="ad180jjd733klru7",\n' +
      ' oauth_signature_method="HMAC-SHA1",\n oauth_signature="wOJIO9A2W5mFwDgiDvZbTSMK%2FPY%3D",\n' +
      ' oauth_timestamp="137131200",\n oauth_nonce="4572616e48616d6d65724c61686176",\n oauth_version="1.0"';
    expect(parseAuthorizationHeader(rfc)).toEqual({
      realm: "Example",
      params: {
        oauth_consumer_key: "0685bd9184jfhq22",
        oauth_token: "ad180jjd733klru7",
        oauth_signature_method: "HMAC-SHA1",
        oauth_signature: "wOJIO9A2W5mFwDgiDvZbTSMK/PY=",
        oauth_timestamp: "137131200",
        oauth_nonce: "4572616e48616d6d65724c61686176",
        oauth_version: "1.0",
      },
    });
    // RFC 9110 11.4: whitespace around "=" (BWS) and before a comma.
    expect(parseAuthorizationHeader('oauth oauth_nonce = "a%20b" ,oauth_token="t"').params).toEqual({
      oauth_nonce: "a b",
      oauth_token: "t",
    });
    expect(parseAuthorizationHeader("OAuth")).toEqual({ params: {} });
    expect(parseAuthorizationHeader("oAuTh   a=1 ,b=x%20y")).toEqual({ params: { a: "1", b: "x y" } });
    expect(parseAuthorizationHeader('OAuth a="q\\"d"')).toEqual({ params: { a: 'q"d' } });
    const proto = parseAuthorizationHeader('OAuth __proto__="x"');
    expect(Object.getPrototypeOf(proto.params)).toBe(Object.prototype);
    expect(Object.keys(proto.params)).toEqual(["__proto__"]);
  });
});
