// The fake X of twitter-oauth1/testing on a loopback port, so that an example in another process (or
// runtime) reaches it as it would reach https://api.x.com. In process rather than the fake-x command
// (which test/docs/readme-server.test.ts uses): the checks need a user whose display name holds
// markup, and approve() a request token directly, as another browser's user.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createFakeTwitter,
  type FakeTwitter,
  type FakeTwitterOptions,
  toNodeListener,
} from "../../../src/testing/index.js";

export interface FakeXServer {
  fake: FakeTwitter;
  /** `http://127.0.0.1:PORT`: the example's X_BASE_URL. */
  origin: string;
  close(): Promise<void>;
}

export async function serveFakeX(options?: FakeTwitterOptions): Promise<FakeXServer> {
  const fake = createFakeTwitter(options);
  const server = createServer(toNodeListener(fake.fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { fake, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}
