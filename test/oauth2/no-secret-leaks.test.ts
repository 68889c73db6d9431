// No client secret, access or refresh token, OAuth 1.0a token or secret, code or code verifier in
// any error or in the client, in any spelling a server may echo them in: the OAuth 2.0 client under
// the same check as the 1.0a one (test/twitter/no-secret-leaks.test.ts).
import { inspect } from "node:util";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TwitterOAuth2 as Client } from "../../src/oauth2/index.js";

// Secrets with the characters encodings treat specially (space, "/", "+", "=", "&", quotes, "<", a
// non-ASCII letter). X's own are letters, digits, "-" and "_"; these are the worst case.
const CLIENT_SECRET = "CLIENT SECRET/zq8+XvP3=kLw9&NfR2";
const OAUTH1 = { token: "OAUTH1-TOKEN-1234-abcd", tokenSecret: "OAUTH1SECRET<mB7>\"cQx4'JhT1é" };
const REFRESH = "REFRESH-TOKEN+/=refresh";
const ACCESS = "ACCESS-TOKEN-zzzz-access";
const CODE = "AUTHORIZATION-CODE-code";
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const SECRETS = [CLIENT_SECRET, OAUTH1.token, OAUTH1.tokenSecret, REFRESH, ACCESS, CODE, VERIFIER];

// How a server or a proxy may spell what it echoes, written here independently of src/.
const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, "0");
const SPELLINGS: Record<string, (secret: string) => string> = {
  raw: (s) => s,
  "JSON \\u": (s) => Array.from({ length: s.length }, (_, i) => `\\u${hex(s.charCodeAt(i), 4).toLowerCase()}`).join(""),
  "decimal entities": (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(""),
  "percent, upper hex": (s) =>
    utf8(s)
      .map((b) => `%${hex(b, 2)}`)
      .join(""),
  "form (+ for space)": (s) => new URLSearchParams({ s }).toString().slice(2),
};

let echoed = Object.keys(SPELLINGS);
afterEach(() => {
  echoed = Object.keys(SPELLINGS);
});

/**
 * What the request carried that is secret (the Authorization header, its credentials, every form
 * value), and the client secret on every path, as a proxy echoing its configuration would.
 */
function secretsOf(request: Request, body: string, clientSecret: string | undefined): string[] {
  const authorization = request.headers.get("authorization") ?? "";
  const credentials = authorization.replace(/^(Basic|Bearer) /, "");
  const basic = authorization.startsWith("Basic ")
    ? atob(credentials)
        .split(":")
        .map((p) => decodeURIComponent(p.replace(/\+/g, " ")))
    : [];
  return [authorization, credentials, ...basic, ...new URLSearchParams(body).values(), clientSecret ?? ""].filter(
    (s) => s.length >= 4,
  );
}

// Every answer echoes what the request carried, in the chosen spellings, as the format asks.
function echoFetch(format: "oauth" | "error-code" | "problem" | "text", clientSecret?: string) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = await request.text();
    const leaks = secretsOf(request, body, clientSecret).flatMap((secret) =>
      echoed.map((name) => SPELLINGS[name]!(secret)),
    );
    const text = leaks.join(" ");
    if (format === "oauth") return Response.json({ error: "invalid_grant", error_description: text }, { status: 400 });
    if (format === "error-code") return Response.json({ error: leaks[0] }, { status: 400 });
    if (format === "problem")
      return Response.json({ title: "Unauthorized", detail: text, status: 401 }, { status: 401 });
    return new Response(text, { status: 503 });
  };
}

function everyString(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value))
    out.push(String(key), ...everyString((value as Record<PropertyKey, unknown>)[key], seen));
  return out;
}

// Each secret in each spelling, as [spelling, text]: spelled once here, not again for every string
// of every error checked.
const SPELLED = [...SECRETS, `Basic ${btoa("client-id:CLIENT+SECRET%2Fzq8%2BXvP3%3DkLw9%26NfR2")}`].flatMap((secret) =>
  Object.entries(SPELLINGS).map(([name, spell]): [string, string] => [name, spell(secret)]),
);

/** The first view of `value` that shows a secret in any spelling, or undefined. */
function findLeak(value: unknown): string | undefined {
  const views = [
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack}` : "",
    ...everyString(value),
  ];
  for (const view of views) {
    for (const [name, text] of SPELLED) {
      if (view.includes(text)) return `${name} of a secret in: ${view.slice(0, 300)}`;
    }
  }
  return undefined;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

/** Every call that carries a secret, against X echoing them back in each format. */
async function echoedErrors(TwitterOAuth2: typeof Client): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const format of ["oauth", "error-code", "problem", "text"] as const) {
    for (const clientSecret of [CLIENT_SECRET, undefined]) {
      const client = new TwitterOAuth2({
        clientId: "client-id",
        clientSecret,
        callbackUrl: "https://app.example/cb",
        fetch: echoFetch(format, clientSecret),
      });
      errors.push(
        await caught(client.exchangeOAuth1Token(OAUTH1)),
        await caught(client.refresh(REFRESH)),
        await caught(client.revoke(ACCESS)),
        await caught(client.exchangeCode(CODE, VERIFIER)),
        await caught(client.me(ACCESS)),
      );
    }
  }
  return errors;
}

describe("no secret in any error or in the client, in any spelling", () => {
  it("the client itself: toJSON, toString, util.inspect", () => {
    const client = new Client({ clientId: "client-id", clientSecret: CLIENT_SECRET });
    expect(findLeak(client)).toBeUndefined();
    expect(inspect(client)).toContain("[redacted]");
    expect(String(client)).toBe("TwitterOAuth2(client-id @ https://api.x.com)");
  });

  it.each(Object.keys(SPELLINGS))("every HTTP error path, when X echoes the secrets spelled: %s", async (name) => {
    echoed = [name];
    for (const [i, error] of (await echoedErrors(Client)).entries()) {
      const leak = findLeak(error);
      expect(leak, `error ${i} leaks the ${leak}`).toBeUndefined();
    }
  });

  it("X's messages survive redaction: only the secrets are replaced", async () => {
    const client = new Client({
      clientId: "client-id",
      clientSecret: CLIENT_SECRET,
      fetch: echoFetch("oauth", CLIENT_SECRET),
    });
    const error = (await caught(client.refresh(REFRESH))) as { errors: { message: string }[]; oauthError: string };
    expect(error.oauthError).toBe("invalid_grant");
    expect(error.errors[0]!.message).toMatch(/\[redacted\]/);
  });

  it("an error code that echoes a secret is not kept as oauthError", async () => {
    const client = new Client({ clientId: "client-id", fetch: echoFetch("error-code") });
    echoed = ["raw"];
    const error = (await caught(client.refresh(REFRESH))) as { oauthError: string | undefined };
    expect(error.oauthError).toBeUndefined();
  });

  it("network, timeout, callback and argument errors", async () => {
    const failing = new Client({
      clientId: "c",
      clientSecret: CLIENT_SECRET,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    const hanging = new Client({
      clientId: "c",
      clientSecret: CLIENT_SECRET,
      timeout: 10,
      fetch: (_i, init) =>
        new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason))),
    });
    const errors = [
      await caught(failing.refresh(REFRESH)),
      await caught(hanging.exchangeOAuth1Token(OAUTH1)),
      await caught(Promise.resolve().then(() => failing.parseCallback(`state=other&code=${CODE}`, VERIFIER))),
      await caught(failing.exchangeCode(CODE, `${VERIFIER}!`)),
      await caught(failing.fetch("https://evil.example/", { token: ACCESS })),
      await caught(
        Promise.resolve().then(() => new Client({ clientId: "c", clientSecret: CLIENT_SECRET, timeout: -1 })),
      ),
    ];
    for (const [i, error] of errors.entries()) {
      const leak = findLeak(error);
      expect(leak, `error ${i} leaks the ${leak}`).toBeUndefined();
    }
  });
});

describe("the leak check can fail: with the redaction switched off, it sees each spelling", () => {
  // One copy of the client with the redaction switched off serves every spelling.
  let unredacted: typeof Client;
  beforeAll(async () => {
    vi.resetModules();
    vi.doMock("../../src/common/redact.js", () => ({ redactor: () => (text: string) => text }));
    try {
      unredacted = (await import("../../src/oauth2/index.js")).TwitterOAuth2;
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
