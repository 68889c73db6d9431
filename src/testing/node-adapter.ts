// A Node `http` adapter typed structurally, so src/ needs no Node types and no `node:` import.
import { readCappedBytes } from "../read-capped.js";

/** The parts of Node's `IncomingMessage` that {@link toNodeListener} reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  /** The request method. */
  method?: string | undefined;
  /** The request target (path and query). */
  url?: string | undefined;
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
  /** The largest body read, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
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

/**
 * Turns a Web-standard handler, such as a fake X's `fetch`, into a listener for Node's
 * `http.createServer`: the Node request becomes a `Request` (URL from the `Host` header or
 * `options.origin`), the `Response` is written back with every `Set-Cookie` kept. A
 * `Response.error()` (the fake's injected `drop`) destroys the socket, so the client sees the
 * connection close without an answer.
 *
 * @param handler - the `(request: Request) => Response | Promise<Response>` to serve.
 * @param options - the public origin and the body limit.
 * @returns an `(req, res)` listener that never throws.
 *
 * @example
 * ```ts
 * import { createServer } from "http";
 * import { createFakeTwitter, toNodeListener } from "twitter-oauth1/testing";
 * createServer(toNodeListener(createFakeTwitter().fetch)).listen(3001);
 * ```
 */
export function toNodeListener(
  handler: (request: Request) => Response | Promise<Response>,
  options: NodeListenerOptions = {},
): (request: NodeRequestLike, response: NodeResponseLike) => Promise<void> {
  if (typeof handler !== "function") throw new TypeError("handler must be a function taking a Request");
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  return async (request, response) => {
    try {
      const method = (request.method ?? "GET").toUpperCase();
      const host = request.headers.host;
      const base =
        origin ??
        (typeof host === "string" && host !== "" ? `${isTls(request.socket) ? "https" : "http"}://${host}` : undefined);
      let url: URL;
      try {
        if (base === undefined) throw new TypeError("no host");
        url = new URL(request.url ?? "/", base);
        if (url.origin !== new URL(base).origin) throw new TypeError("absolute-form target for another origin");
      } catch {
        plain(response, 400, "Bad request: missing or malformed Host header or request target");
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.startsWith(":") || value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      let body: Uint8Array | undefined;
      if (method !== "GET" && method !== "HEAD") {
        body = await readCappedBytes(request, limit);
        if (body === undefined) {
          plain(response, 413, "Payload too large");
          return;
        }
      }
      const answer = await handler(
        new Request(url, { method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) }),
      );
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
      response.end(method === "HEAD" ? undefined : new Uint8Array(await answer.arrayBuffer()));
    } catch {
      plain(response, 400, "Bad request");
    }
  };
}
