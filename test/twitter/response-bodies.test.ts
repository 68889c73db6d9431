// Rule: nothing X (or whatever answers in its place) sends can hang or crash the client. Each body
// is read once, up to a cap, on a network fetch (a loopback server, undici's streams) and on an
// in-memory Response (msw, a custom fetch, the fake X mounted as fetch). The client runs with
// `timeout: false`, so a hang shows as this file's own test timeout, not as a TIMEOUT error.
import { describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { failure } from "./failure.js";
import { sendSized, useLoopback } from "./loopback.js";

const server = useLoopback();
const KB = 1024;
const SIZES = [70 * KB, 300 * KB, 10 * KB * KB];
const pair = { token: "t", tokenSecret: "s" };
const ERROR_HEAD = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}';
const TOKEN_HEAD = "oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true";
const USER_HEAD = '{"id":1,"id_str":"1","name":"A","screen_name":"a"}';

/** An in-memory body of `size` bytes, produced as it is read (a 10 MB answer is never held). */
function sizedStream(head: string, size: number): ReadableStream<Uint8Array> {
  const first = new TextEncoder().encode(head);
  const filler = new Uint8Array(16 * KB).fill(0x20);
  let left = size;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = started ? filler.subarray(0, Math.min(filler.length, left)) : first;
      started = true;
      left -= chunk.length;
      controller.enqueue(chunk);
      if (left <= 0) controller.close();
    },
  });
}

type Transport = "loopback" | "in-memory";

function client(transport: Transport, status: number, head: string, size: number): TwitterOAuth {
  if (transport === "loopback") server.answer((_request, response) => sendSized(response, status, head, size));
  return new TwitterOAuth({
    consumerKey: "key",
    consumerSecret: "secret",
    callbackUrl: "oob",
    timeout: false,
    ...(transport === "loopback"
      ? { baseUrl: server.origin }
      : { fetch: async () => new Response(sizedStream(head, size), { status }) }),
  });
}

const cases = (["loopback", "in-memory"] as const).flatMap((transport) =>
  SIZES.map((size) => ({ transport, size, label: `${transport}, ${size / KB} KiB` })),
);

describe.each(cases)("a body of any size is read once and capped ($label)", ({ transport, size }) => {
  it("401 on request_token: HTTP_ERROR 401", { timeout: 5_000 }, async () => {
    const error = await failure(client(transport, 401, ERROR_HEAD, size).getRequestToken());
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/HTTP 401/);
  });

  it("400 on access_token: HTTP_ERROR 400", { timeout: 5_000 }, async () => {
    const error = await failure(client(transport, 400, ERROR_HEAD, size).exchangeVerifier(pair, "v"));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(400);
  });

  it("200 on request_token: INVALID_RESPONSE, too large for a token answer", { timeout: 5_000 }, async () => {
    const error = await failure(client(transport, 200, TOKEN_HEAD, size).getRequestToken());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toMatch(/over 65536 bytes/);
  });

  it("401 on verify_credentials: HTTP_ERROR 401", { timeout: 5_000 }, async () => {
    const error = await failure(client(transport, 401, ERROR_HEAD, size).verifyCredentials(pair));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(401);
  });

  it("200 on verify_credentials: the user up to 1 MiB, INVALID_RESPONSE (too large) above", {
    timeout: 5_000,
  }, async () => {
    const call = client(transport, 200, USER_HEAD, size).verifyCredentials(pair);
    if (size <= 1024 * KB) {
      expect((await call).id_str).toBe("1");
      return;
    }
    const error = await failure(call);
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toMatch(/too large/);
    expect(error.message).not.toMatch(/not JSON/);
  });

  it("401 through x.fetch: the Response, its whole body still readable", { timeout: 10_000 }, async () => {
    const response = await client(transport, 401, ERROR_HEAD, size).fetch("/2/users/me", { token: pair });
    expect(response.status).toBe(401);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(size);
    expect(new TextDecoder().decode(body.subarray(0, ERROR_HEAD.length))).toBe(ERROR_HEAD);
  });
});

describe("a body that never ends after the cap (in-memory)", () => {
  function endless(head: string): ReadableStream<Uint8Array> {
    const first = new TextEncoder().encode(head);
    const filler = new Uint8Array(16 * KB).fill(0x20);
    let pulled = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(pulled++ === 0 ? first : filler);
      },
    });
  }

  it("a 401 on every leg settles: HTTP_ERROR, and x.fetch hands the Response back", { timeout: 5_000 }, async () => {
    const x = new TwitterOAuth({
      consumerKey: "key",
      consumerSecret: "secret",
      callbackUrl: "oob",
      timeout: false,
      fetch: async () => new Response(endless(ERROR_HEAD), { status: 401 }),
    });
    expect((await failure(x.getRequestToken())).status).toBe(401);
    expect((await failure(x.exchangeVerifier(pair, "v"))).status).toBe(401);
    expect((await failure(x.verifyCredentials(pair))).status).toBe(401);
    expect((await failure(x.invalidateToken(pair))).status).toBe(401);
    const response = await x.fetch("/2/users/me", { token: pair });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});

describe("a connection dropped mid-body is NETWORK_ERROR with the cause", () => {
  function dropHalfway(status: number, body: string): void {
    server.answer((_request, response) => {
      response.writeHead(status, { "content-length": String(body.length * 2) });
      response.write(body);
      // Half of the announced length is out: flush it, then cut the connection.
      setTimeout(() => response.socket?.destroy(), 20);
    });
  }

  const x = (): TwitterOAuth =>
    new TwitterOAuth({ consumerKey: "key", consumerSecret: "secret", callbackUrl: "oob", baseUrl: server.origin });

  it.each([
    ["request_token, 200", 200, TOKEN_HEAD, (c: TwitterOAuth) => c.getRequestToken()],
    ["request_token, 401", 401, ERROR_HEAD, (c: TwitterOAuth) => c.getRequestToken()],
    ["verify_credentials, 200", 200, USER_HEAD, (c: TwitterOAuth) => c.verifyCredentials(pair)],
    ["invalidate_token, 500", 500, ERROR_HEAD, (c: TwitterOAuth) => c.invalidateToken(pair)],
  ])("%s", async (_name, status, body, call) => {
    dropHalfway(status, body);
    const error = await failure(call(x()));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/connection/);
  });
});
