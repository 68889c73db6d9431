import { afterEach, describe, expect, it, vi } from "vitest";
import type { NodeRequestLike, NodeResponseLike } from "../../src/common/node-listener.js";
import { signRequest } from "../../src/oauth1/index.js";
import { toNodeListener } from "../../src/node/index.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { type Listening, listen, rawRequest } from "../support/http.js";

let server: Listening | undefined;

async function serve(
  handler: (request: Request) => Response | Promise<Response>,
  options?: Parameters<typeof toNodeListener>[1],
): Promise<string> {
  server = await listen(toNodeListener(handler, options));
  return server.origin;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A raw request, to send what fetch would not (no Host header). */
function raw(origin: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return rawRequest({ port: new URL(origin).port, path, headers });
}

describe("toNodeListener", () => {
  it("serves the fake X over node:http: the signature covers the URL built from the Host header", async () => {
    const origin = await serve(createFakeTwitter().fetch);
    const url = `${origin}/oauth/request_token`;
    const signed = await signRequest(
      { method: "POST", url },
      { consumerKey: defaultConsumer.key, consumerSecret: defaultConsumer.secret },
      { callback: "oob" },
    );
    const response = await fetch(url, { method: "POST", headers: { authorization: signed.authorization } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(new URLSearchParams(await response.text()).get("oauth_callback_confirmed")).toBe("true");
  });

  it("passes method, headers and body through, and keeps every Set-Cookie", async () => {
    const origin = await serve(async (request) => {
      const headers = new Headers({ "x-method": request.method, "x-seen": request.headers.get("x-test") ?? "" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response(`${request.url} ${await request.text()}`, { status: 201, headers });
    });
    const response = await fetch(`${origin}/p?q=1`, { method: "PUT", body: "hello", headers: { "x-test": "yes" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-method")).toBe("PUT");
    expect(response.headers.get("x-seen")).toBe("yes");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.text()).toBe(`${origin}/p?q=1 hello`);
  });

  it("options.origin replaces the Host header (behind a proxy)", async () => {
    const origin = await serve((request) => new Response(request.url), { origin: "https://api.example" });
    expect(await (await fetch(`${origin}/x?y=1`)).text()).toBe("https://api.example/x?y=1");
  });

  it("answers 413 for a body over the limit (declared, or read by the handler) and 400 without a Host header", async () => {
    let origin = await serve(() => new Response("never"), { maxBodyBytes: 10 });
    expect((await fetch(origin, { method: "POST", body: "x".repeat(11) })).status).toBe(413);
    expect((await raw(origin, "/", {})).status).toBe(400);
    await server!.close();
    origin = await serve(async (request) => new Response(await request.text()), { maxBodyBytes: 10 });
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(11)));
        controller.close();
      },
    });
    const answer = await fetch(origin, { method: "POST", body: chunked, duplex: "half" } as RequestInit);
    expect(answer.status).toBe(413);
  });

  it("refuses a handler that is not a function", () => {
    expect(() => toNodeListener(42 as unknown as () => Response)).toThrow(/handler must be a function/);
  });

  it.each([
    [Number.NaN, "NaN"],
    [-1, "-1"],
    [1.5, "1.5"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["1024", "string"],
  ])("refuses maxBodyBytes %s with a TypeError", (value, shown) => {
    expect(() => toNodeListener(() => new Response(""), { maxBodyBytes: value as number })).toThrow(
      new TypeError(`options.maxBodyBytes must be a whole number of bytes (0 or more), got ${shown}`),
    );
  });
});

/** A Node-like request whose body sends `first` and then never another byte; counts the bytes taken from it. */
function stalledPost(first: string): NodeRequestLike & { bytesRead: number; stalled: Promise<void> } {
  let markStalled = () => {};
  const stalled = new Promise<void>((resolve) => {
    markStalled = resolve;
  });
  const request = {
    method: "POST",
    url: "/upload",
    headers: { host: "app.example", "content-type": "application/x-www-form-urlencoded" },
    bytesRead: 0,
    stalled,
    async *[Symbol.asyncIterator]() {
      request.bytesRead += first.length;
      yield new TextEncoder().encode(first);
      markStalled();
      await new Promise(() => {}); // the rest of the body never arrives
    },
  };
  return request;
}

/** A Node-like response that records what was sent, and settles `ended` when it is. */
function recordingResponse(): NodeResponseLike & {
  ended: Promise<void>;
  body: string;
  headers: Record<string, unknown>;
} {
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const response = {
    statusCode: 200,
    headers: {} as Record<string, unknown>,
    body: "",
    ended,
    setHeader(name: string, value: string | string[]) {
      response.headers[name] = value;
    },
    end(chunk?: Uint8Array | string) {
      response.body = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      markEnded();
    },
  };
  return response;
}

describe("toNodeListener reads a body only when the handler does", () => {
  it.each([
    ["as a plain listener", false],
    ["as Express middleware", true],
  ])(
    "%s: a POST whose body never arrives is answered by a handler that does not read it, 0 bytes read",
    async (_, middleware) => {
      const listener = toNodeListener(() => new Response("ok", { status: 202 }));
      const request = stalledPost("a=1");
      const response = recordingResponse();
      void listener(request, response, middleware ? () => {} : undefined);
      // Either the answer comes, or the listener is stuck waiting for the rest of the body.
      const outcome = await Promise.race([response.ended.then(() => "answered"), request.stalled.then(() => "stuck")]);
      expect(outcome).toBe("answered");
      expect(response.statusCode).toBe(202);
      expect(request.bytesRead).toBe(0);
    },
  );

  it("a handler that reads the body gets it, as a plain listener", async () => {
    const listener = toNodeListener(async (request) => new Response(`got ${(await request.formData()).get("a")}`));
    const request = {
      method: "POST",
      url: "/",
      headers: { host: "app.example", "content-type": "application/x-www-form-urlencoded" },
      async *[Symbol.asyncIterator]() {
        yield "a=1";
      },
    };
    const response = recordingResponse();
    await listener(request, response);
    expect(response.body).toBe("got 1");
  });
});

describe("toNodeListener and an error thrown by the handler (the app's own bug)", () => {
  it("a plain listener answers 500 and reports the error to onError", async () => {
    const reported: unknown[] = [];
    const boom = new Error("onSuccess failed: database down");
    const listener = toNodeListener(
      () => {
        throw boom;
      },
      { onError: (error) => reported.push(error) },
    );
    const response = recordingResponse();
    await listener(
      { method: "GET", url: "/", headers: { host: "app.example" }, async *[Symbol.asyncIterator]() {} },
      response,
    );
    expect(response.statusCode).toBe(500);
    expect(response.body).toBe("Internal server error");
    expect(reported).toEqual([boom]);
  });

  it("by default the error goes to console.error, as Node frameworks log it", async () => {
    const boom = new Error("onSuccess failed");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const listener = toNodeListener(async () => {
        throw boom;
      });
      const response = recordingResponse();
      await listener(
        { method: "GET", url: "/", headers: { host: "app.example" }, async *[Symbol.asyncIterator]() {} },
        response,
      );
      expect(response.statusCode).toBe(500);
      expect(logged.mock.calls.some((call) => call.includes(boom))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("as Express middleware the error goes to next(error), and nothing is written", async () => {
    const boom = new Error("onSuccess failed");
    const listener = toNodeListener(() => {
      throw boom;
    });
    const response = recordingResponse();
    const passed: unknown[] = [];
    await listener(
      { method: "GET", url: "/", headers: { host: "app.example" }, async *[Symbol.asyncIterator]() {} },
      response,
      (error) => passed.push(error),
    );
    expect(passed).toEqual([boom]);
    expect(response.body).toBe("");
  });
});

describe("toNodeListener and Response.error()", () => {
  it("destroys the socket: the client sees the connection drop (the fake's injected drop)", async () => {
    const fake = createFakeTwitter();
    fake.fail({ drop: true });
    const origin = await serve(fake.fetch);
    const error = await fetch(`${origin}/oauth/request_token`, { method: "POST" }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    // The server lives on: the next request is answered.
    expect((await fetch(`${origin}/oauth/request_token`, { method: "POST" })).status).toBe(400);
  });
});

describe("toNodeListener turns Node's headers into the Request's", () => {
  const get = (url: string, headers: NodeRequestLike["headers"]): NodeRequestLike => ({
    method: "GET",
    url,
    headers,
    async *[Symbol.asyncIterator]() {},
  });

  it("keeps each value of a repeated header, drops HTTP/2 pseudo-headers and missing values", async () => {
    let seen: Array<[string, string]> = [];
    const listener = toNodeListener((request) => {
      seen = [...request.headers];
      return new Response("ok");
    });
    await listener(
      get("/", { host: "app.example", ":authority": "app.example", "x-a": ["1", "2"], "x-b": undefined, "x-c": "3" }),
      recordingResponse(),
    );
    expect(seen).toEqual([
      ["host", "app.example"],
      ["x-a", "1, 2"],
      ["x-c", "3"],
    ]);
  });

  /** Sends each [Host, target] in turn to one listener: the URLs its handler saw, and every status. */
  async function sendEach(
    requests: Array<[host: string, target: string]>,
  ): Promise<{ urls: string[]; statuses: number[] }> {
    const urls: string[] = [];
    const listener = toNodeListener((request) => {
      urls.push(request.url);
      return new Response("ok");
    });
    const statuses: number[] = [];
    for (const [host, target] of requests) {
      const response = recordingResponse();
      await listener(get(target, { host }), response);
      statuses.push(response.statusCode);
    }
    return { urls, statuses };
  }

  it("builds each request's URL from its own Host, and still refuses a target for another origin", async () => {
    const { urls, statuses } = await sendEach([
      ["a.example", "/1"],
      ["a.example", "/2"],
      ["b.example:8080", "/3"],
      ["b.example:8080", "http://a.example/4"],
      ["a.example", "/5"],
    ]);
    expect(urls).toEqual(["http://a.example/1", "http://a.example/2", "http://b.example:8080/3", "http://a.example/5"]);
    expect(statuses).toEqual([200, 200, 200, 400, 200]);
  });

  it("refuses a target naming another host however it is spelled, and accepts its own host in any spelling", async () => {
    const { urls, statuses } = await sendEach([
      // WHATWG URL reads "//host" and, in http(s) URLs, "/\\host" as an authority: another origin.
      ["a.example", "//evil.example/1"],
      ["a.example", "/\\evil.example/2"],
      ["a.example", "/\t/evil.example/3"],
      ["a.example", "https://a.example/4"],
      // The same origin spelled otherwise than URL writes it: upper case, the default port.
      ["A.Example", "/5"],
      ["a.example:80", "/6"],
      ["a.example", "http://a.example/7"],
    ]);
    expect(statuses).toEqual([400, 400, 400, 400, 200, 200, 200]);
    expect(urls).toEqual(["http://a.example/5", "http://a.example/6", "http://a.example/7"]);
  });

  it("parses the request's URL once: the origin built from a lower-case Host is not parsed again", async () => {
    const parsed: unknown[][] = [];
    const Counting = class extends URL {
      constructor(...args: ConstructorParameters<typeof URL>) {
        parsed.push(args);
        super(...args);
      }
    };
    const listener = toNodeListener(() => new Response("ok"));
    const response = recordingResponse();
    vi.stubGlobal("URL", Counting);
    try {
      await listener(get("/auth/x/callback?oauth_token=t", { host: "app.example:3000" }), response);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(response.statusCode).toBe(200);
    // The Request parses the URL's text again (one argument): only the parses with the base count.
    const own = parsed.filter((args) => args.includes("http://app.example:3000"));
    expect(own).toEqual([["/auth/x/callback?oauth_token=t", "http://app.example:3000"]]);
  });

  it("ends a response without a body (a redirect) with no chunk, and writes a body otherwise", async () => {
    const chunks: Array<Uint8Array | string | undefined> = [];
    const answers = [
      new Response(null, { status: 302, headers: { location: "/next" } }),
      new Response("text", { status: 200 }),
    ];
    const listener = toNodeListener(() => answers.shift()!);
    for (let i = 0; i < 2; i++) {
      const response = recordingResponse();
      const end = response.end;
      response.end = (chunk) => {
        chunks.push(chunk);
        return end(chunk);
      };
      await listener(get("/", { host: "app.example" }), response);
    }
    expect(chunks[0]).toBeUndefined();
    expect(new TextDecoder().decode(chunks[1] as Uint8Array)).toBe("text");
  });
});
