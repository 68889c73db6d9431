/**
 * A real HTTP server on 127.0.0.1 for the current test file, so that the client's default fetch
 * (undici in Node) meets a network body: chunked, back-pressured and cancellable, unlike an
 * in-memory Response. Each test sets what it answers with `answer`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type Listening, listen } from "../support/http.js";

export type Answer = (request: IncomingMessage, response: ServerResponse, body: string) => void;

export interface Loopback {
  /** `http://127.0.0.1:<port>`, once listening. */
  readonly origin: string;
  /** The requests seen since the last test, as `"METHOD /path?query"`, with their Authorization header. */
  readonly seen: Array<{ target: string; authorization: string | undefined }>;
  /** Sets the answer for the current test. */
  answer(handler: Answer): void;
}

export function useLoopback(): Loopback {
  let handler: Answer = (_request, response) => response.writeHead(404).end();
  const seen: Loopback["seen"] = [];
  let server: Listening | undefined;
  const loopback = {
    origin: "",
    seen,
    answer(next: Answer): void {
      handler = next;
    },
  };
  beforeAll(async () => {
    server = await listen((request, response) => {
      seen.push({ target: `${request.method} ${request.url}`, authorization: request.headers.authorization });
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => handler(request, response, Buffer.concat(chunks).toString("utf8")));
    });
    // A client that stops reading a large body resets the connection: expected, not a failure.
    server.server.on("clientError", () => undefined);
    loopback.origin = server.origin;
  });
  afterEach(() => {
    seen.length = 0;
  });
  afterAll(() => server?.close());
  return loopback;
}

/** Writes `size` bytes of `body` (repeated or cut to size) without holding them all in memory twice. */
export function sendSized(response: ServerResponse, status: number, head: string, size: number): void {
  response.writeHead(status, { "content-type": "application/json", "content-length": String(size) });
  response.on("error", () => undefined);
  const filler = Buffer.alloc(64 * 1024, 0x20);
  let left = size;
  const first = Buffer.from(head.slice(0, size));
  response.write(first);
  left -= first.length;
  const pump = (): void => {
    while (left > 0) {
      const chunk = left >= filler.length ? filler : filler.subarray(0, left);
      left -= chunk.length;
      if (!response.write(chunk)) {
        response.once("drain", pump);
        return;
      }
    }
    response.end();
  };
  pump();
}
