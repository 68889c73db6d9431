// The README's "PIN flow for CLIs and desktop apps" block, as published, in its own Node
// process against the fake X: it prints the authorize URL, the test approves as the user and types the
// PIN on standard input (X docs "PIN-based OAuth"), and the block prints the access token.
import { afterAll, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { createFakeTwitter, defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { blockUnder, runWithFakeX, type BlockProcess } from "./run-with-fake-x.js";

let cli: BlockProcess | undefined;
afterAll(() => cli?.stop());

it("README PIN flow: authorize URL out, PIN in, access token out (X docs: PIN-based OAuth)", async () => {
  const fake = createFakeTwitter();
  cli = await runWithFakeX("readme-pin", blockUnder("README.md", "## PIN flow for CLIs and desktop apps"), fake, {
    TWITTER_CONSUMER_KEY: defaultConsumer.key,
    TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
  });
  const [, authorizeUrl] = await cli.waitFor(/Open (\S+) and approve the app\./);
  const url = new URL(authorizeUrl!);
  expect(url.origin + url.pathname).toBe("https://api.x.com/oauth/authorize");
  const pin = fake.approve(url.searchParams.get("oauth_token")!);
  expect(pin).toMatch(/^[0-9]{7}$/);
  await cli.waitFor(/PIN: /);
  cli.child.stdin!.write(pin + "\n");
  const [, screenName, token, secret] = await cli.waitFor(/@(\S+): (\S+) \/ (\S+)\n/);
  expect(screenName).toBe(defaultUser.screenName);
  // The printed token works: the fake answers verify_credentials for it.
  const x = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    fetch: (i, init) => fake.fetch(new Request(i, init)),
  });
  expect((await x.verifyCredentials({ token: token!, tokenSecret: secret! })).id_str).toBe(defaultUser.id);
}, 60_000);
