// A server of this process on a free loopback port, for the tests, the runners and the benchmark.
// node:http serves; what is written here is the two steps every caller repeated: listen on
// 127.0.0.1 port 0 (the OS picks a free port, so no port finder is needed) and read the origin back,
// and close without waiting for kept-alive connections to time out.
import { createServer, request } from "node:http";

/** Serves `handler` on 127.0.0.1; see http.d.ts. */
export async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends one request exactly as given, Host header included (none unless given); see http.d.ts. */
export function rawRequest({ port, path, method = "GET", headers = {}, host = "127.0.0.1" }) {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method, headers, setHost: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
