// At least 10,000 malformed requests, every one answered with an X-style 4xx (X API "Response codes"),
// never a 500 and never a throw. Fixed seeds, so a failure reproduces.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { createFakeTwitter, defaultConsumer, type FakeTwitter } from "../../src/testing/index.js";
import { CALLBACK, ORIGIN, requestToken, signIn, type Tokens } from "./helpers.js";

const PAGE_PATHS = ["/oauth/authenticate", "/oauth/authorize"];
const API_PATHS = [
  "/oauth/request_token",
  "/oauth/access_token",
  "/1.1/account/verify_credentials.json",
  "/1.1/oauth/invalidate_token",
  "/1.1/statuses/update.json",
  "/2/users/me",
  "/2/tweets",
];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PROPFIND", "X-WEIRD"];
const CONTENT_TYPES = [
  undefined,
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=utf-8",
  "application/json",
  "multipart/form-data; boundary=xyz",
  "text/plain",
  "application/x-www-form-urlencoded-not",
  ";;;",
];
const HUGE = "a=" + "%".repeat(70_000);
// One body over the fake's 1 MiB cap, encoded once: encoding a megabyte string for each of the
// thousand-odd requests that carry it was a third of this file's time. A Blob of that type makes
// the same request a string body would (Content-Type text/plain;charset=utf-8 unless one is set).
const TOO_BIG = new Blob(["x".repeat(1024 * 1024 + 10)], { type: "text/plain;charset=utf-8" });

// Header values: no NUL, CR or LF (fetch refuses them), Latin-1 at most.
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const nastyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom(
    "%",
    "%zz",
    "%E0%A4%A",
    "%FF%FE",
    "%00",
    "+%2B+",
    "a=1&a=2",
    "==&&==",
    "\uD800",
    "oauth_token=&oauth_verifier",
    HUGE,
  ),
);
const oauthHeader = fc.oneof(
  headerText,
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          "oauth_consumer_key",
          "oauth_signature",
          "oauth_nonce",
          "oauth_timestamp",
          "oauth_signature_method",
          "oauth_token",
          "oauth_version",
          "oauth_callback",
          "realm",
          "x",
        ),
        headerText,
      ),
      { maxLength: 9 },
    )
    .map((pairs) => "OAuth " + pairs.map(([k, v]) => `${k}="${v.replace(/"/g, "")}"`).join(", ")),
  fc.constantFrom(
    "OAuth",
    "OAuth ",
    'OAuth oauth_consumer_key="fake-consumer-key"',
    'oauth a="%ZZ"',
    'OAuth ="x"',
    "Bearer abc",
    'OAuth oauth_timestamp="1e99", oauth_consumer_key="fake-consumer-key"',
  ),
);
const bodyBytes = fc.oneof(fc.constant(null), nastyText, fc.uint8Array({ maxLength: 400 }), fc.constant(TOO_BIG));

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function call(fake: FakeTwitter, request: Request): Promise<Answer> {
  const response = await fake.fetch(request);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** X's answers: `{"errors":[{code,message}]}`, v2's problem JSON, or X's plain-text OAuth error. */
function expectXError(answer: Answer, path: string): void {
  expect(answer.status, path).toBeGreaterThanOrEqual(400);
  expect(answer.status, path).toBeLessThan(500);
  expect(answer.headers.get("date")).toMatch(/GMT$/);
  expect(answer.headers.get("x-fake-twitter-error")).toBeNull();
  if (answer.text.startsWith("Error processing your OAuth request: ")) return;
  if (path.startsWith("/2/") && answer.headers.get("content-type") === "application/problem+json") {
    // X API v2 without credentials: {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}
    expect(JSON.parse(answer.text)).toMatchObject({ status: answer.status, title: "Unauthorized" });
    return;
  }
  const body = JSON.parse(answer.text) as { errors: Array<{ code: unknown; message: unknown }> };
  expect(body.errors.length).toBeGreaterThan(0);
  for (const error of body.errors) {
    expect(typeof error.code).toBe("number");
    expect(typeof error.message).toBe("string");
  }
}

function expectPageError(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.headers.get("date")).toMatch(/GMT$/);
  expect(answer.headers.get("x-fake-twitter-error")).toBeNull();
  if (answer.headers.get("content-type")?.startsWith("text/html")) expect(answer.text).toContain("<!doctype html>");
  else expectXError(answer, "page");
}

function buildRequest(
  method: string,
  path: string,
  query: string,
  headers: Record<string, string | undefined>,
  body: string | Uint8Array | Blob | null,
): Request {
  const init: RequestInit & { duplex?: string } = {
    method,
    headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
  };
  if (body !== null && method !== "GET" && method !== "HEAD") init.body = body as BodyInit;
  return new Request(`${ORIGIN}${path}${query === "" ? "" : "?" + encodeURI(query).replace(/#/g, "%23")}`, init);
}

describe("fuzz: malformed requests get X-style 4xx answers, never a 500 or a throw", () => {
  let fake: FakeTwitter;
  let user: Tokens;
  let pending: string[];
  /** Malformed requests actually sent (fetch refuses a few generated combinations outright). */
  const sent = { random: 0, broken: 0 };

  beforeAll(async () => {
    fake = createFakeTwitter();
    user = await signIn(fake);
    pending = [];
    for (let i = 0; i < 5; i++) pending.push((await requestToken(fake)).token);
  });

  it("7,000 requests of random methods, paths, queries, headers and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.oneof(
          fc.constantFrom(...API_PATHS, ...PAGE_PATHS),
          fc.string({ maxLength: 60 }).map((s) => "/" + s.replace(/[?#]/g, "")),
        ),
        fc.oneof(fc.constant(""), nastyText),
        fc.option(oauthHeader, { nil: undefined }),
        fc.constantFrom(...CONTENT_TYPES),
        fc.option(headerText, { nil: undefined }),
        bodyBytes,
        async (method, path, query, authorization, contentType, cookie, body) => {
          let request: Request;
          try {
            request = buildRequest(
              method,
              path,
              query.replace(/[\uD800-\uDFFF]/g, "?"),
              { authorization, "content-type": contentType, cookie },
              body,
            );
          } catch {
            return; // fetch itself refuses the combination, so no server would ever see it
          }
          sent.random++;
          const answer = await call(fake, request);
          const pathname = new URL(request.url).pathname;
          if (pathname === "/" || pathname.startsWith("/_fake/")) {
            // The index page and the control API: never a 5xx, never the "unexpected" fallback.
            expect(answer.status).toBeLessThan(500);
            expect(answer.headers.get("x-fake-twitter-error")).toBeNull();
          } else if (PAGE_PATHS.includes(pathname)) expectPageError(answer);
          else expectXError(answer, pathname);
        },
      ),
      { numRuns: 7000, seed: 20261123 },
    );
  }, 120_000);

  it("4,000 correctly signed requests broken in one place after signing", async () => {
    const targets = [
      { method: "GET", path: "/1.1/account/verify_credentials.json?include_email=true", token: () => user, body: null },
      {
        method: "POST",
        path: "/1.1/statuses/update.json",
        token: () => user,
        body: "status=Hello%20Ladies%20%2b%20Gentlemen",
      },
      { method: "POST", path: "/oauth/request_token", token: () => undefined, body: null },
      {
        method: "POST",
        path: "/oauth/access_token",
        token: () => ({ token: pending[0]!, tokenSecret: "unknown" }),
        body: "oauth_verifier=1234567",
      },
    ];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("flip-signature" as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant("insert-in-signature" as const),
        at: fc.nat(),
        text: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => /[^"\\,]/.test(t)),
      }),
      fc.record({
        kind: fc.constant("drop" as const),
        name: fc.constantFrom(
          "oauth_consumer_key",
          "oauth_signature",
          "oauth_signature_method",
          "oauth_nonce",
          "oauth_timestamp",
        ),
      }),
      fc.record({
        kind: fc.constant("duplicate-in-query" as const),
        name: fc.constantFrom("oauth_nonce", "oauth_consumer_key", "oauth_token"),
      }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("extra-query" as const), text: fc.string({ minLength: 1, maxLength: 30 }) }),
      fc.record({
        kind: fc.constant("version" as const),
        // X also takes the revision's name, 1.0A (npm oauth's README sends it).
        value: fc.string({ maxLength: 5 }).filter((v) => !["1.0", "1.0A", "1.0a"].includes(v)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), mutation, async (target, m) => {
        const url = ORIGIN + target.path;
        const token = target.token();
        const signed = await signRequest(
          { method: target.method, url, body: target.body },
          { consumerKey: defaultConsumer.key, consumerSecret: defaultConsumer.secret, ...(token ?? {}) },
          target.path === "/oauth/request_token" ? { callback: CALLBACK } : {},
        );
        let header = signed.authorization;
        let finalUrl = url;
        const sigStart = header.indexOf('oauth_signature="') + 'oauth_signature="'.length;
        const sigEnd = header.indexOf('"', sigStart);
        switch (m.kind) {
          case "flip-signature": {
            const i = sigStart + (m.at % (sigEnd - sigStart));
            header = header.slice(0, i) + (header[i] === "A" ? "B" : "A") + header.slice(i + 1);
            break;
          }
          case "insert-in-signature": {
            const i = sigStart + (m.at % (sigEnd - sigStart));
            header = header.slice(0, i) + m.text.replace(/["\\]/g, "x") + header.slice(i);
            break;
          }
          case "drop":
            header = header.replace(new RegExp(`,?\\s*${m.name}="[^"]*"`), "").replace("OAuth ,", "OAuth ");
            break;
          case "duplicate-in-query":
            finalUrl +=
              (finalUrl.includes("?") ? "&" : "?") +
              // A different value: the same value twice counts once, as on X (leniency.test.ts).
              `${m.name}=${encodeURIComponent(`${signed.oauthParams[m.name] ?? ""}x`)}`;
            break;
          case "truncate":
            header = header.slice(0, m.at % (header.length - 1));
            break;
          case "extra-query":
            finalUrl += (finalUrl.includes("?") ? "&" : "?") + "zz" + encodeURIComponent(m.text) + "=1";
            break;
          case "version":
            header = header.replace('oauth_version="1.0"', `oauth_version="${encodeURIComponent(m.value)}"`);
            break;
        }
        const headers: Record<string, string> = {};
        try {
          new Headers({ authorization: header });
          headers.authorization = header;
        } catch {
          return;
        }
        if (target.body !== null) headers["content-type"] = "application/x-www-form-urlencoded";
        sent.broken++;
        const answer = await call(fake, new Request(finalUrl, { method: target.method, headers, body: target.body }));
        expectXError(answer, `${m.kind} ${target.path}`);
      }),
      { numRuns: 4000, seed: 4242 },
    );
  }, 180_000);

  it("at least 10,000 malformed requests were sent in all", () => {
    console.info(`fuzz: ${sent.random} random and ${sent.broken} broken-after-signing requests`);
    expect(sent.random + sent.broken).toBeGreaterThanOrEqual(10_000);
  });

  it("1,000 legitimate page GETs with hostile screen_name, force_login and cookies: 200 pages that echo nothing raw", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 4 }),
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom('"><script>alert(1)</script>', "<img src=x onerror=alert(1)>", "'&\"<>"),
        ),
        fc.option(fc.constantFrom("true", "1", "false", "", "TRUE", "yes"), { nil: undefined }),
        fc.option(headerText, { nil: undefined }),
        fc.constantFrom(...PAGE_PATHS),
        async (i, screenName, forceLogin, cookie, path) => {
          const query = new URLSearchParams({ oauth_token: pending[i]!, screen_name: screenName });
          if (forceLogin !== undefined) query.set("force_login", forceLogin);
          const headers: Record<string, string> = cookie === undefined ? {} : { cookie };
          const answer = await call(fake, new Request(`${ORIGIN}${path}?${query}`, { headers }));
          expect(answer.status).toBe(200);
          expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
          expect(answer.text).not.toMatch(/<script|<img/i);
          // The prefilled username must come back as exactly what was sent, escaped (force_login or not).
          const prefill = /id="username"[^>]*value="([^"]*)"/.exec(answer.text);
          if (prefill !== null) {
            expect(prefill[1]).not.toMatch(/[<>"]/);
            expect(prefill[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))).toBe(
              screenName.slice(0, 100),
            );
          }
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
  }, 120_000);
});
