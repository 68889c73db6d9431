// An experiment for `node bench/sign-in.js --client=node-http`, not part of the package: a
// fetch-shaped function over node:http (plain http only, as the bench's fake X), passed to the
// handlers' client as its `fetch` option, to measure how much of the handlers' CPU per sign-in is
// undici's fetch. It does what the client needs of fetch and no more: the method, headers and a
// string body; the signal destroys the request (and fails the body once the answer has begun); no
// redirect is followed (node:http follows none); the answer's body is a pull stream over the
// socket, so the client's capped read stops reading it as it does with fetch.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true });

/** `fetch(input, init)` over node:http, for http: URLs. */
export function nodeHttpFetch(input, init = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const headers = {};
    for (const [name, value] of new Headers(init.headers)) headers[name] = value;
    const body = init.body == null ? undefined : String(init.body);
    const method = init.method ?? "GET";
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    else if (method !== "GET" && method !== "HEAD") headers["content-length"] = "0";
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    const request = http.request({
      agent,
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method,
      headers,
    });
    const abort = () => request.destroy(signal.reason);
    signal?.addEventListener("abort", abort, { once: true });
    const done = () => signal?.removeEventListener("abort", abort);
    request.on("error", (error) => {
      done();
      reject(error);
    });
    request.on("response", (answer) => {
      const received = new Headers();
      for (let i = 0; i < answer.rawHeaders.length; i += 2)
        received.append(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
      const { statusCode: status } = answer;
      answer.pause();
      let controller;
      answer.on("data", (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (controller.desiredSize <= 0) answer.pause();
      });
      answer.on("end", () => {
        done();
        controller?.close();
      });
      answer.on("error", (error) => {
        done();
        try {
          controller?.error(error);
        } catch {
          // already closed or cancelled
        }
      });
      const nullBody = method === "HEAD" || status === 204 || status === 304;
      const stream = nullBody
        ? null
        : new ReadableStream(
            {
              start(c) {
                controller = c;
              },
              pull: () => void answer.resume(),
              cancel: () => void answer.destroy(),
            },
            { highWaterMark: 1 },
          );
      if (nullBody) answer.resume();
      resolve(new Response(stream, { status, statusText: answer.statusMessage, headers: received }));
    });
    request.end(body);
  });
}
