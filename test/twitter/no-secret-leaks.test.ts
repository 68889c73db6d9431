import { inspect } from "node:util";
import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TwitterOAuth,
  percentEncode,
  sealRequestToken,
  signRequest,
  unsealRequestToken,
  type TwitterOAuthOptions,
} from "../../src/index.js";
import { setupServer } from "msw/node";

const CONSUMER_SECRET = "CONSUMERSECRETzq8XvP3kLw9NfR2";
const TOKEN_SECRET = "TOKENSECRETmB7cQx4JhT1sYu6e";
const SEAL_SECRET = "SEALSECRETaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const signatures: string[] = [];

// Every answer echoes what it received, the worst case for leaks: a proxy or a broken server
// that reflects the Authorization header and the secrets back into its error body.
function echo(status: number, format: "json" | "text" | "xml"): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    const authorization = request.headers.get("authorization") ?? "";
    const signature = decodeURIComponent(/oauth_signature="([^"]+)"/.exec(authorization)?.[1] ?? "");
    signatures.push(signature);
    // Only the secrets the client signed with can be echoed: step 1 has no token secret yet (an
    // oauth_token secret in a request_token answer is X's to give, not a leak).
    const tokenSecret = authorization.includes("oauth_token=") ? TOKEN_SECRET : "";
    const leak = `${authorization} ${signature} ${CONSUMER_SECRET} ${tokenSecret} ${percentEncode(CONSUMER_SECRET)}&${percentEncode(tokenSecret)}`;
    if (format === "json") return HttpResponse.json({ errors: [{ code: 32, message: leak }] }, { status });
    if (format === "xml")
      return new HttpResponse(`<?xml version="1.0"?><errors><error code="415">${leak}</error></errors>`, { status });
    return new HttpResponse(leak, { status });
  };
}

const server = setupServer(
  http.post("https://leak.test/oauth/request_token", echo(401, "json")),
  http.post("https://leak.test/oauth/access_token", echo(401, "text")),
  http.get("https://leak.test/1.1/account/verify_credentials.json", echo(403, "xml")),
  http.post("https://leak.test/1.1/oauth/invalidate_token", echo(500, "text")),
  http.post(
    "https://redirect.test/oauth/request_token",
    () => new HttpResponse(null, { status: 302, headers: { location: "https://a.test/" } }),
  ),
  http.post(
    "https://bad.test/oauth/request_token",
    () => new HttpResponse("oauth_token=a&oauth_token_secret=" + TOKEN_SECRET),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const options: TwitterOAuthOptions = {
  consumerKey: "public-consumer-key",
  consumerSecret: CONSUMER_SECRET,
  callbackUrl: "https://example.com/cb",
  baseUrl: "https://leak.test",
};
const pair = { token: "public-token", tokenSecret: TOKEN_SECRET };

function everyString(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    out.push(String(key), ...everyString((value as Record<PropertyKey, unknown>)[key], seen));
  }
  return out;
}

function assertClean(value: unknown, label: string): void {
  const secrets = [
    CONSUMER_SECRET,
    TOKEN_SECRET,
    SEAL_SECRET,
    percentEncode(CONSUMER_SECRET) + "&",
    ...signatures.filter(Boolean),
  ];
  const views = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack}` : "",
    ...everyString(value),
  ];
  for (const view of views) {
    for (const secret of secrets) {
      expect(view.includes(secret), `${label} leaks a secret in: ${view.slice(0, 200)}`).toBe(false);
      expect(view.includes(encodeURIComponent(secret)), `${label} leaks an encoded secret`).toBe(false);
    }
  }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("DEVELOPERS.md rule 5: no secret in any error or in the client", () => {
  it("the client itself: toJSON, toString, util.inspect, console-style formatting", () => {
    const client = new TwitterOAuth(options);
    assertClean(client, "client");
    expect(inspect(client)).toContain("[redacted]");
  });

  it("every HTTP error path, even when X echoes the secrets back", async () => {
    const client = new TwitterOAuth(options);
    const errors = [
      await caught(client.getRequestToken()),
      await caught(client.exchangeVerifier(pair, "verifier")),
      await caught(client.verifyCredentials(pair)),
      await caught(client.invalidateToken(pair)),
      await caught(new TwitterOAuth({ ...options, baseUrl: "https://redirect.test" }).getRequestToken()),
      await caught(new TwitterOAuth({ ...options, baseUrl: "https://bad.test" }).getRequestToken()),
    ];
    expect(signatures.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const [i, error] of errors.entries()) assertClean(error, `error ${i}`);
  });

  it("network, timeout, abort and argument errors", async () => {
    const failing = new TwitterOAuth({ ...options, fetch: async () => Promise.reject(new TypeError("fetch failed")) });
    const hanging = new TwitterOAuth({
      ...options,
      timeout: 10,
      fetch: (_i, init) =>
        new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason))),
    });
    const errors = [
      await caught(failing.exchangeVerifier(pair, "v")),
      await caught(hanging.verifyCredentials(pair)),
      await caught(
        signRequest({ method: "GET", url: "https://a.test/" }, { consumerKey: "", consumerSecret: CONSUMER_SECRET }),
      ),
      await caught(
        signRequest(
          { method: "GET", url: "https://a.test/" },
          { consumerKey: "k", consumerSecret: CONSUMER_SECRET + "\uD800" },
        ),
      ),
      await caught(
        signRequest(
          { method: "GET", url: "https://a.test/" },
          { consumerKey: "k", consumerSecret: "s", tokenSecret: TOKEN_SECRET + "\uDC00" },
        ),
      ),
    ];
    for (const [i, error] of errors.entries()) assertClean(error, `error ${i}`);
  });

  it("callback and sealed-state errors", async () => {
    const client = new TwitterOAuth(options);
    const sealed = await sealRequestToken(
      { token: "t", tokenSecret: TOKEN_SECRET, callbackConfirmed: true },
      SEAL_SECRET,
    );
    const errors = [
      await caught(unsealRequestToken(sealed.slice(0, -3) + "AAA", SEAL_SECRET)),
      await caught(unsealRequestToken(sealed, SEAL_SECRET.replace("a", "b"))),
      await caught(unsealRequestToken(sealed, SEAL_SECRET, { now: () => Date.now() + 3_600_000 })),
      await caught(
        sealRequestToken({ token: "t", tokenSecret: TOKEN_SECRET, callbackConfirmed: true }, SEAL_SECRET.slice(0, 20)),
      ),
      await caught(Promise.resolve().then(() => client.parseCallback("oauth_token=t&oauth_verifier=v", "other"))),
      await caught(Promise.resolve().then(() => client.parseCallback(`denied=t`))),
    ];
    for (const [i, error] of errors.entries()) assertClean(error, `error ${i}`);
  });
});
