import { inspect } from "node:util";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  TwitterOAuth,
  percentEncode,
  sealRequestToken,
  signRequest,
  unsealRequestToken,
  type TwitterOAuthOptions,
} from "../../src/index.js";

// Secrets with the characters that encodings treat specially: a space ("+" in forms), "/" ("\/" in
// PHP's JSON), "+", "=", "&", "<", ">", quotes (named entities) and a non-ASCII letter (two UTF-8
// bytes when percent-encoded). X's own secrets are letters and digits; these are the worst case.
const CONSUMER_SECRET = "CONSUMER SECRET/zq8+XvP3=kLw9&NfR2";
const TOKEN_SECRET = "TOKENSECRET<mB7>\"cQx4'JhT1é";
const SEAL_SECRET = "SEALSECRETaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const signatures: string[] = [];

// How a server, a framework or a proxy may spell a string it echoes back, each written here
// independently of src/ (the redaction under test must not check itself).
const NAMED: Record<string, string> = {
  "&": "amp",
  "<": "lt",
  ">": "gt",
  '"': "quot",
  "'": "apos",
  "/": "sol",
  "+": "plus",
  "=": "equals",
};
const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, "0");
const units = (text: string): number[] => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

const SPELLINGS: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  "JSON \\/ (PHP)": (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/"),
  "JSON \\u upper": (s) =>
    units(s)
      .map((u) => `\\u${hex(u, 4)}`)
      .join(""),
  "JSON \\u lower": (s) =>
    units(s)
      .map((u) => `\\u${hex(u, 4).toLowerCase()}`)
      .join(""),
  "decimal entities": (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(""),
  "hex entities": (s) => [...s].map((c) => `&#x${hex(c.codePointAt(0)!, 1).toLowerCase()};`).join(""),
  "hex entities, upper X": (s) => [...s].map((c) => `&#X${hex(c.codePointAt(0)!, 2)};`).join(""),
  "named entities": (s) => [...s].map((c) => (NAMED[c] ? `&${NAMED[c]};` : c)).join(""),
  "percent, upper hex": (s) =>
    utf8(s)
      .map((b) => `%${hex(b, 2)}`)
      .join(""),
  "percent, lower hex": (s) =>
    utf8(s)
      .map((b) => `%${hex(b, 2).toLowerCase()}`)
      .join(""),
  encodeURIComponent: (s) => encodeURIComponent(s),
  "form (+ for space)": (s) => new URLSearchParams({ s }).toString().slice(2),
  "RFC 3986 (percentEncode)": (s) => percentEncode(s),
};

/** Which spellings the echoing server uses: all of them, or one for the detection proof. */
let echoed: string[] = Object.keys(SPELLINGS);

function isJsonContent(text: string): boolean {
  try {
    JSON.parse(`"${text}"`);
    return true;
  } catch {
    return false;
  }
}

/** What a server could echo: the consumer secret, the token secret when the call used the token, the signature. */
function secretsOf(authorization: string): string[] {
  const signature = decodeURIComponent(/oauth_signature="([^"]+)"/.exec(authorization)?.[1] ?? "");
  signatures.push(signature);
  return [CONSUMER_SECRET, ...(authorization.includes("oauth_token=") ? [TOKEN_SECRET] : []), signature];
}

// Every answer echoes the secrets of the call and its signature, in the chosen spellings: the worst
// case of a proxy or a broken server reflecting the Authorization header and keys into a body.
function echo(status: number, format: "json" | "text" | "xml"): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    const authorization = request.headers.get("authorization") ?? "";
    const leaks = secretsOf(authorization).flatMap((secret) => echoed.map((name) => SPELLINGS[name]!(secret)));
    // the Authorization header as received, and the HMAC key (RFC 5849 3.4.2) of the call
    leaks.push(
      authorization,
      `${percentEncode(CONSUMER_SECRET)}&${authorization.includes("oauth_token=") ? percentEncode(TOKEN_SECRET) : ""}`,
    );
    if (format === "json") {
      // Each spelling as JSON content, and verbatim where that is valid JSON (the JSON-escape
      // spellings then decode to the secret itself).
      const items = leaks.flatMap((leak) => [JSON.stringify(leak), ...(isJsonContent(leak) ? [`"${leak}"`] : [])]);
      const body = `{"errors":[${items.map((m) => `{"code":32,"message":${m}}`).join(",")}]}`;
      return new HttpResponse(body, { status, headers: { "content-type": "application/json" } });
    }
    if (format === "xml") {
      const errors = leaks.map((leak) => `<error code="415">${leak}</error>`).join("");
      return new HttpResponse(`<?xml version="1.0"?><errors>${errors}</errors>`, { status });
    }
    return new HttpResponse(leaks.join(" "), { status });
  };
}

const server = setupServer(
  http.post("https://leak.test/oauth/request_token", echo(401, "json")),
  http.post("https://leak.test/oauth/access_token", echo(401, "text")),
  http.get("https://leak.test/1.1/account/verify_credentials.json", echo(403, "xml")),
  http.post("https://leak.test/1.1/oauth/invalidate_token", echo(500, "text")),
  http.get("https://leak.test/2/users/me", echo(429, "json")),
  http.post("https://redirect.test/oauth/request_token", ({ request }) => {
    const [, signature] = secretsOf(request.headers.get("authorization") ?? "");
    const location = `https://a.test/?${echoed.map((name, i) => `${i}=${SPELLINGS[name]!(signature!)}`).join("&")}`;
    return new HttpResponse(null, { status: 302, headers: { location: encodeURI(location) } });
  }),
  http.post(
    "https://bad.test/oauth/request_token",
    () => new HttpResponse("oauth_token=a&oauth_token_secret=" + encodeURIComponent(TOKEN_SECRET)),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  echoed = Object.keys(SPELLINGS);
});
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

/** Each secret (the signatures seen so far included) in each spelling, as [spelling, text]. */
let spelled: { count: number; texts: Array<[string, string]> } = { count: -1, texts: [] };
function spelledSecrets(): Array<[string, string]> {
  // Spelled once per new signature, not once per view of each value: the signatures pile up over
  // the file, and spelling them all again for every string of every error was most of its time.
  if (spelled.count !== signatures.length) {
    const secrets = new Set([CONSUMER_SECRET, TOKEN_SECRET, SEAL_SECRET, ...signatures.filter(Boolean)]);
    const texts = [...secrets].flatMap((secret) =>
      Object.entries(SPELLINGS).map(([name, spell]): [string, string] => [name, spell(secret)]),
    );
    spelled = { count: signatures.length, texts };
  }
  return spelled.texts;
}

/** The first view of `value` that shows a secret in any spelling, or undefined. */
function findLeak(value: unknown): string | undefined {
  const texts = spelledSecrets();
  const views = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack}` : "",
    ...everyString(value),
  ];
  for (const view of views) {
    for (const [name, text] of texts) {
      const at = view.indexOf(text);
      if (at >= 0)
        return `${name} of a secret in: ${view.slice(0, 200)} … ${view.slice(Math.max(0, at - 100), at + 100)}`;
    }
  }
  return undefined;
}

function assertClean(value: unknown, label: string): void {
  const leak = findLeak(value);
  expect(leak, `${label} leaks the ${leak}`).toBeUndefined();
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

type Client = typeof TwitterOAuth;

/** Every error path that carries text from the network, with X echoing the secrets back. */
async function echoedErrors(Client: Client): Promise<unknown[]> {
  const client = new Client(options);
  return [
    await caught(client.getRequestToken()),
    await caught(client.exchangeVerifier(pair, "verifier")),
    await caught(client.verifyCredentials(pair)),
    await caught(client.invalidateToken(pair)),
    await caught(new Client({ ...options, baseUrl: "https://redirect.test" }).getRequestToken()),
  ];
}

describe("no secret in any error or in the client, in any spelling", () => {
  it("the client itself: toJSON, toString, util.inspect, console-style formatting", () => {
    const client = new TwitterOAuth(options);
    assertClean(client, "client");
    expect(inspect(client)).toContain("[redacted]");
  });

  it.each(Object.keys(SPELLINGS))("every HTTP error path, when X echoes the secrets spelled: %s", async (name) => {
    echoed = [name];
    for (const [i, error] of (await echoedErrors(TwitterOAuth)).entries()) assertClean(error, `error ${i}`);
  });

  it("every HTTP error path, when X echoes the secrets in all those spellings at once", async () => {
    const errors = await echoedErrors(TwitterOAuth);
    errors.push(await caught(new TwitterOAuth({ ...options, baseUrl: "https://bad.test" }).getRequestToken()));
    expect(signatures.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    for (const [i, error] of errors.entries()) assertClean(error, `error ${i}`);
  });

  it("X's messages survive redaction: only the secrets are replaced", async () => {
    const error = (await caught(new TwitterOAuth(options).getRequestToken())) as { errors: { message: string }[] };
    expect(error.errors.length).toBeGreaterThan(0);
    for (const { message } of error.errors) expect(message).toMatch(/\[redacted\]/);
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
    // Both clocks pinned: sealed at SEALED_AT, opened an hour later, past the 15 minutes allowed.
    const SEALED_AT = Date.UTC(2026, 11, 7, 12, 0, 0);
    const sealed = await sealRequestToken(
      { token: "t", tokenSecret: TOKEN_SECRET, callbackConfirmed: true },
      SEAL_SECRET,
      { now: () => SEALED_AT },
    );
    const errors = [
      await caught(unsealRequestToken(sealed.slice(0, -3) + "AAA", SEAL_SECRET, { now: () => SEALED_AT })),
      await caught(unsealRequestToken(sealed, SEAL_SECRET.replace("a", "b"), { now: () => SEALED_AT })),
      await caught(unsealRequestToken(sealed, SEAL_SECRET, { now: () => SEALED_AT + 3_600_000 })),
      await caught(
        sealRequestToken({ token: "t", tokenSecret: TOKEN_SECRET, callbackConfirmed: true }, SEAL_SECRET.slice(0, 20)),
      ),
      await caught(Promise.resolve().then(() => client.parseCallback("oauth_token=t&oauth_verifier=v", "other"))),
      await caught(Promise.resolve().then(() => client.parseCallback(`denied=t`, "t"))),
    ];
    for (const [i, error] of errors.entries()) assertClean(error, `error ${i}`);
  });
});

describe("the leak check can fail: with the redaction switched off, it sees each spelling", () => {
  // One copy of the client with the redaction switched off serves every spelling: loading src/
  // afresh for each one cost a second apiece and proved nothing more.
  let unredacted: Client;
  beforeAll(async () => {
    vi.resetModules();
    vi.doMock("../../src/common/redact.js", () => ({ redactor: () => (text: string) => text }));
    try {
      unredacted = (await import("../../src/index.js")).TwitterOAuth;
    } finally {
      vi.doUnmock("../../src/common/redact.js");
      vi.resetModules();
    }
  });

  it.each(Object.keys(SPELLINGS))("%s", async (name) => {
    echoed = [name];
    const leaks = (await echoedErrors(unredacted)).map(findLeak);
    expect(leaks.filter(Boolean).length, `${name}: no path leaked with redaction off`).toBeGreaterThan(0);
  });
});
