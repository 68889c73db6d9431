// The fake X of twitter-oauth1/testing on a loopback port, so that an example in another process (or
// runtime) reaches it as it would reach https://api.x.com. In process rather than the fake-x command
// (which test/docs/readme-server.test.ts uses): the checks need a user whose display name holds
// markup, and approve() a request token directly, as another browser's user.
import { createFakeTwitter, type FakeTwitter, type FakeTwitterOptions } from "../../../src/testing/index.js";
import { toNodeListener } from "../../../src/node/index.js";
import { listen } from "../../support/http.js";

export interface FakeXServer {
  fake: FakeTwitter;
  /** `http://127.0.0.1:PORT`: the example's X_BASE_URL. */
  origin: string;
  close(): Promise<void>;
}

export async function serveFakeX(options?: FakeTwitterOptions): Promise<FakeXServer> {
  const fake = createFakeTwitter(options);
  const { origin, close } = await listen(toNodeListener(fake.fetch));
  return { fake, origin, close };
}
