// A message that quotes its input quotes a short piece of it: a 1 MiB Authorization header, name or
// URL sent by a client (or an attacker) is never echoed whole into an error, a log line or a 401.
import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader, signRequest, verifySignature } from "../../src/oauth1/index.js";
import { createFakeTwitter } from "../../src/testing/index.js";
import { requestToken } from "../testing/helpers.js";

const HUGE = "n".repeat(1 << 20);
const LIMIT = 300;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a throw");
}

async function rejectionOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a rejection");
}

describe("messages quote at most a short piece of their input", () => {
  it.each([
    ["a 1 MiB name without '='", `OAuth ${HUGE}`],
    ["a 1 MiB name sent twice", `OAuth oauth_${HUGE}="1", oauth_${HUGE}="2"`],
  ])("parseAuthorizationHeader: %s", (_, header) => {
    const message = messageOf(() => parseAuthorizationHeader(header));
    expect(message).toMatch(/^parseAuthorizationHeader: /);
    expect(message.length).toBeLessThan(LIMIT);
  });

  it.each([
    ["a 1 MiB name without '='", `OAuth ${HUGE}`],
    ["a 1 MiB protocol parameter sent twice", `OAuth oauth_${HUGE}="1", oauth_${HUGE}="2"`],
  ])("verifySignature's detail: %s", async (_, authorization) => {
    const result = await verifySignature({ method: "GET", url: "https://api.example/r", authorization }, () => ({
      consumerSecret: "s",
    }));
    expect(result.valid).toBe(false);
    expect((result as { detail: string }).detail.length).toBeLessThan(LIMIT);
  });

  it("signRequest: a 1 MiB body parameter name, a 1 MiB URL scheme", async () => {
    const credentials = { consumerKey: "k", consumerSecret: "s" };
    for (const run of [
      () => signRequest({ method: "POST", url: "https://api.example/r", body: { [HUGE]: 1 as never } }, credentials),
      () => signRequest({ method: "GET", url: `${HUGE}:x` }, credentials),
    ]) {
      const message = await rejectionOf(run);
      expect(message.length, message.slice(0, 200)).toBeLessThan(LIMIT);
    }
  });

  it("the fake X's approve: a 1 MiB screen name", async () => {
    const fake = createFakeTwitter();
    const { token } = await requestToken(fake);
    expect(messageOf(() => fake.approve(token, { screenName: HUGE })).length).toBeLessThan(LIMIT);
  });
});
