// createFakeTwitter() served on a loopback port by node:http, so that an example in another process
// (or runtime) reaches it as it would reach https://api.x.com. The fake verifies signatures against
// the URL as it arrives, so the adapter rebuilds the exact URL the client signed.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeTwitter, type FakeTwitter, type FakeTwitterOptions } from "../../../src/testing/index.js";

export interface FakeXServer {
  fake: FakeTwitter;
  /** `http://127.0.0.1:PORT`: the example's X_BASE_URL. */
  origin: string;
  close(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const method = message.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : Buffer.concat(chunks);
  return new Request(origin + (message.url ?? "/"), { method, headers, body });
}

export async function serveFakeX(options?: FakeTwitterOptions): Promise<FakeXServer> {
  const fake = createFakeTwitter(options);
  let origin = "";
  const server = createServer(async (message, reply) => {
    const response = await fake.fetch(await toRequest(message, origin));
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers["set-cookie"] = cookies;
    reply.writeHead(response.status, headers);
    reply.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
