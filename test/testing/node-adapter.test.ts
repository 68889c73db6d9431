import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { toNodeListener } from "../../src/handlers/index.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";
import { type Listening, listen } from "../support/http.js";

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
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers, setHost: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
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

  it("answers 413 for a body over the limit, 400 without a Host header, and 400 when the handler throws", async () => {
    let origin = await serve(() => new Response("never"), { maxBodyBytes: 10 });
    expect((await fetch(origin, { method: "POST", body: "x".repeat(11) })).status).toBe(413);
    expect((await raw(origin, "/", {})).status).toBe(400);
    await server!.close();
    origin = await serve(() => {
      throw new Error("boom");
    });
    const response = await fetch(origin);
    expect(response.status).toBe(400);
  });

  it("refuses a handler that is not a function", () => {
    expect(() => toNodeListener(42 as unknown as () => Response)).toThrow(/handler must be a function/);
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
