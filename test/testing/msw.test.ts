// The fake mounts as-is in msw (docs/testing.md): one handler, no per-endpoint mocks.
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { createFakeTwitter, defaultConsumer } from "../../src/testing/index.js";

const fake = createFakeTwitter();
const server = setupServer(http.all("https://api.x.com/*", ({ request }) => fake.fetch(request)));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("answers globalThis.fetch through msw: request_token, then the sign-in page", async () => {
  const url = "https://api.x.com/oauth/request_token";
  const signed = await signRequest(
    { method: "POST", url },
    { consumerKey: defaultConsumer.key, consumerSecret: defaultConsumer.secret },
    { callback: "https://app.example/cb" },
  );
  const response = await fetch(url, { method: "POST", headers: { authorization: signed.authorization } });
  expect(response.status).toBe(200);
  const token = new URLSearchParams(await response.text()).get("oauth_token")!;
  const page = await fetch(`https://api.x.com/oauth/authenticate?oauth_token=${token}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('name="session[password]"');
  const refused = await fetch(url, { method: "POST" });
  expect(refused.status).toBe(400);
});
