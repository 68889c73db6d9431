import { readFileSync } from "node:fs";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { isTwitterOAuthError, type TwitterOAuth, TwitterOAuthError } from "../../src/index.js";
import { failure } from "./failure.js";
import { DOCS, docsClient, useStandIn } from "./x-stand-in.js";

const x = useStandIn();

const REQUEST_TOKEN_URL = "https://api.x.com/oauth/request_token";
const ACCESS_TOKEN_URL = "https://api.x.com/oauth/access_token";
const requestToken = { token: DOCS.requestToken, tokenSecret: DOCS.requestTokenSecret };

function client(extra: Parameters<typeof docsClient>[0] = {}): TwitterOAuth {
  return docsClient({ callbackUrl: "https://example.com/callback", ...extra });
}

function answer(url: string, body: string, init: ResponseInit): void {
  x.server.use(http.post(url, () => new HttpResponse(body, init)));
}

describe("X's error body formats (JSON, XML, plain text, as client libraries recorded them) become HTTP_ERROR with parsed errors", () => {
  it("JSON errors array (401 code 32, recorded 2020)", async () => {
    answer(REQUEST_TOKEN_URL, '{"errors":[{"code":32,"message":"Could not authenticate you."}]}', {
      status: 401,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    const error = await failure(client().getRequestToken());
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(401);
    expect(error.errors).toEqual([{ code: 32, message: "Could not authenticate you." }]);
    expect(error.endpoint).toBe("POST /oauth/request_token");
    expect(error.message).toBe(
      'POST /oauth/request_token failed with HTTP 401: X says "Could not authenticate you." (code 32); see docs/errors.md#x-error-codes (sent to api.x.com)',
    );
  });

  it("code 32 names the host the request went to: api.x.com by default, the fake's when baseUrl points there", async () => {
    const body = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}';
    answer(REQUEST_TOKEN_URL, body, { status: 401 });
    answer("http://127.0.0.1:3001/oauth/request_token", body, { status: 401 });
    const real = await failure(client().getRequestToken());
    expect(real.message).toContain("(sent to api.x.com)");
    const fake = await failure(client({ baseUrl: "http://127.0.0.1:3001" }).getRequestToken());
    expect(fake.message).toContain("(sent to 127.0.0.1:3001)");
    expect(fake.message).not.toContain("api.x.com");
  });

  it("JSON with the older key order (code 135): points to the table that says to check the clock", async () => {
    answer(REQUEST_TOKEN_URL, '{"errors":[{"message":"Timestamp out of bounds","code":135}]}', { status: 401 });
    const error = await failure(client().getRequestToken());
    expect(error.errors).toEqual([{ code: 135, message: "Timestamp out of bounds" }]);
    expect(error.message).toMatch(/ \(code 135\); see docs\/errors\.md#x-error-codes \(sent to api\.x\.com\)$/);
  });

  it("XML <hash><error> (expired request token)", async () => {
    answer(
      ACCESS_TOKEN_URL,
      '<?xml version="1.0" encoding="UTF-8"?><hash><error>Invalid / expired Token</error><request>/oauth/access_token</request></hash>',
      { status: 401, headers: { "content-type": "application/xml" } },
    );
    const error = await failure(client().exchangeVerifier(requestToken, "v"));
    expect(error.errors).toEqual([{ code: 0, message: "Invalid / expired Token" }]);
    expect(error.message).toBe(
      'POST /oauth/access_token failed with HTTP 401: X says "Invalid / expired Token"; see docs/errors.md#x-error-codes (sent to api.x.com)',
    );
  });

  it(`XML <errors><error code="415"> (callback not approved): X's code, and the pointer`, async () => {
    answer(
      REQUEST_TOKEN_URL,
      "<?xml version='1.0' encoding='UTF-8'?><errors><error code=\"415\">Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings</error></errors>",
      { status: 403 },
    );
    const error = await failure(client().getRequestToken());
    expect(error.status).toBe(403);
    expect(error.errors[0]!.code).toBe(415);
    expect(error.message).toMatch(/ \(code 415\); see docs\/errors\.md#x-error-codes \(sent to api\.x\.com\)$/);
  });

  it("XML code 417 (desktop app): X's code, and the pointer", async () => {
    answer(
      REQUEST_TOKEN_URL,
      "<?xml version='1.0' encoding='UTF-8'?><errors><error code=\"417\">Desktop applications only support the oauth_callback value 'oob'</error></errors>",
      { status: 401 },
    );
    const error = await failure(client().getRequestToken());
    expect(error.errors).toEqual([
      { code: 417, message: "Desktop applications only support the oauth_callback value 'oob'" },
    ]);
    expect(error.message).toMatch(/ \(code 417\); see docs\/errors\.md#x-error-codes \(sent to api\.x\.com\)$/);
  });

  it("plain text served as text/html", async () => {
    answer(ACCESS_TOKEN_URL, "Error processing your OAuth request: Invalid oauth_verifier parameter", {
      status: 401,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    const error = await failure(client().exchangeVerifier(requestToken, "v"));
    expect(error.errors).toEqual([
      { code: 0, message: "Error processing your OAuth request: Invalid oauth_verifier parameter" },
    ]);
  });

  it("an HTML error page: status only", async () => {
    answer(
      REQUEST_TOKEN_URL,
      "<!DOCTYPE html><html><body><img src=robot.png>Something is technically wrong.</body></html>",
      {
        status: 503,
      },
    );
    const error = await failure(client().getRequestToken());
    expect(error.status).toBe(503);
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/HTTP 503/);
  });

  it("API v2 problem JSON", async () => {
    x.server.use(
      http.get("https://api.x.com/1.1/account/verify_credentials.json", () =>
        HttpResponse.json(
          { title: "Unauthorized", detail: "Unauthorized", type: "about:blank", status: 401 },
          { status: 401 },
        ),
      ),
    );
    const error = await failure(client().verifyCredentials({ token: "t", tokenSecret: "s" }));
    expect(error.errors).toEqual([{ code: 0, message: "Unauthorized" }]);
  });

  it("X API reference, invalidate_token: a revoked token is 401 code 89", async () => {
    x.server.use(
      http.post("https://api.x.com/1.1/oauth/invalidate_token", () =>
        HttpResponse.json({ errors: [{ code: 89, message: "Invalid or expired token." }] }, { status: 401 }),
      ),
    );
    const error = await failure(client().invalidateToken({ token: "t", tokenSecret: "s" }));
    expect(error.errors[0]!.code).toBe(89);
    expect(error.message).toMatch(/ \(code 89\); see docs\/errors\.md#x-error-codes \(sent to api\.x\.com\)$/);
  });
});

// An HTTP_ERROR message carries X's code and points to docs/errors.md#x-error-codes for what to
// do: the table there holds a row for each code the client has advice for (X docs "Response codes
// and errors", v1.1), the plain-text answers of oauth/access_token (code 0), and each status without a code.
describe("docs/errors.md#x-error-codes: what to do about each of X's codes", () => {
  const docs = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
  const section = docs.split(/^## X error codes$/m)[1]?.split(/^## /m)[0] ?? "";
  it("the pointer's anchor is a heading of the page", () => {
    expect(section).not.toBe("");
  });
  it.each([32, 64, 88, 89, 135, 215, 220, 261, 326, 415, 416, 417, 0])(
    "code %i has a row that says what to do",
    (code) => {
      expect(section).toMatch(new RegExp(`^\\| ${code} \\| \\d{3} \\| [^|]+ \\| [^|]{20,} \\|$`, "m"));
    },
  );
  it.each(["401", "403", "404", "429", "5xx", "other"])("HTTP %s without a listed code has a row", (status) => {
    expect(section).toMatch(new RegExp(`^\\| ${status} \\| [^|]{10,} \\|$`, "m"));
  });
});

describe("RFC 5849 2.1 / X docs: the request token answer is checked", () => {
  it("CALLBACK_NOT_CONFIRMED when oauth_callback_confirmed is not true", async () => {
    answer(REQUEST_TOKEN_URL, "oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=false", { status: 200 });
    expect((await failure(client().getRequestToken())).code).toBe("CALLBACK_NOT_CONFIRMED");
    answer(REQUEST_TOKEN_URL, "oauth_token=a&oauth_token_secret=b", { status: 200 });
    expect((await failure(client().getRequestToken())).code).toBe("CALLBACK_NOT_CONFIRMED");
  });

  it("INVALID_RESPONSE when the token or its secret is missing or empty", async () => {
    answer(REQUEST_TOKEN_URL, "oauth_token=&oauth_token_secret=b&oauth_callback_confirmed=true", { status: 200 });
    expect((await failure(client().getRequestToken())).code).toBe("INVALID_RESPONSE");
    answer(REQUEST_TOKEN_URL, "hello", { status: 200 });
    expect((await failure(client().getRequestToken())).code).toBe("INVALID_RESPONSE");
    answer(ACCESS_TOKEN_URL, "oauth_token=a", { status: 200 });
    expect((await failure(client().exchangeVerifier(requestToken, "v"))).code).toBe("INVALID_RESPONSE");
  });

  it("X docs: any status other than 200 is a failure, even a 2xx", async () => {
    answer(REQUEST_TOKEN_URL, "oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true", { status: 201 });
    const error = await failure(client().getRequestToken());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.status).toBe(201);
  });

  it("a 3xx is an error and is not followed (the signature covers the host)", async () => {
    let followed = false;
    x.server.use(
      http.post(
        REQUEST_TOKEN_URL,
        () =>
          new HttpResponse(null, { status: 302, headers: { location: "https://api.twitter.com/oauth/request_token" } }),
      ),
      http.post("https://api.twitter.com/oauth/request_token", () => {
        followed = true;
        return new HttpResponse("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true");
      }),
    );
    const error = await failure(client().getRequestToken());
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(302);
    expect(error.message).toMatch(/redirected to https:\/\/api\.twitter\.com/);
    expect(followed).toBe(false);
  });

  it.each([
    [
      "verify_credentials",
      "get",
      "https://api.x.com/1.1/account/verify_credentials.json",
      (c: TwitterOAuth) => c.verifyCredentials({ token: "t", tokenSecret: "s" }),
    ],
    [
      "invalidate_token",
      "post",
      "https://api.x.com/1.1/oauth/invalidate_token",
      (c: TwitterOAuth) => c.invalidateToken({ token: "t", tokenSecret: "s" }),
    ],
  ] as const)("%s: a 3xx is HTTP_ERROR, not another origin's answer", async (_name, method, url, call) => {
    let followed = false;
    x.server.use(
      http[method](
        url,
        () => new HttpResponse(null, { status: 302, headers: { location: "https://elsewhere.example/x" } }),
      ),
      http.all("https://elsewhere.example/x", () => {
        followed = true;
        return HttpResponse.json({ id: 1, id_str: "1", name: "Someone else", screen_name: "else" });
      }),
    );
    const error = await failure(call(client()));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(302);
    expect(error.message).toMatch(/redirected to https:\/\/elsewhere\.example\/x/);
    expect(followed).toBe(false);
  });

  it("an oversized token answer is INVALID_RESPONSE, read no further than the cap", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const error = await failure(client({ fetch: async () => new Response(stream, { status: 200 }) }).getRequestToken());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toMatch(/over 65536 bytes/);
    expect(pulled).toBeLessThan(10);
  });

  it("verify_credentials: a body that is not JSON, or not a user, is INVALID_RESPONSE", async () => {
    x.server.use(http.get("https://api.x.com/1.1/account/verify_credentials.json", () => new HttpResponse("<html>")));
    expect((await failure(client().verifyCredentials({ token: "t", tokenSecret: "s" }))).code).toBe("INVALID_RESPONSE");
    x.server.use(http.get("https://api.x.com/1.1/account/verify_credentials.json", () => HttpResponse.json({ id: 1 })));
    expect((await failure(client().verifyCredentials({ token: "t", tokenSecret: "s" }))).code).toBe("INVALID_RESPONSE");
  });
});

describe("network failures, timeouts and aborts", () => {
  it("NETWORK_ERROR keeps the fetch error as cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await failure(client({ fetch: async () => Promise.reject(cause) }).getRequestToken());
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/could not reach X/);
  });

  it("msw network error through the default global fetch", async () => {
    x.server.use(http.post(REQUEST_TOKEN_URL, () => HttpResponse.error()));
    expect((await failure(client().getRequestToken())).code).toBe("NETWORK_ERROR");
  });

  function hang(_input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    return new Promise((_resolve, reject) => {
      if (init?.signal?.aborted) reject(init.signal.reason);
      init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
    });
  }

  it("TIMEOUT when X does not answer within the timeout", async () => {
    const error = await failure(client({ fetch: hang, timeout: 20 }).getRequestToken());
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(/timed out/);
  });

  it("TIMEOUT while the body is still arriving", async () => {
    const slowBody = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("oauth_token=a"));
          init?.signal?.addEventListener("abort", () => controller.error(init.signal!.reason));
        },
      });
      return Promise.resolve(new Response(stream));
    };
    expect((await failure(client({ fetch: slowBody, timeout: 20 }).getRequestToken())).code).toBe("TIMEOUT");
  });

  it("TIMEOUT, or the caller's abort, while an in-memory body that ignores every signal stalls", async () => {
    // No fetch aborts this body: only the client's own read can give up on it.
    const stalled = (): Promise<Response> =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            start: (controller) => controller.enqueue(new TextEncoder().encode('{"errors":[')),
          }),
          { status: 401 },
        ),
      );
    expect((await failure(client({ fetch: stalled, timeout: 20 }).getRequestToken())).code).toBe("TIMEOUT");
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 20);
    await expect(
      client({ fetch: stalled, timeout: false }).fetch("/2/users/me", { signal: controller.signal }),
    ).rejects.toBe(reason);
  });

  it("each request gets a fresh timeout", async () => {
    let calls = 0;
    const quick = async (): Promise<Response> => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return new Response("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true");
    };
    // 4 x 100 ms in a row outlast one 250 ms timeout, but not four fresh ones. On a clock the test
    // moves (timers faked), so a busy machine cannot stretch the 100 ms past the 250.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const c = client({ fetch: quick, timeout: 250 });
      for (let i = 0; i < 4; i++) {
        const answer = c.getRequestToken();
        for (let tick = 0; tick < 100 && calls === i; tick++) await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(100);
        await expect(answer).resolves.toMatchObject({ token: "a" });
      }
      expect(calls).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("timeout: false waits as long as it takes", async () => {
    const late = async (): Promise<Response> => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return new Response("oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true");
    };
    await expect(client({ fetch: late, timeout: false }).getRequestToken()).resolves.toMatchObject({ token: "a" });
  });

  it("the caller's abort rejects with the signal's reason, as fetch does", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    // aborted while fetch is in flight
    const abortingFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      queueMicrotask(() => controller.abort(reason));
      return hang(input, init);
    };
    await expect(client({ fetch: abortingFetch }).getRequestToken({ signal: controller.signal })).rejects.toBe(reason);
    const already = AbortSignal.abort(reason);
    await expect(client({ fetch: hang }).exchangeVerifier(requestToken, "v", { signal: already })).rejects.toBe(reason);
  });
});

describe("TwitterOAuthError and isTwitterOAuthError", () => {
  it("carry code, status, errors and endpoint; JSON keeps the code; the guard needs no instanceof", () => {
    const error = new TwitterOAuthError("HTTP_ERROR", "X answered 401", {
      status: 401,
      errors: [{ code: 32, message: "Could not authenticate you." }],
      endpoint: "POST /oauth/request_token",
    });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.status, error.endpoint]).toEqual([
      "TwitterOAuthError",
      "HTTP_ERROR",
      401,
      "POST /oauth/request_token",
    ]);
    expect(error.errors).toEqual([{ code: 32, message: "Could not authenticate you." }]);
    expect(JSON.parse(JSON.stringify(error)).code).toBe("HTTP_ERROR");
    expect(isTwitterOAuthError(error)).toBe(true);
    expect(isTwitterOAuthError(new Error("x"))).toBe(false);
    expect(isTwitterOAuthError({ code: "HTTP_ERROR", name: "TwitterOAuthError" })).toBe(false);
    expect(isTwitterOAuthError(null)).toBe(false);
  });
});
