// Every failure of the OAuth 2.0 client is a TwitterOAuthError with a stable code, and each
// token-endpoint error of docs.x.com "oauth-1-0a-token-exchange" (RFC 6749 5.2 bodies) says what to do.
import { describe, expect, it } from "vitest";
import { isTwitterOAuthError, type TwitterOAuthError } from "../../src/oauth2/index.js";
import { oauthErrorJson, recorded, tokenJson } from "./recorder.js";

const NOW = 1_800_000_000_000;
const PAIR = { token: "oauth1-token", tokenSecret: "oauth1-secret" };
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

async function failure(promise: Promise<unknown>): Promise<TwitterOAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTwitterOAuthError(error)) throw new Error(`expected a TwitterOAuthError, got ${String(error)}`);
  return error;
}

describe("docs.x.com oauth-1-0a-token-exchange: the documented errors, as HTTP_ERROR with oauthError", () => {
  it("400 invalid_request: a malformed request", async () => {
    const { client } = recorded({}, () => oauthErrorJson(400, "invalid_request", "Missing subject_token"));
    const error = await failure(client.exchangeOAuth1Token(PAIR));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(400);
    expect(error.oauthError).toBe("invalid_request");
    expect(error.endpoint).toBe("POST /2/oauth2/token");
    expect(error.errors).toEqual([{ code: 0, message: "Missing subject_token" }]);
    expect(error.message).toBe(
      'POST /2/oauth2/token failed with HTTP 400: X says "Missing subject_token" (invalid_request); a parameter is missing, repeated or malformed; check the client\'s options and arguments',
    );
  });

  it("400 invalid_grant on the exchange: revoked, invalid or another app's token; do not retry", async () => {
    const { client } = recorded({}, () =>
      oauthErrorJson(400, "invalid_grant", "Value passed for the token was invalid."),
    );
    const error = await failure(client.exchangeOAuth1Token(PAIR));
    expect(error.oauthError).toBe("invalid_grant");
    expect(error.message).toMatch(
      /OAuth 1\.0a token is revoked, invalid or another app's.*do not retry it; sign the user in again$/,
    );
  });

  it("400 invalid_grant on a refresh: already used or rotated; sign the user in again", async () => {
    const { client } = recorded({}, () => oauthErrorJson(400, "invalid_grant"));
    const error = await failure(client.refresh("used-refresh-token"));
    expect(error.oauthError).toBe("invalid_grant");
    expect(error.errors).toEqual([{ code: 0, message: "invalid_grant" }]);
    expect(error.message).toMatch(/^POST \/2\/oauth2\/token failed with HTTP 400: X says "invalid_grant"; /);
    expect(error.message).toMatch(/the refresh token was already used or rotated .*: sign the user in again$/);
  });

  it("400 invalid_grant on a code: invalid, expired or used code, or another verifier; start the sign-in again", async () => {
    const { client } = recorded({ callbackUrl: "https://app.example/cb" }, () => oauthErrorJson(400, "invalid_grant"));
    const error = await failure(client.exchangeCode("CODE", VERIFIER));
    expect(error.message).toMatch(
      /code is invalid, expired or already used, or code_verifier or redirect_uri differs.*start the sign-in again$/,
    );
  });

  it("400 invalid_scope: ask for a subset of the mapped scopes", async () => {
    const { client } = recorded({}, () => oauthErrorJson(400, "invalid_scope"));
    const error = await failure(client.exchangeOAuth1Token(PAIR, { scopes: ["dm.write"] }));
    expect(error.oauthError).toBe("invalid_scope");
    expect(error.message).toMatch(/ask for a subset of the scopes the OAuth 1\.0a permission maps to/);
  });

  it.each(["invalid_client", "unauthorized_client"])(
    "401 %s: check the client id and secret and that OAuth 2.0 is enabled",
    async (code) => {
      const { client } = recorded({}, () => oauthErrorJson(401, code, "Missing valid authorization header"));
      const error = await failure(client.exchangeOAuth1Token(PAIR));
      expect(error.status).toBe(401);
      expect(error.oauthError).toBe(code);
      expect(error.message).toMatch(
        /check the client id and secret .*OAuth 2\.0 is enabled in the app's User authentication settings$/,
      );
    },
  );

  it("429 rate_limited: wait until x-rate-limit-reset, with rateLimit as the 1.0a client gives it", async () => {
    const reset = NOW / 1000 + 90;
    const headers = {
      "x-rate-limit-limit": "10000",
      "x-rate-limit-remaining": "0",
      "x-rate-limit-reset": String(reset),
    };
    const { client } = recorded({}, () => oauthErrorJson(429, "rate_limited", "Too Many Requests", headers));
    const error = await failure(client.exchangeOAuth1Token(PAIR));
    expect(error.status).toBe(429);
    expect(error.oauthError).toBe("rate_limited");
    expect(error.rateLimit).toEqual({ limit: 10000, remaining: 0, reset: new Date(reset * 1000) });
    expect(error.message).toBe(
      `POST /2/oauth2/token failed with HTTP 429: X says "Too Many Requests" (rate_limited); rate limit exceeded: retry in 90 s, at ${new Date(reset * 1000).toISOString()} (x-rate-limit-reset)`,
    );
  });

  it("429 without rate-limit headers still says to wait for x-rate-limit-reset", async () => {
    const { client } = recorded({}, () => oauthErrorJson(429, "rate_limited"));
    const error = await failure(client.refresh("r"));
    expect(error.rateLimit).toBeUndefined();
    expect(error.message).toMatch(/wait until the time in the x-rate-limit-reset header$/);
  });

  it("503 temporarily_unavailable: retry (an exchange is safe to rerun: it rotates)", async () => {
    const { client } = recorded({}, () => oauthErrorJson(503, "temporarily_unavailable"));
    const error = await failure(client.exchangeOAuth1Token(PAIR));
    expect(error.status).toBe(503);
    expect(error.oauthError).toBe("temporarily_unavailable");
    expect(error.message).toMatch(/retry later \(exchanging the same token again is safe: it rotates the pair\)$/);
    const { client: other } = recorded({}, () => new Response("Service Unavailable", { status: 503 }));
    const plain = await failure(other.refresh("r"));
    expect(plain.oauthError).toBeUndefined();
    expect(plain.message).toMatch(/X is temporarily unavailable: retry later$/);
  });

  it.each([
    ["unsupported_grant_type", 400, /X does not accept this grant for the app: check that OAuth 2\.0 is enabled/],
    ["server_error", 500, /X had a problem: retry later$/],
  ])("%s: what to do", async (code, status, advice) => {
    const { client } = recorded({}, () => oauthErrorJson(status, code));
    const error = await failure(client.refresh("r"));
    expect(error).toMatchObject({ status, oauthError: code });
    expect(error.message).toMatch(advice);
  });

  it("a body that starts like JSON but is not: kept as text, no oauthError", async () => {
    const { client } = recorded({}, () => new Response("{error: invalid_grant", { status: 400 }));
    const error = await failure(client.refresh("r"));
    expect(error.oauthError).toBeUndefined();
    expect(error.errors).toEqual([{ code: 0, message: "{error: invalid_grant" }]);
  });

  it("a v2 problem JSON or text error body: no oauthError, X's message kept", async () => {
    const { client } = recorded({}, () =>
      Response.json(
        { title: "Unauthorized", detail: "Unauthorized", type: "about:blank", status: 401 },
        { status: 401 },
      ),
    );
    const error = await failure(client.me("expired-access-token"));
    expect(error.oauthError).toBeUndefined();
    expect(error.endpoint).toBe("GET /2/users/me");
    expect(error.errors).toEqual([{ code: 0, message: "Unauthorized" }]);
    expect(error.message).toMatch(
      /the access token is invalid, expired or revoked: refresh it, or sign the user in again$/,
    );
  });

  it("an error code outside RFC 6749 5.2's characters is not kept as oauthError", async () => {
    const { client } = recorded({}, () => Response.json({ error: 'bad"\\code' }, { status: 400 }));
    const error = await failure(client.refresh("r"));
    expect(error.oauthError).toBeUndefined();
  });

  it("oauthError is in toJSON, so JSON.stringify keeps it", async () => {
    const { client } = recorded({}, () => oauthErrorJson(400, "invalid_grant"));
    const error = await failure(client.refresh("r"));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: "HTTP_ERROR",
      status: 400,
      oauthError: "invalid_grant",
    });
  });
});

describe("transport rules, as the OAuth 1.0a client's", () => {
  it("a redirect is HTTP_ERROR and is not followed", async () => {
    const { client, sent } = recorded(
      {},
      () => new Response(null, { status: 307, headers: { location: "https://evil.example/" } }),
    );
    const error = await failure(client.exchangeOAuth1Token(PAIR));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(307);
    expect(error.message).toMatch(/answered with a redirect; it is not followed/);
    expect(sent).toHaveLength(1);
  });

  it("fetch rejecting is NETWORK_ERROR with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const { client } = recorded({}, () => {
      throw cause;
    });
    const error = await failure(client.refresh("r"));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.cause).toBe(cause);
  });

  it("a connection dropped while the body arrives is NETWORK_ERROR", async () => {
    const cause = new TypeError("terminated");
    let started = false;
    const dropped = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (started) controller.error(cause);
        else controller.enqueue(new TextEncoder().encode('{"token_type":'));
        started = true;
      },
    });
    const { client } = recorded({}, () => new Response(dropped));
    const error = await failure(client.refresh("r"));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.message).toBe("POST /2/oauth2/token lost the connection while X's answer arrived; try again");
  });

  it("no answer within timeout is TIMEOUT", async () => {
    const { client } = recorded(
      { timeout: 20 },
      (sent) => new Promise((_, reject) => sent.signal.addEventListener("abort", () => reject(sent.signal.reason))),
    );
    const error = await failure(client.revoke("t"));
    expect(error.code).toBe("TIMEOUT");
    expect(error.endpoint).toBe("POST /2/oauth2/revoke");
  });

  it("a caller's abort rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    const { client, sent } = recorded();
    await expect(client.refresh("r", { signal: controller.signal })).rejects.toBe(reason);
    expect(sent).toHaveLength(0);
  });

  it("an error body over 64 KiB is not read: HTTP_ERROR without X's message", async () => {
    const { client } = recorded(
      {},
      () => new Response(`{"error":"invalid_grant","x":"${"a".repeat(70_000)}"}`, { status: 400 }),
    );
    const error = await failure(client.refresh("r"));
    expect(error.status).toBe(400);
    expect(error.oauthError).toBeUndefined();
    expect(error.message).toMatch(/an error body too large to read/);
  });

  it("an endless 200 body stops at the cap: INVALID_RESPONSE", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    const { client } = recorded({}, () => new Response(endless));
    const error = await failure(client.refresh("r"));
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(pulled).toBeLessThan(10);
  });
});

describe("INVALID_RESPONSE: a 200 that is not a token answer (RFC 6749 5.1)", () => {
  it.each([
    ["not JSON", () => new Response("access_token=a")],
    ["JSON that is not an object", () => Response.json("token")],
    ["no access_token", () => tokenJson({ access_token: undefined })],
    ["an empty access_token", () => tokenJson({ access_token: "" })],
    ["token_type mac", () => tokenJson({ token_type: "mac" })],
    ["no token_type", () => tokenJson({ token_type: undefined })],
    ["no expires_in", () => tokenJson({ expires_in: undefined })],
    ["a negative expires_in", () => tokenJson({ expires_in: -1 })],
    ["an expires_in that is not a number", () => tokenJson({ expires_in: "soon" })],
    ["a refresh_token that is a number", () => tokenJson({ refresh_token: 5 })],
    ["a scope that is an array", () => tokenJson({ scope: ["tweet.read"] })],
  ])("%s", async (_, answer) => {
    const { client } = recorded({}, answer);
    const error = await failure(client.refresh("r"));
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.status).toBe(200);
  });

  it("token_type is case-insensitive (RFC 6749 7.1) and expires_in may be a numeric string", async () => {
    const { client } = recorded({}, () => tokenJson({ token_type: "Bearer", expires_in: "60" }));
    expect((await client.refresh("r")).expiresAt).toBe(NOW + 60_000);
  });

  it("me: a 200 without data.id, data.name and data.username", async () => {
    for (const body of ['{"data":{"id":1,"name":"a","username":"b"}}', '{"errors":[]}', "null", "<html>"]) {
      const { client } = recorded({}, () => new Response(body));
      expect((await failure(client.me("a"))).code).toBe("INVALID_RESPONSE");
    }
  });
});
