// A free loopback port for a server this runner starts (workerd, the Chromium page server).
import { createServer } from "node:net";

/** Asks the OS for a free port on 127.0.0.1 and releases it at once. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
