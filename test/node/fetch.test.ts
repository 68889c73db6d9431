/**
 * nodeFetch (src/node/fetch.ts): a fetch over node:http for the clients' `fetch` option. Each
 * behaviour is checked on the wire, against a node:http server of this process that records what
 * it received, and against what Node's own fetch (undici) does with the same request where fetch
 * defines the answer (Fetch Standard: null body statuses, "manual" redirects, abort reasons).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { inspect } from "node:util";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TwitterOAuth, isTwitterOAuthError } from "../../src/index.js";
import { nodeFetch, toNodeListener } from "../../src/node/index.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { type Listening, listen } from "../support/http.js";

let server: Listening | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Serves `answer` and records every request it received, body included. */
async function serve(answer: (request: Received, response: ServerResponse) => void): Promise<{
  origin: string;
  received: Received[];
}> {
  const received: Received[] = [];
  server = await listen((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const seen = { method: request.method!, url: request.url!, headers: request.headers, body };
      received.push(seen);
      answer(seen, response);
    });
  });
  return { origin: server.origin, received };
}

describe("nodeFetch: the request on the wire", () => {
  it("sends the method, the URL with its query, the caller's headers and a string body with its length", async () => {
    const { origin, received } = await serve((_, response) => response.end("ok"));
    const response = await nodeFetch(`${origin}/oauth/request_token?x=1`, {
      method: "post",
      headers: { authorization: 'OAuth oauth_consumer_key="k"', "content-type": "application/x-www-form-urlencoded" },
      body: "a=%C3%A9",
      redirect: "manual",
    });
    expect(await response.text()).toBe("ok");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/oauth/request_token?x=1", body: "a=%C3%A9" });
    expect(received[0]!.headers).toMatchObject({
      authorization: 'OAuth oauth_consumer_key="k"',
      "content-type": "application/x-www-form-urlencoded",
      "content-length": "8",
      accept: "*/*",
      "user-agent": "node",
    });
    // No Accept-Encoding: the answer comes back as it is, with nothing to decode.
    expect(received[0]!.headers["accept-encoding"]).toBeUndefined();
  });

  it("counts a body's length in UTF-8 bytes, and sends a URLSearchParams body as a form, as fetch does", async () => {
    const { origin, received } = await serve((_, response) => response.end());
    await (await nodeFetch(origin, { method: "POST", body: "é", redirect: "manual" })).text();
    await (
      await nodeFetch(new URL(origin), { method: "POST", body: new URLSearchParams({ a: "b c" }), redirect: "manual" })
    ).text();
    await (await nodeFetch(origin, { method: "PUT", body: new Uint8Array([1, 2, 3]), redirect: "manual" })).text();
    expect(received.map((r) => r.headers["content-length"])).toEqual(["2", "5", "3"]);
    expect(received[1]!.body).toBe("a=b+c");
    expect(received[1]!.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(received[2]!.method).toBe("PUT");
  });

  it("sends a GET without a body or a Content-Length", async () => {
    const { origin, received } = await serve((_, response) => response.end());
    await (await nodeFetch(origin, { redirect: "manual" })).text();
    expect(received[0]!.method).toBe("GET");
    expect(received[0]!.headers["content-length"]).toBeUndefined();
    expect(received[0]!.headers["transfer-encoding"]).toBeUndefined();
  });
});

describe("nodeFetch: the answer, as fetch gives it", () => {
  it("has the status, status text, every header (repeated ones joined) and the body", async () => {
    const { origin } = await serve((_, response) => {
      response.writeHead(401, "Unauthorized", [
        ["content-type", "application/json"],
        ["x-rate-limit-remaining", "14"],
        ["set-cookie", "a=1"],
        ["set-cookie", "b=2"],
      ]);
      response.end('{"errors":[{"code":32}]}');
    });
    const response = await nodeFetch(origin, { redirect: "manual" });
    expect(response.status).toBe(401);
    expect(response.statusText).toBe("Unauthorized");
    expect(response.ok).toBe(false);
    expect(response.headers.get("x-rate-limit-remaining")).toBe("14");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ errors: [{ code: 32 }] });
  });

  it('returns a 3xx as it is, with its Location, never following it ("manual", as Node\'s fetch does)', async () => {
    const { origin, received } = await serve((_, response) => {
      response.writeHead(302, { location: "https://elsewhere.example/" }).end("moved");
    });
    const ours = await nodeFetch(`${origin}/a`, { redirect: "manual" });
    const nodes = await fetch(`${origin}/a`, { redirect: "manual" });
    expect([ours.status, ours.headers.get("location")]).toEqual([nodes.status, nodes.headers.get("location")]);
    expect(ours.status).toBe(302);
    await ours.text();
    await nodes.text();
    expect(received.map((r) => r.url)).toEqual(["/a", "/a"]);
  });

  it("has no body for 204, 205 and 304 and for HEAD (Fetch Standard, null body status)", async () => {
    const { origin } = await serve((request, response) => {
      const status = Number(request.url!.slice(1)) || 200;
      response.writeHead(status, { "content-length": status === 200 ? "5" : "0" }).end(status === 200 ? "hello" : "");
    });
    for (const status of [204, 205, 304]) {
      expect((await nodeFetch(`${origin}/${status}`, { redirect: "manual" })).body, String(status)).toBeNull();
    }
    expect((await nodeFetch(`${origin}/200`, { method: "HEAD", redirect: "manual" })).body).toBeNull();
    expect(await (await nodeFetch(`${origin}/200`, { redirect: "manual" })).text()).toBe("hello");
  });

  it("decodes a gzip, deflate or br Content-Encoding, as fetch does", async () => {
    const text = '{"id_str":"1","screen_name":"ada"}'.repeat(50);
    const encoded: Record<string, Uint8Array> = {
      gzip: gzipSync(text),
      deflate: deflateSync(text),
      br: brotliCompressSync(text),
    };
    const { origin } = await serve((request, response) => {
      const coding = request.url!.slice(1);
      response.writeHead(200, { "content-encoding": coding }).end(encoded[coding]);
    });
    for (const coding of Object.keys(encoded)) {
      expect(await (await nodeFetch(`${origin}/${coding}`, { redirect: "manual" })).text(), coding).toBe(text);
    }
  });

  it("streams the body as it is read: a reader that stops early leaves the rest unsent and the connection closed", async () => {
    const chunk = "x".repeat(64 * 1024);
    let written = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const { origin } = await serve((_, response) => {
      response.on("close", () => closed());
      // 256 MiB, written only as fast as the client takes it.
      const more = (): void => {
        while (written < 4096) {
          written++;
          if (!response.write(chunk)) {
            response.once("drain", more);
            return;
          }
        }
        response.end();
      };
      more();
    });
    const response = await nodeFetch(origin, { redirect: "manual" });
    const reader = response.body!.getReader();
    let read = 0;
    while (read < 1024 * 1024) read += (await reader.read()).value!.byteLength;
    await reader.cancel();
    await connectionClosed;
    // Socket buffers hold some megabytes; the answer is 256 MiB.
    expect(written).toBeLessThan(1024);
  });
});

describe("nodeFetch: failures, as fetch reports them", () => {
  it("rejects with the signal's reason when aborted before sending, while waiting for the answer, or while reading it", async () => {
    const { origin } = await serve((request, response) => {
      if (request.url === "/slow") return; // never answers
      response.write("first part");
      // the rest never comes
    });
    const before = AbortSignal.abort(new Error("before"));
    await expect(nodeFetch(origin, { redirect: "manual", signal: before })).rejects.toThrow("before");

    const waiting = new AbortController();
    const pending = nodeFetch(`${origin}/slow`, { redirect: "manual", signal: waiting.signal });
    setTimeout(() => waiting.abort(new DOMException("The request timed out", "TimeoutError")), 50);
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });

    const reading = new AbortController();
    const response = await nodeFetch(`${origin}/body`, { redirect: "manual", signal: reading.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first part");
    reading.abort(new Error("stopped reading"));
    await expect(reader.read()).rejects.toThrow("stopped reading");
  });

  it("rejects with TypeError 'fetch failed' and the cause when nothing listens", async () => {
    const { origin } = await serve((_, response) => response.end());
    await server!.close();
    server = undefined;
    const error = await nodeFetch(origin, { redirect: "manual" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect((error as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("errors the body with TypeError 'terminated' when the connection is lost before its end", async () => {
    const { origin } = await serve((_, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write("only part of it");
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const response = await nodeFetch(origin, { redirect: "manual" });
    await expect(response.text()).rejects.toThrow(TypeError);
  });
});

/** Runs `action` while `process.getBuiltinModule` is `value`, then puts the real one back. */
async function withGetBuiltinModule<T>(value: unknown, action: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule")!;
  Object.defineProperty(process, "getBuiltinModule", { value, configurable: true, writable: true });
  try {
    return await action();
  } finally {
    Object.defineProperty(process, "getBuiltinModule", original);
  }
}

/** A signed-looking form POST, as the clients send their calls to X. */
function postForm(url: string, body: string): Promise<Response> {
  return nodeFetch(url, { method: "POST", headers: { authorization: "OAuth x" }, body, redirect: "manual" });
}

describe("nodeFetch: what it leaves to the runtime's fetch", () => {
  it("hands a Request, a redirect mode other than manual, a FormData or Blob body and the caller's Accept-Encoding to globalThis.fetch unchanged", async () => {
    const global = vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("from fetch"));
    const calls: Array<[string | URL | Request, RequestInit?]> = [
      [new Request("http://127.0.0.1:9/")],
      ["http://127.0.0.1:9/", { redirect: "follow" }],
      ["http://127.0.0.1:9/", {}],
      ["http://127.0.0.1:9/", { method: "POST", body: new FormData(), redirect: "manual" }],
      ["http://127.0.0.1:9/", { method: "POST", body: new Blob(["x"]), redirect: "manual" }],
      ["http://127.0.0.1:9/", { headers: { "accept-encoding": "gzip" }, redirect: "manual" }],
      ["data:text/plain,hi", { redirect: "manual" }],
      ["http://user:pass@127.0.0.1:9/", { redirect: "manual" }],
      ["not a url", { redirect: "manual" }],
    ];
    for (const [input, init] of calls) expect(await (await nodeFetch(input, init)).text()).toBe("from fetch");
    expect(global.mock.calls).toEqual(calls.map(([input, init]) => [input, init ?? {}]));
  });

  it("is the global fetch where the runtime has no process.getBuiltinModule (browsers, Workers)", async () => {
    const global = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("from fetch"));
    const init: RequestInit = { method: "POST", body: "a=b", redirect: "manual" };
    await withGetBuiltinModule(undefined, async () => {
      expect(await (await nodeFetch("http://127.0.0.1:9/", init)).text()).toBe("from fetch");
    });
    expect(global).toHaveBeenCalledWith("http://127.0.0.1:9/", init);
  });
});

describe("nodeFetch as the fetch option of TwitterOAuth, against the fake X on loopback", () => {
  async function fakeX(): Promise<{ origin: string; fake: ReturnType<typeof createFakeTwitter> }> {
    const fake = createFakeTwitter({ strict: true });
    server = await listen(toNodeListener(fake.fetch));
    return { origin: server.origin, fake };
  }

  it("runs the three legs of a sign-in and a signed API call, every signature checked by the fake", async () => {
    const { origin, fake } = await fakeX();
    const x = new TwitterOAuth({
      consumerKey: defaultConsumer.key,
      consumerSecret: defaultConsumer.secret,
      callbackUrl: "http://127.0.0.1/callback",
      baseUrl: origin,
      fetch: nodeFetch,
    });
    const requestToken = await x.getRequestToken();
    const callback = fake.approve(requestToken.token);
    const { verifier } = x.parseCallback(callback, requestToken);
    const access = await x.exchangeVerifier(requestToken, verifier);
    const user = await x.verifyCredentials(access);
    expect(user.screen_name).toBe(access.screenName);
    const answer = await x.fetch(`${origin}/1.1/account/verify_credentials.json`, { token: access });
    expect(answer.status).toBe(200);
  });

  it("keeps the client's guarantees: a timeout is TIMEOUT, an answer over the cap is refused unread, no secret in the errors", async () => {
    let bytesWritten = 0;
    const { origin } = await serve((request, response) => {
      if (request.url!.startsWith("/oauth/request_token")) return; // never answers
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = "[".padEnd(64 * 1024, " ");
      const more = (): void => {
        while (bytesWritten < 64 * 1024 * 1024) {
          bytesWritten += chunk.length;
          if (!response.write(chunk)) {
            response.once("drain", more);
            return;
          }
        }
        response.end();
      };
      more();
    });
    const secrets = { consumerSecret: "consumer-secret-nodefetch", tokenSecret: "token-secret-nodefetch" };
    const x = new TwitterOAuth({
      consumerKey: "key",
      consumerSecret: secrets.consumerSecret,
      callbackUrl: "http://127.0.0.1/callback",
      baseUrl: origin,
      timeout: 100,
      fetch: nodeFetch,
    });
    const timedOut = await x.getRequestToken().catch((e: unknown) => e);
    expect(isTwitterOAuthError(timedOut) && timedOut.code).toBe("TIMEOUT");
    const tooLarge = await x
      .verifyCredentials({ token: "token", tokenSecret: secrets.tokenSecret })
      .catch((e: unknown) => e);
    expect(isTwitterOAuthError(tooLarge) && tooLarge.code).toBe("INVALID_RESPONSE");
    // 64 MiB offered; the client read its cap and closed the connection.
    expect(bytesWritten).toBeLessThan(16 * 1024 * 1024);
    for (const error of [timedOut, tooLarge]) {
      const shown = `${inspect(error, { depth: 10 })} ${JSON.stringify(error)} ${String(error)}`;
      for (const secret of Object.values(secrets)) expect(shown).not.toContain(secret);
    }
  });
});

describe("nodeFetch under msw (msw/node intercepts node:http as well as fetch)", () => {
  it("answers from the msw handler, which sees the method, headers and body sent", async () => {
    const seen: Array<[string, string | null, string]> = [];
    const mock = setupServer(
      http.post("https://api.x.com/oauth/request_token", async ({ request }) => {
        seen.push([request.method, request.headers.get("authorization"), await request.text()]);
        return HttpResponse.text("oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true");
      }),
    );
    mock.listen({ onUnhandledRequest: "error" });
    try {
      const response = await postForm("https://api.x.com/oauth/request_token", "a=b");
      expect(await response.text()).toBe("oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true");
      expect(seen).toEqual([["POST", "OAuth x", "a=b"]]);
    } finally {
      mock.close();
    }
  });
});

describe("nodeFetch: https", () => {
  it("sends an https URL through node:https's request, with the same method, headers and body", async () => {
    const { origin, received } = await serve((_, response) => response.end("over tls"));
    const real = process.getBuiltinModule;
    const httpsCalls: string[] = [];
    // node:https stands in as node:http to this test's plain server (a real TLS server needs a
    // certificate this machine's trust store accepts): what is checked is which module is asked.
    const http = real("node:http");
    const fakeHttps = {
      request: (url: URL, options: object, onResponse: (response: IncomingMessage) => void) => {
        httpsCalls.push(url.href);
        return http.request(new URL(url.pathname + url.search, origin), options, onResponse);
      },
    };
    const builtins = (id: string): unknown => (id === "node:https" ? fakeHttps : real(id));
    await withGetBuiltinModule(builtins, async () => {
      expect(await (await postForm("https://api.x.com/oauth/request_token?a=1", "b=2")).text()).toBe("over tls");
    });
    expect(httpsCalls).toEqual(["https://api.x.com/oauth/request_token?a=1"]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/oauth/request_token?a=1", body: "b=2" });
    expect(received[0]!.headers.authorization).toBe("OAuth x");
  });
});
