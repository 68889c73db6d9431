// `twitter-oauth1 fake-x` speaks OAuth 2.0 too: --client and the config file's clients, the
// X_CLIENT_ID / X_CLIENT_SECRET lines it prints, and X's token exchange against it over HTTP. In
// process (src/cli/fake-x.ts) and as users run it (the built dist/cli.js) alike.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/oauth1/index.js";
import { startFakeX as startInProcess } from "../../src/cli/fake-x.js";
import { startFakeX } from "./fake-x-process.js";

const dir = mkdtempSync(join(tmpdir(), "fake-x-oauth2-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function printed(output: string, name: string): string | undefined {
  return new RegExp(`^\\s*${name}=(\\S+)$`, "m").exec(output)?.[1];
}

/** A 1.0a sign-in against a running fake X over HTTP (PIN flow), then X's exchange with the printed client. */
async function signInAndExchange(
  baseUrl: string,
  consumer: { key: string; secret: string },
  client: { id: string; secret?: string },
): Promise<Response> {
  const step1Url = `${baseUrl}/oauth/request_token`;
  const step1Auth = await signRequest(
    { method: "POST", url: step1Url },
    { consumerKey: consumer.key, consumerSecret: consumer.secret },
    { callback: "oob" },
  );
  const step1 = new URLSearchParams(
    await (await fetch(step1Url, { method: "POST", headers: { authorization: step1Auth.authorization } })).text(),
  );
  const token = step1.get("oauth_token")!;
  const approve = await fetch(`${baseUrl}/_fake/approve`, {
    method: "POST",
    body: new URLSearchParams({ oauth_token: token }),
  });
  const pin = await approve.text();
  const step3Url = `${baseUrl}/oauth/access_token`;
  const step3Auth = await signRequest(
    { method: "POST", url: step3Url },
    {
      consumerKey: consumer.key,
      consumerSecret: consumer.secret,
      token,
      tokenSecret: step1.get("oauth_token_secret")!,
    },
    { verifier: pin },
  );
  const access = new URLSearchParams(
    await (await fetch(step3Url, { method: "POST", headers: { authorization: step3Auth.authorization } })).text(),
  );
  const body = new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: access.get("oauth_token")!,
    subject_token_type: "urn:x:params:oauth:token-type:oauth1_token",
    oauth_token_secret: access.get("oauth_token_secret")!,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (client.secret === undefined) body.set("client_id", client.id);
  else headers.authorization = `Basic ${btoa(`${client.id}:${client.secret}`)}`;
  return fetch(`${baseUrl}/2/oauth2/token`, { method: "POST", headers, body });
}

describe("fake-x in process: OAuth 2.0 clients", () => {
  it("prints the default client as X_CLIENT_ID and X_CLIENT_SECRET, and the exchange works with them", async () => {
    const lines: string[] = [];
    const running = await startInProcess(["--port", "0"], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    try {
      const output = lines.join("\n");
      expect(printed(output, "X_CLIENT_ID")).toBe("fake-client-id");
      expect(printed(output, "X_CLIENT_SECRET")).toBe("fake-client-secret-0123456789abcdef");
      const answer = await signInAndExchange(
        running!.url,
        { key: "fake-consumer-key", secret: "fake-consumer-secret-0123456789abcdef" },
        { id: "fake-client-id", secret: "fake-client-secret-0123456789abcdef" },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-rate-limit-limit")).toBe("10000");
    } finally {
      await running?.stop();
    }
  });

  it("--client ID (no secret) is a public client: X_CLIENT_ID only, client_id in the body", async () => {
    const lines: string[] = [];
    const running = await startInProcess(["--port", "0", "--client", "public-id"], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    try {
      const output = lines.join("\n");
      expect(printed(output, "X_CLIENT_ID")).toBe("public-id");
      expect(printed(output, "X_CLIENT_SECRET")).toBeUndefined();
      const consumer = { key: "fake-consumer-key", secret: "fake-consumer-secret-0123456789abcdef" };
      expect((await signInAndExchange(running!.url, consumer, { id: "public-id" })).status).toBe(200);
      expect((await signInAndExchange(running!.url, consumer, { id: "fake-client-id", secret: "x" })).status).toBe(400);
    } finally {
      await running?.stop();
    }
  });

  it("--client with an empty id or secret is a usage error naming the flag", async () => {
    const output = { out: () => undefined, err: () => undefined };
    await expect(startInProcess(["--client", ":s"], output)).rejects.toThrow(
      '--client takes ID or ID:SECRET, got ":s"',
    );
    await expect(startInProcess(["--client", "id:"], output)).rejects.toThrow("--client takes ID or ID:SECRET");
  });
});

describe("twitter-oauth1 fake-x (the built command): OAuth 2.0 clients", () => {
  it("--client ID:SECRET and the config file's clients of another app; the exchange takes only its own app's tokens", async () => {
    const file = join(dir, "clients.json");
    writeFileSync(
      file,
      JSON.stringify({
        consumers: [
          { key: "app-one", secret: "one-secret" },
          { key: "app-two", secret: "two-secret" },
        ],
        clients: [{ clientId: "two-client", clientSecret: "two-client-secret", consumerKey: "app-two" }],
      }),
    );
    const fakeX = await startFakeX(["--port", "0", "--config", file, "--client", "one-client:one:client-secret"]);
    try {
      const output = fakeX.output();
      expect(printed(output, "X_CLIENT_ID")).toBe("one-client");
      expect(printed(output, "X_CLIENT_SECRET")).toBe("one:client-secret");
      expect(output).toContain("OAuth 2.0 client: two-client (confidential, of app-two)");
      const one = { key: "app-one", secret: "one-secret" };
      const ok = await signInAndExchange(fakeX.baseUrl, one, { id: "one-client", secret: "one:client-secret" });
      expect(ok.status).toBe(200);
      const otherApp = await signInAndExchange(fakeX.baseUrl, one, { id: "two-client", secret: "two-client-secret" });
      expect(otherApp.status).toBe(400);
      expect(((await otherApp.json()) as { error: string }).error).toBe("invalid_grant");
    } finally {
      await fakeX.stop();
    }
  });
});
