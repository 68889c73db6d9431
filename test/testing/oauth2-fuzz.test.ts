// Malformed requests to the OAuth 2.0 endpoints: every one answered, never a 500 or a throw; the
// token and revocation endpoints answer POSTs with RFC 6749 5.2's {"error","error_description"}.
// Fixed seed, so a failure reproduces.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFakeTwitter, defaultClient } from "../../src/testing/index.js";
import { ORIGIN } from "./helpers.js";
import { basic } from "./oauth2-helpers.js";

const PATHS = ["/2/oauth2/token", "/2/oauth2/revoke", "/i/oauth2/authorize"];
const METHODS = ["GET", "POST", "PUT", "HEAD", "X-WEIRD"];
const FIELDS = [
  "grant_type",
  "code",
  "redirect_uri",
  "code_verifier",
  "refresh_token",
  "subject_token",
  "subject_token_type",
  "oauth_token_secret",
  "scope",
  "client_id",
  "client_secret",
  "token",
  "response_type",
  "state",
  "code_challenge",
  "code_challenge_method",
];
const VALUES = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    "",
    "%",
    "%zz",
    "authorization_code",
    "refresh_token",
    "urn:ietf:params:oauth:grant-type:token-exchange",
    "urn:x:params:oauth:token-type:oauth1_token",
    defaultClient.clientId,
    "https://app.example/cb",
    "code",
    "S256",
    "plain",
    "tweet.read users.read offline.access",
    "a".repeat(43),
    "x".repeat(5000),
  ),
);
const form = fc
  .array(fc.tuple(fc.constantFrom(...FIELDS), VALUES), { maxLength: 10 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"));
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
const authorization = fc.oneof(
  fc.constant(undefined),
  headerText,
  fc.constantFrom(
    basic(defaultClient.clientId, defaultClient.clientSecret!),
    basic(defaultClient.clientId, "wrong"),
    "Basic",
    "Basic ====",
    `Basic ${btoa("no-colon")}`,
    `Basic ${btoa("%zz:%zz")}`,
    "Bearer abc",
    "Bearer ",
  ),
);
const contentType = fc.constantFrom(undefined, "application/x-www-form-urlencoded", "application/json", "text/plain");

describe("fuzz: the OAuth 2.0 endpoints", () => {
  it("3,000 random requests: never a 5xx, never the fake's fallback; token and revoke POSTs answer OAuth 2.0 errors", async () => {
    const fake = createFakeTwitter();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.constantFrom(...PATHS),
        form,
        form,
        authorization,
        contentType,
        async (method, path, query, body, auth, type) => {
          const headers: Record<string, string> = {};
          if (auth !== undefined) headers.authorization = auth;
          if (type !== undefined) headers["content-type"] = type;
          let request: Request;
          try {
            request = new Request(`${ORIGIN}${path}?${query}`, {
              method,
              headers,
              body: method === "GET" || method === "HEAD" ? null : body,
            });
          } catch {
            return; // fetch refuses the combination, so no server would see it
          }
          sent++;
          const response = await fake.fetch(request);
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get("x-fake-twitter-error")).toBeNull();
          if (method === "POST" && path.startsWith("/2/oauth2/")) {
            expect(response.status).toBeGreaterThanOrEqual(400);
            const parsed = (await response.json()) as { error: unknown; error_description: unknown };
            expect(typeof parsed.error).toBe("string");
            expect(typeof parsed.error_description).toBe("string");
          } else {
            await response.body?.cancel();
          }
        },
      ),
      { numRuns: 3000, seed: 20261207 },
    );
    expect(sent).toBeGreaterThan(2500);
  }, 120_000);
});
