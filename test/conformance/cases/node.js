// twitter-oauth1/node in every runtime: the Node adapter takes Node's request and response by their
// shape (no node: import), so these cases drive it with plain objects shaped like Node's
// IncomingMessage (an async iterable of body chunks, lower-cased headers) and ServerResponse, and
// check what this runtime's Request, Response, Headers (getSetCookie) and ReadableStream make of
// them. Web globals only. The adapter's rules over a real socket and as Express middleware (bodies
// that never arrive, a handler's error, Response.error() on node:http) are owned by the unit tests.
import { deepEqual, equal, ok } from "../assert.js";
import { need } from "./client.js";

/** A request shaped like Node's IncomingMessage, its body sent as the given chunks (strings or bytes). */
function nodeRequest({ method = "GET", url = "/", headers = {}, chunks = [], originalUrl } = {}) {
  return {
    method,
    url,
    originalUrl,
    headers: { host: "app.example", ...headers },
    socket: { encrypted: true },
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield chunk;
    },
  };
}

/** A response shaped like Node's ServerResponse that records what the adapter wrote. */
function nodeResponse() {
  const response = {
    statusCode: 200,
    headers: {},
    body: undefined,
    ends: 0,
    destroyed: 0,
    setHeader(name, value) {
      response.headers[name] = value;
    },
    end(chunk) {
      response.ends += 1;
      response.body =
        chunk === undefined ? undefined : typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
    },
    destroy() {
      response.destroyed += 1;
    },
  };
  return response;
}

/** @returns the named cases for twitter-oauth1/node, given the built entry points keyed by export path. */
export function nodeCases(entries) {
  const toNodeListener = need(entries["./node"], "toNodeListener", "dist/node.js");
  return [
    {
      name: "node adapter: a Node request becomes a Request (https from the TLS socket, Host, Express's originalUrl, repeated headers)",
      async run() {
        const seen = [];
        const listener = toNodeListener((request) => {
          seen.push({ url: request.url, method: request.method, accept: request.headers.get("accept") });
          return new Response("ok");
        });
        const response = nodeResponse();
        await listener(
          nodeRequest({
            url: "/x/login",
            originalUrl: "/auth/x/login?return_to=%2F",
            headers: { accept: ["a/b", "c/d"] },
          }),
          response,
        );
        deepEqual(
          seen,
          [{ url: "https://app.example/auth/x/login?return_to=%2F", method: "GET", accept: "a/b, c/d" }],
          "the Request the handler got",
        );
        equal(response.statusCode, 200, "status");
        equal(response.body, "ok", "body");
      },
    },
    {
      name: "node adapter: the Response's status and headers written back, every Set-Cookie kept as an array (Fetch: getSetCookie)",
      async run() {
        const listener = toNodeListener(() => {
          const headers = new Headers({ location: "/account", "cache-control": "no-store" });
          headers.append("set-cookie", "a=1; Path=/; HttpOnly");
          headers.append("set-cookie", "b=2; Path=/; Max-Age=0");
          return new Response(null, { status: 303, headers });
        });
        const response = nodeResponse();
        await listener(nodeRequest(), response);
        equal(response.statusCode, 303, "status");
        equal(response.headers.location, "/account", "Location");
        equal(response.headers["cache-control"], "no-store", "Cache-Control");
        deepEqual(response.headers["set-cookie"], ["a=1; Path=/; HttpOnly", "b=2; Path=/; Max-Age=0"], "Set-Cookie");
        equal(response.ends, 1, "end() calls");
      },
    },
    {
      name: "node adapter: a form body streamed to the handler from string and byte chunks; past maxBodyBytes a 413",
      async run() {
        const listener = toNodeListener(async (request) => {
          const form = await request.formData();
          return new Response(`a=${form.get("a")} b=${form.get("b")}`);
        });
        const form = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } };
        const read = nodeResponse();
        await listener(nodeRequest({ ...form, chunks: ["a=1", new TextEncoder().encode("&b=2")] }), read);
        equal(read.statusCode, 200, "status of a body within the limit");
        equal(read.body, "a=1 b=2", "the form as the handler read it");

        const small = toNodeListener(async (request) => new Response(await request.text()), { maxBodyBytes: 4 });
        const tooLarge = nodeResponse();
        await small(nodeRequest({ ...form, chunks: ["a=1", "&b=2"] }), tooLarge);
        equal(tooLarge.statusCode, 413, "status of a body over maxBodyBytes, no Content-Length");
      },
    },
    {
      name: "node adapter: Response.error() (Fetch: a network error) destroys the connection; undefined passes on to next",
      async run() {
        const dropped = nodeResponse();
        await toNodeListener(() => Response.error())(nodeRequest(), dropped);
        equal(dropped.destroyed, 1, "destroy() calls for Response.error()");
        equal(dropped.ends, 0, "end() calls for Response.error()");

        const passed = [];
        const next = (error) => passed.push(error);
        const untouched = nodeResponse();
        await toNodeListener(() => undefined)(nodeRequest(), untouched, next);
        deepEqual(passed, [undefined], "next() called once, with no error");
        equal(untouched.ends, 0, "end() calls when the request is passed on");
      },
    },
    {
      name: "node adapter serves the fake X (createFakeTwitter().fetch): its home page through a Node-shaped request",
      async run() {
        const createFakeTwitter = need(entries["./testing"], "createFakeTwitter", "dist/testing.js");
        const response = nodeResponse();
        await toNodeListener(createFakeTwitter().fetch)(nodeRequest({ headers: { host: "127.0.0.1:3001" } }), response);
        equal(response.statusCode, 200, "status of the fake's home page");
        ok(/^text\/html/.test(String(response.headers["content-type"])), "the home page is HTML");
      },
    },
    {
      name: "nodeFetch: over node:http where the runtime has it (a sign-in against the fake X on loopback), else the global fetch",
      async run() {
        const nodeFetch = need(entries["./node"], "nodeFetch", "dist/node.js");
        const TwitterOAuth = need(entries["."], "TwitterOAuth", "dist/index.js");
        const createFakeTwitter = need(entries["./testing"], "createFakeTwitter", "dist/testing.js");
        const fake = createFakeTwitter({ strict: true });
        const http = globalThis.process?.getBuiltinModule?.("node:http");
        if (typeof http?.createServer !== "function") {
          // Browsers and Workers: the global fetch, given the call unchanged.
          const original = globalThis.fetch;
          const seen = [];
          globalThis.fetch = async (input, init) => {
            seen.push([input, init]);
            return fake.fetch(new Request(input, init));
          };
          try {
            const init = { method: "GET", redirect: "manual" };
            const response = await nodeFetch("https://api.x.com/", init);
            equal(response.status, 200, "status of the fake's home page through the global fetch");
            deepEqual(seen, [["https://api.x.com/", init]], "the global fetch's calls");
          } finally {
            globalThis.fetch = original;
          }
          return;
        }
        const server = http.createServer(toNodeListener(fake.fetch));
        await new Promise((listening) => server.listen(0, "127.0.0.1", listening));
        try {
          const baseUrl = `http://127.0.0.1:${server.address().port}`;
          const x = new TwitterOAuth({
            consumerKey: "fake-consumer-key",
            consumerSecret: "fake-consumer-secret-0123456789abcdef",
            callbackUrl: "http://127.0.0.1/callback",
            baseUrl,
            fetch: nodeFetch,
          });
          const requestToken = await x.getRequestToken();
          const { verifier } = x.parseCallback(fake.approve(requestToken.token), requestToken);
          const access = await x.exchangeVerifier(requestToken, verifier);
          const user = await x.verifyCredentials(access);
          equal(user.screen_name, access.screenName, "the signed-in user, read over node:http");
          const moved = await nodeFetch(`${baseUrl}/oauth/authorize?oauth_token=x`, { redirect: "manual" });
          ok(moved.status >= 200 && moved.status < 500, "a plain GET answered");
          await moved.text();
        } finally {
          server.closeAllConnections?.();
          await new Promise((closed) => server.close(closed));
        }
      },
    },
  ];
}
