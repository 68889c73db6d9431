// A hostile X on a loopback port, served by the runner's own Node process for the runtimes that
// can open a socket (Node, Deno, Bun): the client's hardening over a real connection, where the
// in-memory cases of test/conformance/cases/client.js cannot reach (undici's, Deno's and Bun's own
// stream and socket handling). The first path segment picks the answer, so a client's baseUrl
// (origin + "/big-401", ...) sends every leg to it:
//   /big-401   401 with X's JSON error and 300 KB of padding
//   /endless   401 whose body never ends (a chunk every few milliseconds until the socket closes)
//   /drop      200 that promises 100,000 bytes, sends 1,000 and destroys the socket
//   /redirect  302 to another origin
import { listen } from "../support/http.js";

const ERROR = '{"errors":[{"code":32,"message":"Could not authenticate you."}]}';

/** Starts the server; resolves with its origin and a close(). */
export async function startHostileX() {
  const server = await listen((request, response) => {
    const kind = new URL(request.url ?? "/", "http://x").pathname.split("/")[1];
    request.resume();
    const date = new Date().toUTCString();
    if (kind === "big-401") {
      response.writeHead(401, { "content-type": "application/json", date });
      response.end(ERROR + " ".repeat(300 * 1024));
    } else if (kind === "endless") {
      response.writeHead(401, { "content-type": "application/json", date });
      response.write(ERROR);
      const chunk = " ".repeat(16 * 1024);
      const timer = setInterval(() => response.write(chunk), 2);
      response.on("close", () => clearInterval(timer));
    } else if (kind === "drop") {
      response.writeHead(200, { "content-type": "application/x-www-form-urlencoded", "content-length": "100000" });
      response.write("oauth_token=".padEnd(1000, "a"), () => response.destroy());
    } else if (kind === "redirect") {
      response.writeHead(302, { location: "https://elsewhere.example/" });
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  return { origin: server.origin, close: server.close };
}
