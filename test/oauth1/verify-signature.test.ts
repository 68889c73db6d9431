/**
 * verifySignature as a server uses it (RFC 5849 3.2): a request signed with the X docs
 * "Creating a signature" inputs verifies; any one-character change in a signed part does not;
 * duplicates, missing or unsupported protocol parameters and unknown credentials each give
 * their own reason.
 */
import { describe, expect, it } from "vitest";
import {
  buildAuthorizationHeader,
  parseAuthorizationHeader,
  signRequest,
  verifySignature,
  type ReceivedRequest,
  type VerificationResult,
} from "../../src/oauth1/index.js";

// X docs "Creating a signature" credentials (protocol.md D.3); recognisable so leaks are easy to spot.
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
    expect((await verifySignature(request, { consumerSecret: "ja893SD9" })).valid).toBe(true);
    expect((await verifySignature(request, { consumerSecret: "ja893SD8" })).reason).toBe("bad_signature");
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
    expect(result.detail).toMatch(/^credentials\.consumerSecret contains a lone UTF-16 surrogate/);
    expectSecretFree(result);
  });

  it("secrets that are not strings are a TypeError (a programming error, not a verdict)", async () => {
    await expect(verifySignature(await signed(), () => ({ consumerSecret: 42 as unknown as string }))).rejects.toThrow(
      TypeError,
    );
    await expect(verifySignature(await signed(), "secret" as never)).rejects.toThrow(/secrets must be/);
    await expect(verifySignature(null as never, secrets)).rejects.toThrow(/request must be/);
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

  it("a form body that was not signed fails, so the body really is read", async () => {
    const { authorization } = await signed();
    const request = new Request(url, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
      body: body + "&extra=1",
    });
    expect((await verifySignature(request, secrets)).reason).toBe("bad_signature");
  });

  it("ignores a JSON body (X API v2 POST /2/tweets, protocol.md C.23)", async () => {
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
