// A fetch over node:http and node:https for the clients' `fetch` option. Node's own fetch (undici)
// spends two to three times the CPU of a node:http request per call, and a sign-in makes three
// calls; this file has no `node:` import (the modules are reached at run time through
// process.getBuiltinModule, as the signing core reaches node:crypto), so the entry point still
// loads in every runtime, where it is the global fetch.

// The parts of node:http, node:https and node:zlib used here, typed structurally: src/ has no Node types.
interface NodeEmitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
}
interface NodeIncoming extends NodeEmitter {
  statusCode?: number;
  statusMessage?: string;
  rawHeaders: string[];
  pause(): unknown;
  resume(): unknown;
  destroy(error?: unknown): unknown;
  pipe<T>(destination: T): T;
}
interface NodeOutgoing extends NodeEmitter {
  destroy(error?: unknown): unknown;
  end(body?: Uint8Array): unknown;
}
interface NodeHttp {
  request(
    url: URL,
    options: { method: string; headers: Record<string, string> },
    onResponse: (response: NodeIncoming) => void,
  ): NodeOutgoing;
}
interface NodeZlib {
  createGunzip(): NodeIncoming;
  createInflate(): NodeIncoming;
  createBrotliDecompress(): NodeIncoming;
}
type GetBuiltinModule = (id: string) => unknown;

/** The Node modules when the runtime offers them, else undefined (browsers, workerd). */
function builtins(): { http: NodeHttp; https: NodeHttp; zlib: NodeZlib } | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process?.getBuiltinModule;
  if (typeof get !== "function") return undefined;
  const http = get("node:http") as Partial<NodeHttp> | undefined;
  const https = get("node:https") as Partial<NodeHttp> | undefined;
  const zlib = get("node:zlib") as Partial<NodeZlib> | undefined;
  return typeof http?.request === "function" && typeof https?.request === "function" && zlib?.createGunzip
    ? { http: http as NodeHttp, https: https as NodeHttp, zlib: zlib as NodeZlib }
    : undefined;
}

// Fetch's null body statuses (Fetch Standard, "null body status"), and the one 1xx Node hands over.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function parsed(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** The request body as bytes, or null for none, or undefined when it is a kind this fetch leaves to the runtime's. */
function bodyBytes(body: RequestInit["body"], headers: Headers): Uint8Array | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof URLSearchParams) {
    // As fetch does: a URLSearchParams body is a form unless the caller says otherwise.
    if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
    return new TextEncoder().encode(body.toString());
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

/**
 * A `fetch` for the `fetch` option of `TwitterOAuth` and `TwitterOAuth2` on Node: it sends the
 * request with `node:http` or `node:https` instead of Node's built-in `fetch`, for about a third of
 * the CPU time per call (a sign-in makes three). Where the runtime has no
 * `process.getBuiltinModule` (browsers, Cloudflare Workers) it is the global `fetch`.
 *
 * What the clients send takes the fast path: an http(s) URL given as a string or `URL`, a body that
 * is a string, `URLSearchParams`, `ArrayBuffer` or typed array, and `redirect: "manual"`, which the
 * clients always ask for. A 3xx comes back as it is, as Node's fetch gives it with `"manual"`.
 * Anything else (a `Request` object, another redirect mode, a `Blob`, `FormData` or stream body, an
 * `Accept-Encoding` of the caller's own) goes to the global `fetch` unchanged, so every call behaves
 * as fetch does. As with fetch, the `signal` aborts the request and the body with its reason, a
 * failure to connect rejects with a `TypeError` (`fetch failed`, the cause attached), the body is
 * a stream read as the caller reads it, and a gzip, deflate or br `Content-Encoding` is decoded.
 * Connections are kept alive by Node's global agents.
 *
 * Tests that replace `globalThis.fetch` (msw, `vi.stubGlobal`) do not see its fast-path calls: msw
 * sees them through its `node:http` interception, other stubs need the client's default `fetch`.
 *
 * @example
 * ```ts
 * import { TwitterOAuth } from "twitter-oauth1";
 * import { nodeFetch } from "twitter-oauth1/node";
 *
 * const client = new TwitterOAuth({
 *   consumerKey: "key",
 *   consumerSecret: "secret",
 *   callbackUrl: "https://app.example/auth/callback",
 *   fetch: nodeFetch,
 * });
 * ```
 */
export function nodeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const node = builtins();
  const url = typeof input === "string" ? parsed(input) : input instanceof URL ? input : undefined;
  const headers = new Headers(init.headers);
  const body = init.redirect === "manual" ? bodyBytes(init.body, headers) : undefined;
  if (
    node === undefined ||
    (url?.protocol !== "http:" && url?.protocol !== "https:") ||
    // fetch refuses a URL with credentials in it; node:http would send them as Basic.
    url.username !== "" ||
    url.password !== "" ||
    body === undefined ||
    headers.has("accept-encoding")
  ) {
    return fetch(input, init);
  }
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (body !== null) headers.set("content-length", String(body.byteLength));
  // What Node's fetch sends when the caller does not say: any type, and its name.
  if (!headers.has("accept")) headers.set("accept", "*/*");
  if (!headers.has("user-agent")) headers.set("user-agent", "node");
  const method = (init.method ?? "GET").toUpperCase();
  const outgoing: Record<string, string> = {};
  headers.forEach((value, name) => {
    outgoing[name] = value;
  });
  return new Promise<Response>((resolve, reject) => {
    let incoming: NodeIncoming | undefined;
    let fail: (error: unknown) => void = reject;
    const onAbort = (): void => {
      request.destroy();
      incoming?.destroy();
      fail(signal!.reason);
    };
    const request = (url.protocol === "https:" ? node.https : node.http).request(
      url,
      { method, headers: outgoing },
      (response) => {
        incoming = response;
        const status = response.statusCode ?? 0;
        const received = new Headers();
        const raw = response.rawHeaders;
        try {
          for (let i = 0; i + 1 < raw.length; i += 2) received.append(raw[i]!, raw[i + 1]!);
        } catch (error) {
          response.destroy();
          reject(new TypeError("fetch failed: an answer header is not a valid HTTP header", { cause: error }));
          return;
        }
        const coding = received.get("content-encoding")?.trim().toLowerCase();
        const decoder =
          coding === "gzip" || coding === "x-gzip"
            ? node.zlib.createGunzip()
            : coding === "deflate"
              ? node.zlib.createInflate()
              : coding === "br"
                ? node.zlib.createBrotliDecompress()
                : undefined;
        const source = decoder ? response.pipe(decoder) : response;
        const hasBody = !NULL_BODY.has(status) && method !== "HEAD";
        const stream = hasBody
          ? new ReadableStream<Uint8Array>({
              start(controller) {
                fail = (error) => controller.error(error);
                source.on("data", (chunk: Uint8Array) => {
                  controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                  if ((controller.desiredSize ?? 1) <= 0) source.pause();
                });
                let ended = false;
                source.on("end", () => {
                  ended = true;
                  signal?.removeEventListener("abort", onAbort);
                  controller.close();
                });
                // The connection lost before the end of the body, or a body that does not decode.
                const broken = (error?: unknown): void => {
                  if (ended) return;
                  ended = true;
                  signal?.removeEventListener("abort", onAbort);
                  if (!signal?.aborted) fail(new TypeError("terminated", { cause: error }));
                };
                source.on("error", broken);
                response.on("close", () => {
                  if (!decoder) broken();
                });
                if (decoder) {
                  response.on("error", broken);
                  response.on("aborted", broken);
                }
              },
              pull() {
                source.resume();
              },
              cancel() {
                signal?.removeEventListener("abort", onAbort);
                response.destroy();
              },
            })
          : null;
        if (!stream) {
          signal?.removeEventListener("abort", onAbort);
          // Nothing to read: drain what comes, and let a lost connection go quietly (an 'error'
          // with no listener would end the process).
          response.on("error", () => undefined);
          response.resume();
        }
        try {
          resolve(new Response(stream, { status, statusText: response.statusMessage ?? "", headers: received }));
        } catch (error) {
          // A status fetch cannot represent (below 200 or over 599).
          response.destroy();
          reject(
            new TypeError(`fetch failed: the answer's status ${status} is not one fetch can carry`, { cause: error }),
          );
        }
      },
    );
    request.on("error", (error: unknown) => {
      signal?.removeEventListener("abort", onAbort);
      if (!signal?.aborted) reject(new TypeError("fetch failed", { cause: error }));
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    request.end(body ?? undefined);
  });
}
