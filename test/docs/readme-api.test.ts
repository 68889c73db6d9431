// The README's "Signed API calls" block, as published, in its own Node process against the
// fake X with a real access token from the fake: verify_credentials with email, a v1.1 form post
// (signed body), a v2 JSON post (unsigned body) and invalidate_token, after which the token is dead.
import { once } from "node:events";
import { afterAll, expect, it } from "vitest";
import { TwitterOAuth, isTwitterOAuthError } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { blockUnder, runWithFakeX, type BlockProcess } from "./run-with-fake-x.js";

let block: BlockProcess | undefined;
afterAll(() => block?.stop());

it("README signed API calls: every call succeeds against the fake X, and the token ends revoked (X API: invalidate_token)", async () => {
  const fake = createFakeTwitter();
  const x = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "oob",
    fetch: (input, init) => fake.fetch(new Request(input, init)),
  });
  const requestToken = await x.getRequestToken();
  const accessToken = await x.exchangeVerifier(requestToken, fake.approve(requestToken.token));

  block = await runWithFakeX("readme-api", blockUnder("README.md", "## Signed API calls"), fake, {
    TWITTER_CONSUMER_KEY: defaultConsumer.key,
    TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
    X_ACCESS_TOKEN: accessToken.token,
    X_ACCESS_TOKEN_SECRET: accessToken.tokenSecret,
  });
  const [code] =
    block.child.exitCode === null ? ((await once(block.child, "exit")) as [number]) : [block.child.exitCode];
  const lines = block.output().trimEnd().split("\n");
  expect({ code, first: lines[0], second: lines[1] }).toEqual({
    code: 0,
    first: `${defaultUser.id} ${defaultUser.screenName} ${defaultUser.email}`,
    second: "200",
  });
  expect(lines.slice(2).join("\n")).toMatch(/^201 \{[\s\S]*text: 'Hello from twitter-oauth1'/);
  const revoked = await x.verifyCredentials(accessToken).catch((error: unknown) => error);
  expect(isTwitterOAuthError(revoked) && revoked.errors[0]?.code).toBe(89);
}, 60_000);
