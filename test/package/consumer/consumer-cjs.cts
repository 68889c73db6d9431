// The same package from a CommonJS TypeScript file under "nodenext": resolves the "require"
// condition, so dist/index.d.cts, dist/testing.d.cts and dist/node.d.cts are what get checked.
import { TwitterOAuth, signRequest, type SignedRequest } from "twitter-oauth1";
import { toNodeListener } from "twitter-oauth1/node";
import { createFakeTwitter, defaultConsumer } from "twitter-oauth1/testing";

const fake = createFakeTwitter();
export const client = new TwitterOAuth({
  consumerKey: defaultConsumer.key,
  consumerSecret: defaultConsumer.secret,
  fetch: (input, init) => fake.fetch(new Request(input, init)),
});
export const fakeOnNode = toNodeListener(fake.fetch);
export const signed: Promise<SignedRequest> = signRequest(
  { method: "POST", url: "https://api.x.com/1.1/statuses/update.json", body: { status: "hi" } },
  { consumerKey: "key", consumerSecret: "secret", token: "t", tokenSecret: "ts" },
);
