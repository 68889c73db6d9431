// A Node `http` adapter typed structurally, so src/ needs no Node types and no `node:` import.
// Exported by `twitter-oauth1/node`: it mounts any fetch handler (the sign-in handlers, the fake X,
// an app's own) on `http.createServer` or as Express/Connect middleware; the fake-x command uses it too.
import { describe } from "./describe.js";

/** The parts of Node's `IncomingMessage` that {@link toNodeListener} reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  /** The request method. */
  method?: string | undefined;
  /** The request target (path and query). */
  url?: string | undefined;
  /**
   * Express and Connect keep the full target here when a router strips its mount path from `url`;
   * read first when present, so the handler sees the URL the browser asked for.
   */
  originalUrl?: string | undefined;
  /** The headers, lower-cased, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The socket, to tell https from http (a TLS socket has `encrypted: true`). */
  socket?: object | undefined;
}

/** The parts of Node's `ServerResponse` that {@link toNodeListener} writes. */
export interface NodeResponseLike {
  /** The status code to send. */
  statusCode: number;
  /** Whether the head is already sent. */
  headersSent?: boolean;
  /** Sets one header (an array for repeated ones such as `set-cookie`). */
  setHeader(name: string, value: string | string[]): unknown;
  /** Sends the body and ends the response. */
  end(chunk?: Uint8Array | string): unknown;
  /** Closes the connection without an answer, for a handler's `Response.error()` (a network error). */
  destroy?(): unknown;
}

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * The public origin (`"http://localhost:3001"`) to build `request.url` from. Default: the scheme
   * of the socket and the `Host` header. Set it behind a proxy: signatures cover the URL.
   */
  origin?: string;
  /**
   * The largest body read, in bytes (a whole number, 0 or more); larger ones get 413. Default 1 MiB.
   * The body is read only when the handler reads it (`request.text()`, `formData()`, `body`).
   */
  maxBodyBytes?: number;
  /**
   * Called with an error the handler threw (the app's own bug, such as a failing `onSuccess`), after
   * the plain listener has answered `500 Internal server error`. Default: `console.error(error)`,
   * as Node frameworks report an unhandled error. As Express or Connect middleware the error goes
   * to `next(error)` instead, and this is not called.
   */
  onError?: (error: unknown) => void;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

function isTls(socket: object | undefined): boolean {
  return typeof socket === "object" && socket !== null && (socket as { encrypted?: unknown }).encrypted === true;
}

function plain(response: NodeResponseLike, status: number, text: string): void {
  if (response.headersSent === true) {
    response.end();
    return;
  }
  response.statusCode = status;
  response.setHeader("content-type", "text/plain; charset=utf-8");
  response.end(text);
}

/** The `next` of Express and Connect middleware: called with no argument to pass the request on, or with an error. */
export type NodeNext = (error?: unknown) => void;

/** The error a body stream fails with past the limit: a handler that lets it through gets a 413. */
class BodyTooLarge extends RangeError {}

/** A body stream that starts reading the Node request only when it is read itself, and stops past `limit` bytes. */
function lazyBody(source: AsyncIterable<Uint8Array | string>, limit: number): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array | string> | undefined;
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= source[Symbol.asyncIterator]();
        const { done, value } = await iterator.next();
        if (done) {
          controller.close();
          return;
        }
        const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
        size += bytes.byteLength;
        if (size > limit) {
          controller.error(new BodyTooLarge(`the request body is over ${limit} bytes`));
          await iterator.return?.();
          return;
        }
        controller.enqueue(bytes);
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Turns a Web-standard handler, such as a fake X's `fetch` or the sign-in handlers' `handle`, into a
 * listener for Node's `http.createServer`, or a middleware for Express and Connect: the Node request
 * becomes a `Request` (URL from the `Host` header or `options.origin`), the `Response` is written
 * back with every `Set-Cookie` kept. A handler that answers `undefined` passes the request on to
 * `next` (middleware), or gets a 404 (plain listener). The body is streamed to the handler only if
 * it reads it: a request it answers without reading costs no read (a body that never arrives
 * cannot hold it), and as middleware a request passed on keeps its body for the next middleware.
 * An error the handler throws is a `500` reported to `options.onError` (plain listener), or goes
 * to `next(error)` (middleware).
 * A `Response.error()` (the fake X's injected `drop`) destroys the socket, so the client sees the
 * connection close without an answer.
 *
 * @param handler - the `(request: Request) => Response | undefined | Promise<Response | undefined>` to serve.
 * @param options - the public origin, the body limit and where a handler's error is reported.
 * @returns an `(req, res, next?)` listener that never throws; with `next`, a handler's error goes to `next(error)`.
 * @throws TypeError when `handler` is not a function or an option is malformed.
 *
 * @example
 * ```ts
 * import { createServer } from "http";
 * import { toNodeListener } from "twitter-oauth1/node";
 * import { createFakeTwitter } from "twitter-oauth1/testing";
 * createServer(toNodeListener(createFakeTwitter().fetch)).listen(3001);
 * ```
 */
export function toNodeListener(
  handler: (request: Request) => Response | undefined | Promise<Response | undefined>,
  options: NodeListenerOptions = {},
): (request: NodeRequestLike, response: NodeResponseLike, next?: NodeNext) => Promise<void> {
  if (typeof handler !== "function") throw new TypeError("handler must be a function taking a Request");
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  // NaN or Infinity would silently turn the cap off (every comparison with NaN is false).
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new TypeError(
      `options.maxBodyBytes must be a whole number of bytes (0 or more), got ${typeof limit === "number" ? String(limit) : describe(limit)}`,
    );
  }
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  if (typeof onError !== "function") {
    throw new TypeError(`options.onError must be a function, got ${describe(onError)}`);
  }
  const origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  return async (request, response, next) => {
    try {
      const method = (request.method ?? "GET").toUpperCase();
      const host = request.headers.host;
      const base =
        origin ??
        (typeof host === "string" && host ? `${isTls(request.socket) ? "https" : "http"}://${host}` : undefined);
      let url: URL;
      try {
        // new URL(undefined) throws too: no Host header and no origin option. A target in absolute
        // form for another origin is refused as well.
        url = new URL(request.originalUrl ?? request.url ?? "/", base);
        // The base is parsed again only when the URL's origin is not its very text: a Host header
        // in lower case without a default port (the usual one) or options.origin costs one parse.
        if (url.origin !== base && url.origin !== new URL(base as string).origin) throw new TypeError();
      } catch {
        plain(response, 400, "Bad request: missing or malformed Host header or request target");
        return;
      }
      // Pairs, which the Request copies once: a Headers built here would be copied a second time.
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(request.headers)) {
        if (name[0] === ":" || value === undefined) continue; // HTTP/2 pseudo-headers are no headers
        // Most values are strings (Node joins repeated headers but set-cookie): no flat() for them.
        for (const item of typeof value === "string" ? [value] : value) headers.push([name, item]);
      }
      let body: ReadableStream<Uint8Array> | undefined;
      if (method !== "GET" && method !== "HEAD") {
        const declared = Number(request.headers["content-length"]);
        if (Number.isFinite(declared) && declared > limit) {
          plain(response, 413, "Payload too large");
          return;
        }
        // Read only if the handler reads it: a handler that answers without the body costs no read
        // (and cannot be held by a body that never arrives), and a request passed on to `next`
        // keeps its body for the next middleware (a JSON parser, say).
        body = lazyBody(request, limit);
      }
      // `duplex` matters only with a stream body (Fetch: RequestInit), and is ignored without one.
      const webRequest = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
      let answer: Response | undefined;
      try {
        answer = await handler(webRequest);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          plain(response, 413, "Payload too large");
          return;
        }
        if (next !== undefined) {
          next(error);
          return;
        }
        // The app's own error (a failing onSuccess, say): a 500, and reported, never a silent 400.
        plain(response, 500, "Internal server error");
        try {
          onError(error);
        } catch {
          // A throwing reporter has nothing left to report to.
        }
        return;
      }
      if (answer === undefined) {
        if (next !== undefined) next();
        else plain(response, 404, "Not found");
        return;
      }
      if (answer.type === "error") {
        // Response.error() is the Fetch standard's network error: the client sees the connection drop.
        if (typeof response.destroy === "function") response.destroy();
        else plain(response, 502, "Bad gateway: the handler answered a network error");
        return;
      }
      response.statusCode = answer.status;
      for (const [name, value] of answer.headers) if (name !== "set-cookie") response.setHeader(name, value);
      const cookies = answer.headers.getSetCookie();
      if (cookies.length > 0) response.setHeader("set-cookie", cookies);
      // A null body (a redirect) has nothing to read.
      response.end(method === "HEAD" || answer.body === null ? undefined : new Uint8Array(await answer.arrayBuffer()));
    } catch {
      plain(response, 400, "Bad request");
    }
  };
}
