// examples/cli-pin: the PIN flow in a Node CLI, fed the PIN on standard input like a user typing it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TwitterOAuth } from "../../src/index.js";
import { defaultConsumer, defaultUser } from "../../src/testing/index.js";
import { type FakeXServer, serveFakeX } from "./harness/fake-x.js";
import { compileNodeExample } from "./harness/node-example.js";
import { examples, node24, root } from "./harness/paths.js";
import { type Running, run as runProcess } from "./harness/run.js";

let x: FakeXServer;
let cli: string;

beforeAll(async () => {
  x = await serveFakeX();
  cli = await compileNodeExample("cli-pin", "cli.ts");
});
afterAll(() => x?.close());

// No credentials from the developer's shell: each run sets what it means to.
const NONE = { TWITTER_CONSUMER_KEY: "", TWITTER_CONSUMER_SECRET: "", X_BASE_URL: "" };

function startCli(args: string[], env: Record<string, string> = {}): Running {
  return runProcess(process.execPath, [cli, ...args], { cwd: root, env: { ...NONE, ...env } });
}

/** Node 24 running cli.ts as written ("node cli.ts", as the README says). */
function startCliOnNode24(args: string[]): Running {
  return runProcess(node24, ["cli.ts", ...args], { cwd: join(examples, "cli-pin"), env: NONE });
}

describe("examples/cli-pin", () => {
  const runners = [
    { name: "Node 20, types stripped by esbuild", launch: startCli, available: true },
    {
      name: "Node 24, node cli.ts (skipped only if Node 24 could not be installed)",
      launch: startCliOnNode24,
      available: existsSync(node24),
    },
  ];

  for (const { name, launch, available } of runners) {
    it.skipIf(!available)(
      `X docs, PIN-based OAuth: prints the authorize URL, takes the PIN on stdin, prints working credentials (${name})`,
      async () => {
        const run = launch([
          "--consumer-key",
          defaultConsumer.key,
          "--consumer-secret",
          defaultConsumer.secret,
          "--base-url",
          x.origin,
        ]);
        try {
          const [, token] = await run.waitFor(
            new RegExp(`^${x.origin}/oauth/authorize\\?oauth_token=([A-Za-z0-9_-]+)$`, "m"),
          );
          const pin = x.fake.approve(token!);
          expect(pin).toMatch(/^[0-9]{7}$/);
          run.type(`${pin}\n`);
          expect(await run.exited(), run.output()).toBe(0);
          const out = run.output();
          expect(out).toContain(`Signed in as @${defaultUser.screenName} (id ${defaultUser.id})`);
          const accessToken = /^Access token: +(\S+)$/m.exec(out)?.[1];
          const tokenSecret = /^Access token secret: +(\S+)$/m.exec(out)?.[1];
          // The printed pair is what X issued: it signs a verify_credentials call as the fake user.
          const client = new TwitterOAuth({
            consumerKey: defaultConsumer.key,
            consumerSecret: defaultConsumer.secret,
            baseUrl: x.origin,
          });
          const user = await client.verifyCredentials({ token: accessToken!, tokenSecret: tokenSecret! });
          expect(user.screen_name).toBe(defaultUser.screenName);
        } finally {
          await run.stop();
        }
      },
    );
  }

  it("reads the consumer key and secret from TWITTER_CONSUMER_KEY / TWITTER_CONSUMER_SECRET; a wrong PIN fails with X's error, no token", async () => {
    const run = startCli([], {
      TWITTER_CONSUMER_KEY: defaultConsumer.key,
      TWITTER_CONSUMER_SECRET: defaultConsumer.secret,
      X_BASE_URL: x.origin,
    });
    try {
      await run.waitFor(/oauth\/authorize\?oauth_token=/); // the prompt "PIN: " follows, with no line end
      run.type("0000000\n");
      expect(await run.exited()).toBe(1);
      expect(run.output()).toMatch(/HTTP_ERROR: POST \/oauth\/access_token failed with HTTP 401/);
      expect(run.output()).not.toContain("Access token");
      expect(run.output()).not.toContain(defaultConsumer.secret);
    } finally {
      await run.stop();
    }
  });

  it("without credentials it says which variables or flags to set, and exits 2", async () => {
    const run = startCli([]);
    try {
      expect(await run.exited()).toBe(2);
      expect(run.output()).toContain("TWITTER_CONSUMER_KEY");
      expect(run.output()).toContain("--consumer-key");
    } finally {
      await run.stop();
    }
  });
});
