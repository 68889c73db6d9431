/**
 * verifySignature as a server uses it (RFC 5849 3.2): a request signed with the X docs
 * "Creating a signature" inputs verifies; any one-character change in a signed part does not;
 * duplicates, missing or unsupported protocol parameters and unknown credentials each give
 * their own reason.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  buildAuthorizationHeader,
  parseAuthorizationHeader,
  signRequest,
  verifySignature,
  type ReceivedRequest,
  type VerificationResult,
} from "../../src/oauth1/index.js";
import {
  referenceAuthorizationHeader,
  referenceBaseString,
  referenceParseForm,
  referenceSignature,
} from "../conformance/oracle.js";

// X docs "Creating a signature" credentials; recognisable so leaks are easy to spot.
const consumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
const tokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
const secrets = { consumerSecret, tokenSecret };
const credentials = {
  consumerKey: "xvz1evFS4wEEPTGEFPHBog",
  consumerSecret,
  token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
  tokenSecret,
};
const options = { nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", timestamp: 1318622958 };
const url = "https://api.x.com/1.1/statuses/update.json?include_entities=true";
const body = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21";

async function signed(): Promise<ReceivedRequest & { authorization: string }> {
  const { authorization } = await signRequest({ method: "POST", url, body }, credentials, options);
  return { method: "POST", url, body, authorization };
}

function withHeaderParam(authorization: string, name: string, value: string | undefined): string {
  const { realm, params } = parseAuthorizationHeader(authorization);
  if (value === undefined) delete params[name];
  else params[name] = value;
  return buildAuthorizationHeader(params, realm);
}

/** Changes one character of `text`: the last one, to a different character of the same kind. */
function oneCharChanged(text: string): string {
  const last = text[text.length - 1]!;
  const replacement = /[0-9]/.test(last)
    ? String((Number(last) + 1) % 10)
    : last === "A"
      ? "B"
      : last === "="
        ? "A"
        : "A";
  return text.slice(0, -1) + replacement;
}

function expectSecretFree(result: VerificationResult): void {
  const text = JSON.stringify(result);
  expect(text).not.toContain(consumerSecret);
  expect(text).not.toContain(tokenSecret);
}

describe("RFC 5849 3.2 verifySignature: a signed request", () => {
  it("verifies, and reports the protocol and request parameters that arrived", async () => {
    const result = await verifySignature(await signed(), secrets);
    expect(result).toEqual({
      valid: true,
      oauthParams: {
        oauth_consumer_key: "xvz1evFS4wEEPTGEFPHBog",
        oauth_nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
        oauth_signature_method: "HMAC-SHA1",
        oauth_timestamp: "1318622958",
        oauth_token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        oauth_version: "1.0",
      },
      params: [
        ["include_entities", "true"],
        ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
      ],
    });
  });

  it("the X docs signature hCtSmYh+iHYCEqBWrE7C7hYmtUk= for api.twitter.com verifies there and not on api.x.com", async () => {
    const authorization = withHeaderParam(
      (await signed()).authorization,
      "oauth_signature",
      "hCtSmYh+iHYCEqBWrE7C7hYmtUk=",
    );
    const twitter = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true";
    expect((await verifySignature({ method: "POST", url: twitter, body, authorization }, secrets)).valid).toBe(true);
    expect((await verifySignature({ method: "POST", url, body, authorization }, secrets)).reason).toBe("bad_signature");
  });
});

describe("RFC 5849 3.4.1: a one-character change in any signed part is a bad_signature", () => {
  const cases: Array<[string, (r: ReceivedRequest & { authorization: string }) => ReceivedRequest]> = [
    ["method", (r) => ({ ...r, method: "POSX" })],
    ["method case is not a change (the base string upper-cases it)", (r) => ({ ...r, method: "post" })],
    ["host", (r) => ({ ...r, url: String(r.url).replace("api.x.com", "api.y.com") })],
    ["scheme", (r) => ({ ...r, url: String(r.url).replace("https:", "http:") })],
    ["port", (r) => ({ ...r, url: String(r.url).replace("api.x.com", "api.x.com:444") })],
    ["path", (r) => ({ ...r, url: String(r.url).replace("update.json", "updatf.json") })],
    ["query name", (r) => ({ ...r, url: String(r.url).replace("include_entities", "include_entitiex") })],
    ["query value", (r) => ({ ...r, url: String(r.url).replace("=true", "=truf") })],
    ["body value", (r) => ({ ...r, body: String(r.body).replace("Hello", "Hellp") })],
    ["body name", (r) => ({ ...r, body: String(r.body).replace("status=", "statu5=") })],
  ];
  for (const [part, change] of cases) {
    it(part, async () => {
      const result = await verifySignature(change(await signed()), secrets);
      if (part.startsWith("method case")) {
        expect(result.valid).toBe(true);
      } else {
        expect(result.reason).toBe("bad_signature");
        expect(result.valid).toBe(false);
        expectSecretFree(result);
      }
    });
  }

  for (const name of ["oauth_consumer_key", "oauth_nonce", "oauth_timestamp", "oauth_token", "oauth_signature"]) {
    it(`header parameter ${name}`, async () => {
      const request = await signed();
      const value = parseAuthorizationHeader(request.authorization).params[name]!;
      const authorization = withHeaderParam(request.authorization, name, oneCharChanged(value));
      const result = await verifySignature({ ...request, authorization }, secrets);
      expect(result.reason).toBe("bad_signature");
      expectSecretFree(result);
    });
  }

  it("header parameter oauth_signature_method (HMAC-SHA1 -> HMAC-SHA2 is no method at all)", async () => {
    const request = await signed();
    const authorization = withHeaderParam(request.authorization, "oauth_signature_method", "HMAC-SHA2");
    expect((await verifySignature({ ...request, authorization }, secrets)).reason).toBe("unsupported_signature_method");
  });

  it("header parameter oauth_version (1.0 -> 1.1 is refused as a version)", async () => {
    const request = await signed();
    const authorization = withHeaderParam(request.authorization, "oauth_version", "1.1");
    expect((await verifySignature({ ...request, authorization }, secrets)).reason).toBe("unsupported_version");
  });

  it("consumer secret", async () => {
    const result = await verifySignature(await signed(), {
      consumerSecret: oneCharChanged(consumerSecret),
      tokenSecret,
    });
    expect(result.reason).toBe("bad_signature");
  });

  it("token secret", async () => {
    const result = await verifySignature(await signed(), { consumerSecret, tokenSecret: oneCharChanged(tokenSecret) });
    expect(result.reason).toBe("bad_signature");
  });

  it("a realm is not signed (RFC 5849 3.4.1.3.1): adding one changes nothing", async () => {
    const request = await signed();
    const { params } = parseAuthorizationHeader(request.authorization);
    const result = await verifySignature(
      { ...request, authorization: buildAuthorizationHeader(params, "Photos") },
      secrets,
    );
    expect(result.valid).toBe(true);
  });
});

describe("RFC 5849 3.1: each protocol parameter once, the required ones present", () => {
  const nonce = "oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
  it("oauth_nonce in the header and the query is duplicate_parameter", async () => {
    const request = await signed();
    const result = await verifySignature({ ...request, url: `${url}&${nonce}` }, secrets);
    expect(result.reason).toBe("duplicate_parameter");
    expect(result.detail).toMatch(/oauth_nonce/);
  });

  it("oauth_nonce in the header and the body is duplicate_parameter", async () => {
    const request = await signed();
    expect((await verifySignature({ ...request, body: `${body}&${nonce}` }, secrets)).reason).toBe(
      "duplicate_parameter",
    );
  });

  it("oauth_nonce twice in the query is duplicate_parameter", async () => {
    const request = await signed();
    const authorization = withHeaderParam(request.authorization, "oauth_nonce", undefined);
    const result = await verifySignature({ ...request, authorization, url: `${url}&${nonce}&${nonce}` }, secrets);
    expect(result.reason).toBe("duplicate_parameter");
  });

  it("oauth_signature in the header and the query is duplicate_parameter", async () => {
    const request = await signed();
    const result = await verifySignature({ ...request, url: `${url}&oauth_signature=abc` }, secrets);
    expect(result.reason).toBe("duplicate_parameter");
  });

  it("oauth_nonce twice inside the header is duplicate_parameter", async () => {
    const request = await signed();
    const authorization = request.authorization + ', oauth_nonce="again"';
    const result = await verifySignature({ ...request, authorization }, secrets);
    expect(result.reason).toBe("duplicate_parameter");
    expect(result.detail).toMatch(/oauth_nonce/);
  });

  for (const name of [
    "oauth_consumer_key",
    "oauth_signature_method",
    "oauth_signature",
    "oauth_timestamp",
    "oauth_nonce",
  ]) {
    it(`without ${name} is missing_parameter`, async () => {
      const request = await signed();
      const authorization = withHeaderParam(request.authorization, name, undefined);
      const result = await verifySignature({ ...request, authorization }, secrets);
      expect(result.reason).toBe("missing_parameter");
      expect(result.detail).toBe(`${name} is missing`);
    });
  }

  it("without any Authorization header is missing_parameter", async () => {
    const result = await verifySignature({ method: "GET", url: "https://api.x.com/1.1/x.json" }, secrets);
    expect(result.reason).toBe("missing_parameter");
  });

  it("a Basic Authorization header is not read as OAuth (missing_parameter)", async () => {
    const result = await verifySignature(
      { method: "GET", url: "https://api.x.com/", authorization: "Basic YTpi" },
      secrets,
    );
    expect(result.reason).toBe("missing_parameter");
  });

  it("PLAINTEXT needs no timestamp or nonce (RFC 5849 3.4.4): RFC 5849 3.1 example verifies", async () => {
    // RFC 5849 2.1 example: oauth_signature="ja893SD9%26" for client secret ja893SD9.
    const authorization =
      'OAuth realm="Example", oauth_consumer_key="jd83jd92dhsh93js", oauth_signature_method="PLAINTEXT", oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1", oauth_signature="ja893SD9%26"';
    const request = { method: "POST", url: "https://server.example.com/request_temp_credentials", authorization };
    const allowed = { signatureMethods: ["PLAINTEXT"] } as const;
    expect((await verifySignature(request, { consumerSecret: "ja893SD9" }, allowed)).valid).toBe(true);
    expect((await verifySignature(request, { consumerSecret: "ja893SD8" }, allowed)).reason).toBe("bad_signature");
  });

  it("oauth_signature_method RSA-SHA1 is unsupported_signature_method", async () => {
    const request = await signed();
    const authorization = withHeaderParam(request.authorization, "oauth_signature_method", "RSA-SHA1");
    expect((await verifySignature({ ...request, authorization }, secrets)).reason).toBe("unsupported_signature_method");
  });

  it('oauth_version other than "1.0" is unsupported_version', async () => {
    const request = await signed();
    for (const version of ["2.0", "1", ""]) {
      const authorization = withHeaderParam(request.authorization, "oauth_version", version);
      expect((await verifySignature({ ...request, authorization }, secrets)).reason).toBe("unsupported_version");
    }
  });
});

describe("verifySignature: secret lookup", () => {
  it("is called with the consumer key and token that arrived, and may be async", async () => {
    const seen: unknown[] = [];
    const result = await verifySignature(await signed(), async (identity) => {
      seen.push(identity);
      return secrets;
    });
    expect(result.valid).toBe(true);
    expect(seen).toEqual([{ consumerKey: credentials.consumerKey, token: credentials.token }]);
  });

  it("returning undefined gives unknown_credentials", async () => {
    const result = await verifySignature(await signed(), () => undefined);
    expect(result.reason).toBe("unknown_credentials");
    expect(result.valid).toBe(false);
  });

  it("a request without a token looks up token undefined", async () => {
    const { authorization } = await signRequest(
      { method: "POST", url: "https://api.x.com/oauth/request_token" },
      { consumerKey: "key", consumerSecret },
      { callback: "oob" },
    );
    let token: string | undefined = "not called";
    const result = await verifySignature(
      { method: "POST", url: "https://api.x.com/oauth/request_token", authorization },
      (id) => {
        token = id.token;
        return { consumerSecret };
      },
    );
    expect(result.valid).toBe(true);
    expect(token).toBeUndefined();
  });

  it("a looked-up secret that cannot be UTF-8 encoded is refused without leaking it", async () => {
    const broken = consumerSecret + "\ud800";
    const result = await verifySignature(await signed(), () => ({ consumerSecret: broken, tokenSecret }));
    expect(result.valid).toBe(false);
    expect(result.detail).toMatch(/^credentials\.consumerSecret must be well-formed UTF-16$/);
    expectSecretFree(result);
  });

  it("secrets that are not strings are a TypeError (a programming error, not a verdict)", async () => {
    await expect(verifySignature(await signed(), () => ({ consumerSecret: 42 as unknown as string }))).rejects.toThrow(
      TypeError,
    );
    await expect(verifySignature(await signed(), "secret" as never)).rejects.toThrow(/secrets must be/);
  });
});

describe("verifySignature: malformed requests are a verdict, not an exception", () => {
  const cases: Array<[string, (r: ReceivedRequest & { authorization: string }) => ReceivedRequest]> = [
    ["a URL that is not http(s)", (r) => ({ ...r, url: "ftp://api.x.com/" })],
    ["a URL that does not parse", (r) => ({ ...r, url: "not a url" })],
    ["a method that is not a token", (r) => ({ ...r, method: "PO ST" })],
    ["a malformed escape in the body", (r) => ({ ...r, body: "status=%E0%A4" })],
    ["a malformed escape in the query", (r) => ({ ...r, url: url + "&x=%zz" })],
    ["a header without '='", (r) => ({ ...r, authorization: 'OAuth oauth_nonce "x"' })],
    ["a header with a malformed escape", (r) => ({ ...r, authorization: 'OAuth oauth_nonce="%E0"' })],
  ];
  for (const [what, change] of cases) {
    it(what, async () => {
      const result = await verifySignature(change(await signed()), secrets);
      expect(result.valid).toBe(false);
      expect(result.reason).toBe("malformed");
      expectSecretFree(result);
    });
  }
});

describe("verifySignature with a Request object (RFC 5849 3.4.1.3.1: only a form body is signed)", () => {
  it("reads a form body from a clone, so the handler can still read it", async () => {
    const { authorization } = await signed();
    const request = new Request(url, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body,
    });
    expect((await verifySignature(request, secrets)).valid).toBe(true);
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe(body);
  });

  it("reads the form body where Request has no body stream (Firefox), within the limit", async () => {
    // Firefox implements no Request.body: the getter is missing, so `body` is undefined, not null.
    class StreamlessRequest extends Request {
      override get body(): null {
        return undefined as unknown as null;
      }
      override clone(): StreamlessRequest {
        return Object.setPrototypeOf(super.clone(), StreamlessRequest.prototype);
      }
    }
    const { authorization } = await signed();
    const init = { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" } };
    expect((await verifySignature(new StreamlessRequest(url, { ...init, body }), secrets)).valid).toBe(true);
    const tooBig = new StreamlessRequest(url, { ...init, body: body + "&pad=" + "x".repeat(100) });
    expect((await verifySignature(tooBig, secrets, { maxBodyBytes: body.length + 10 })).reason).toBe("body_too_large");
  });

  it("a form body that was not signed fails, so the body really is read", async () => {
    const { authorization } = await signed();
    const request = new Request(url, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
      body: body + "&extra=1",
    });
    expect((await verifySignature(request, secrets)).reason).toBe("bad_signature");
  });

  it("ignores a JSON body (X API v2 POST /2/tweets; RFC 5849 3.4.1.3.1 signs form bodies only)", async () => {
    const target = "https://api.x.com/2/tweets";
    const { authorization } = await signRequest({ method: "POST", url: target }, credentials, options);
    const request = new Request(target, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ text: "status=Hello" }),
    });
    expect((await verifySignature(request, secrets)).valid).toBe(true);
    expect(await request.json()).toEqual({ text: "status=Hello" });
  });

  it("a GET Request with no body verifies", async () => {
    const target = "https://api.x.com/1.1/account/verify_credentials.json?include_email=true";
    const { authorization } = await signRequest({ method: "GET", url: target }, credentials, options);
    expect((await verifySignature(new Request(target, { headers: { authorization } }), secrets)).valid).toBe(true);
  });
});

// ---- bounded, never-throwing reads -------------------------------------------------------------

const FORM = "application/x-www-form-urlencoded";

/** A body stream that hands out `text` in chunks of at most `size` bytes, then ends (or errors). */
function streamOf(text: string, size = 16, error?: Error): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        if (error) controller.error(error);
        else controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

function streamRequest(
  authorization: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Request {
  return new Request(url, {
    method: "POST",
    headers: { authorization, "content-type": FORM, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("verifySignature options.maxBodyBytes: the form body is read up to a limit", () => {
  const limit = body.length; // the signed body fits exactly

  it("a signed body of exactly maxBodyBytes verifies", async () => {
    const { authorization } = await signed();
    const request = streamRequest(authorization, streamOf(body));
    expect((await verifySignature(request, secrets, { maxBodyBytes: limit })).valid).toBe(true);
  });

  it("one byte more is body_too_large, read from the stream (no content-length)", async () => {
    const { authorization } = await signed();
    const result = await verifySignature(streamRequest(authorization, streamOf(body + "x")), secrets, {
      maxBodyBytes: limit,
    });
    expect(result).toMatchObject({ valid: false, reason: "body_too_large" });
    expect(result.detail).toMatch(String(limit));
  });

  it("a content-length over the limit is body_too_large before a byte is read", async () => {
    const { authorization } = await signed();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const request = streamRequest(authorization, stream, { "content-length": String(limit + 1) });
    const result = await verifySignature(request, secrets, { maxBodyBytes: limit });
    expect(result.reason).toBe("body_too_large");
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pull once on creation; nothing is read after
  });

  it("a content-length that lies low does not matter: the bytes are counted", async () => {
    const { authorization } = await signed();
    const request = streamRequest(authorization, streamOf(body + "&extra=" + "x".repeat(100)), {
      "content-length": "3",
    });
    expect((await verifySignature(request, secrets, { maxBodyBytes: limit })).reason).toBe("body_too_large");
  });

  it("an endless form body stops at the limit", async () => {
    const { authorization } = await signed();
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
    });
    const result = await verifySignature(streamRequest(authorization, endless), secrets, { maxBodyBytes: 4096 });
    expect(result.reason).toBe("body_too_large");
    expect(sent).toBeLessThan(64 * 1024);
  });

  it("defaults to 1 MiB (1,048,576 bytes)", async () => {
    const { authorization } = await signed();
    const exactly = `${body}&pad=${"a".repeat(1_048_576 - body.length - 5)}`;
    expect(new TextEncoder().encode(exactly).length).toBe(1_048_576);
    // Exactly the limit is read (and, unsigned padding, fails the signature); one byte more is not read.
    expect((await verifySignature(streamRequest(authorization, streamOf(exactly, 65536)), secrets)).reason).toBe(
      "bad_signature",
    );
    expect((await verifySignature(streamRequest(authorization, streamOf(exactly + "a", 65536)), secrets)).reason).toBe(
      "body_too_large",
    );
  });

  it("applies to a form string passed as ReceivedRequest.body, counted in UTF-8 bytes", async () => {
    const request = await signed();
    expect((await verifySignature(request, secrets, { maxBodyBytes: limit })).valid).toBe(true);
    expect((await verifySignature(request, secrets, { maxBodyBytes: limit - 1 })).reason).toBe("body_too_large");
    // "é" is two bytes: a string of limit/2 + 1 such characters is over the limit.
    const accented = { ...request, body: "é".repeat(Math.floor(limit / 2) + 1) };
    expect((await verifySignature(accented, secrets, { maxBodyBytes: limit })).reason).toBe("body_too_large");
  });

  it("a body that is not a form is never read, however large or broken", async () => {
    const target = "https://api.x.com/2/tweets";
    const { authorization } = await signRequest({ method: "POST", url: target }, credentials, options);
    let pulled = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull() {
        pulled++;
        throw new Error("must not be read");
      },
    });
    const request = new Request(target, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", "content-length": "999999999" },
      body: broken,
      duplex: "half",
    } as RequestInit);
    expect((await verifySignature(request, secrets, { maxBodyBytes: 10 })).valid).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(request.bodyUsed).toBe(false);
  });
});

describe("verifySignature never throws or rejects on what arrives", () => {
  it("a body stream that errors is unreadable_body", async () => {
    const { authorization } = await signed();
    const request = streamRequest(authorization, streamOf(body, 8, new Error("connection reset")));
    const result = await verifySignature(request, secrets);
    expect(result).toMatchObject({ valid: false, reason: "unreadable_body" });
    expect(result.detail).not.toMatch(/connection reset/);
  });

  it("a body already read (bodyUsed) is unreadable_body, and says to verify first", async () => {
    const { authorization } = await signed();
    const request = new Request(url, {
      method: "POST",
      headers: { authorization, "content-type": FORM },
      body,
    });
    await request.text();
    const result = await verifySignature(request, secrets);
    expect(result.reason).toBe("unreadable_body");
    expect(result.detail).toMatch(/already read/);
  });

  for (const [what, request] of [
    ["null", null],
    ["a string", "POST https://api.x.com/"],
    ["an object without a URL", { method: "POST" }],
    [
      "an object whose getter throws",
      {
        method: "POST",
        get url(): string {
          throw new Error("boom");
        },
      },
    ],
  ] as const) {
    it(`a request that is ${what} is malformed`, async () => {
      const result = await verifySignature(request as never, secrets);
      expect(result).toMatchObject({ valid: false, reason: "malformed" });
    });
  }

  it("bad secrets or options are a TypeError naming the argument (programming errors)", async () => {
    const request = await signed();
    const bad: Array<[unknown, RegExp]> = [
      ["x", /^options must be an object/],
      [{ maxBodyBytes: -1 }, /^options\.maxBodyBytes must be/],
      [{ maxBodyBytes: 1.5 }, /^options\.maxBodyBytes must be/],
      [{ maxBodyBytes: "1" }, /^options\.maxBodyBytes must be/],
      [{ signatureMethods: "HMAC-SHA1" }, /^options\.signatureMethods must be/],
      [{ signatureMethods: ["RSA-SHA1"] }, /^options\.signatureMethods must be/],
      [{ mergeDuplicates: "yes" }, /^options\.mergeDuplicates must be/],
      [{ versions: "1.0" }, /^options\.versions must be/],
      [{ versions: [1] }, /^options\.versions must be/],
    ];
    for (const [value, message] of bad) {
      await expect(verifySignature(request, secrets, value as never)).rejects.toThrow(message);
    }
    await expect(verifySignature(request, secrets, undefined)).resolves.toMatchObject({ valid: true });
  });
});

describe("verifySignature options.signatureMethods (RFC 5849 3.4.4: PLAINTEXT only over TLS)", () => {
  // RFC 5849 2.1 example: oauth_signature="ja893SD9%26" for client secret ja893SD9.
  const plaintext = {
    method: "POST",
    url: "https://server.example.com/request_temp_credentials",
    authorization:
      'OAuth realm="Example", oauth_consumer_key="jd83jd92dhsh93js", oauth_signature_method="PLAINTEXT", oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1", oauth_signature="ja893SD9%26"',
  };

  it("PLAINTEXT is unsupported_signature_method by default", async () => {
    const result = await verifySignature(plaintext, { consumerSecret: "ja893SD9" });
    expect(result).toMatchObject({ valid: false, reason: "unsupported_signature_method" });
    expect(result.detail).toMatch(/PLAINTEXT/);
  });

  it("PLAINTEXT verifies when listed", async () => {
    const allowed = { signatureMethods: ["PLAINTEXT"] } as const;
    expect((await verifySignature(plaintext, { consumerSecret: "ja893SD9" }, allowed)).valid).toBe(true);
  });

  it("every HMAC method is allowed by default, and a method not listed is refused", async () => {
    for (const signatureMethod of ["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512"] as const) {
      const { authorization } = await signRequest({ method: "POST", url, body }, credentials, {
        ...options,
        signatureMethod,
      });
      const request = { method: "POST", url, body, authorization };
      expect((await verifySignature(request, secrets)).valid).toBe(true);
      const other = signatureMethod === "HMAC-SHA1" ? "HMAC-SHA256" : "HMAC-SHA1";
      expect((await verifySignature(request, secrets, { signatureMethods: [other] })).reason).toBe(
        "unsupported_signature_method",
      );
    }
  });
});

// ---- lenient options for other people's clients -------------------------------------------------

describe("verifySignature options.mergeDuplicates: the same protocol parameter in two places counts once", () => {
  // Step 3 (POST oauth/access_token) as other clients send it, signed here by the reference signer
  // with the duplicate counted once in the base string (RFC 5849 3.4.1.3.1 rules, applied by hand).
  const accessToken = "https://api.x.com/oauth/access_token";
  const token = "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0";
  const verifier = "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY";
  const header = {
    oauth_consumer_key: "cChZNFj6T5R0TigYB9yd1w",
    oauth_nonce: "a9900fe68e2573b27a37f10fbad6a755",
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: "1318467427",
    oauth_token: token,
    oauth_version: "1.0",
  };
  const keys = {
    consumerSecret: "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg",
    tokenSecret: "veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI",
  };

  async function signedByReference(target: string, form: string | null): Promise<ReceivedRequest> {
    const pairs: Array<[string, string]> = referenceParseForm(new URL(target).search.slice(1));
    if (form !== null) pairs.push(...referenceParseForm(form));
    // Counted once: oauth_token is already among the query or body pairs.
    for (const [name, value] of Object.entries(header)) if (name !== "oauth_token") pairs.push([name, value]);
    const base = referenceBaseString("POST", target, pairs);
    const signature = await referenceSignature("HMAC-SHA1", base, keys.consumerSecret, keys.tokenSecret);
    const authorization = referenceAuthorizationHeader({ ...header, oauth_signature: signature }, undefined);
    return { method: "POST", url: target, body: form, authorization };
  }

  const inQuery = (): Promise<ReceivedRequest> =>
    signedByReference(`${accessToken}?oauth_token=${token}&oauth_verifier=${verifier}`, null);
  const inBody = (): Promise<ReceivedRequest> =>
    signedByReference(accessToken, `oauth_token=${token}&oauth_verifier=${verifier}`);

  for (const [what, signed] of [
    ["oauth_token in the query and the header (@xdevplatform/xdk)", inQuery],
    ["oauth_token in the form body and the header (twitter-api-v2 login)", inBody],
  ] as const) {
    it(`${what}: duplicate_parameter by default, valid when merged`, async () => {
      const request = await signed();
      expect((await verifySignature(request, keys)).reason).toBe("duplicate_parameter");
      const result = await verifySignature(request, keys, { mergeDuplicates: true });
      expect(result.valid).toBe(true);
      expect(result.oauthParams).toEqual({ ...header, oauth_verifier: verifier });
    });
  }

  it("a differing value stays duplicate_parameter", async () => {
    const request = { ...(await inBody()), body: `oauth_token=${token}x&oauth_verifier=${verifier}` };
    expect((await verifySignature(request, keys, { mergeDuplicates: true })).reason).toBe("duplicate_parameter");
  });

  it("the same value twice in one place stays duplicate_parameter (RFC 5849 3.1)", async () => {
    const request = { ...(await inBody()), body: `oauth_verifier=${verifier}&oauth_verifier=${verifier}` };
    expect((await verifySignature(request, keys, { mergeDuplicates: true })).reason).toBe("duplicate_parameter");
  });

  it("a merged request signed with the duplicate counted twice is a bad_signature", async () => {
    const target = `${accessToken}?oauth_token=${token}&oauth_verifier=${verifier}`;
    const pairs: Array<[string, string]> = [
      ...referenceParseForm(new URL(target).search.slice(1)),
      ...Object.entries(header),
    ];
    const signature = await referenceSignature(
      "HMAC-SHA1",
      referenceBaseString("POST", target, pairs),
      keys.consumerSecret,
      keys.tokenSecret,
    );
    const authorization = referenceAuthorizationHeader({ ...header, oauth_signature: signature }, undefined);
    const result = await verifySignature({ method: "POST", url: target, authorization }, keys, {
      mergeDuplicates: true,
    });
    expect(result.reason).toBe("bad_signature");
  });
});

describe("verifySignature options.versions: accepted oauth_version values", () => {
  // npm oauth, configured with version "1.0A" as its README's Twitter example does.
  const require = createRequire(import.meta.url);
  const { OAuth } = require("oauth") as {
    OAuth: new (
      ...args: unknown[]
    ) => { authHeader(url: string, token: string, secret: string, method: string): string };
  };
  const target = "https://api.x.com/1.1/account/verify_credentials.json";
  const client = new OAuth(null, null, credentials.consumerKey, consumerSecret, "1.0A", null, "HMAC-SHA1");
  const request = {
    method: "GET",
    url: target,
    authorization: client.authHeader(target, credentials.token, tokenSecret, "GET"),
  };

  it('oauth_version="1.0A" is unsupported_version by default', async () => {
    expect(request.authorization).toContain('oauth_version="1.0A"');
    const result = await verifySignature(request, secrets);
    expect(result.reason).toBe("unsupported_version");
  });

  it("verifies when listed", async () => {
    const result = await verifySignature(request, secrets, { versions: ["1.0", "1.0A", "1.0a"] });
    expect(result.valid).toBe(true);
    expect(result.oauthParams.oauth_version).toBe("1.0A");
  });

  it("an absent oauth_version is always fine (RFC 5849 3.1: optional)", async () => {
    const base = referenceBaseString("GET", target, [
      ["oauth_consumer_key", "key"],
      ["oauth_nonce", "abc"],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", "1"],
    ]);
    const signature = await referenceSignature("HMAC-SHA1", base, consumerSecret, "");
    const authorization = referenceAuthorizationHeader(
      {
        oauth_consumer_key: "key",
        oauth_nonce: "abc",
        oauth_signature_method: "HMAC-SHA1",
        oauth_timestamp: "1",
        oauth_signature: signature,
      },
      undefined,
    );
    for (const versions of [undefined, ["1.0A"], []]) {
      const result = await verifySignature(
        { method: "GET", url: target, authorization },
        { consumerSecret },
        { versions },
      );
      expect(result.valid).toBe(true);
    }
  });
});
