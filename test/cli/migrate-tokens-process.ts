// Runs `twitter-oauth1 migrate-tokens` (the built dist/cli.js) against `twitter-oauth1 fake-x`, both
// as their own processes, as a user runs them. Needs `npm run build`.
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { x } from "tinyexec";
import { TwitterOAuth } from "../../src/twitter/index.js";
import { defaultClient, defaultConsumer } from "../../src/testing/index.js";
import { start, type Started } from "../support/processes.js";
import { CLI, control, root, startFakeX, type FakeXProcess } from "./fake-x-process.js";

export const clientId = defaultClient.clientId;
export const clientSecret = defaultClient.clientSecret!;

/** One user of the input, with the fake user it belongs to. */
export interface InputUser {
  id: string;
  token: string;
  tokenSecret: string;
  /** The fake's id of the user the token belongs to. */
  xUserId: string;
}

/** A fake X with `count` users, each signed in once with OAuth 1.0a; their tokens written as an input file. */
export async function fakeWithUsers(
  dir: string,
  count: number,
): Promise<{ fakeX: FakeXProcess; input: string; users: InputUser[] }> {
  const base = 1_460_000_000_000_000_000n;
  const fakeUsers = Array.from({ length: count }, (_, i) => ({
    id: String(base + BigInt(i)),
    screenName: `user${i}`,
    name: `User ${i}`,
    password: "password",
  }));
  const config = join(dir, `fake-${count}.json`);
  writeFileSync(config, JSON.stringify({ users: fakeUsers }));
  const fakeX = await startFakeX(["--port", "0", "--config", config]);
  const x1 = new TwitterOAuth({
    consumerKey: defaultConsumer.key,
    consumerSecret: defaultConsumer.secret,
    callbackUrl: "oob",
    baseUrl: fakeX.baseUrl,
  });
  const users: InputUser[] = new Array(count);
  let next = 0;
  const signIn = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const requestToken = await x1.getRequestToken();
      const pin = await control(fakeX.baseUrl, "approve", {
        oauth_token: requestToken.token,
        screen_name: fakeUsers[i]!.screenName,
      });
      const access = await x1.exchangeVerifier(requestToken, pin);
      users[i] = {
        id: `app-user-${i}`,
        token: access.token,
        tokenSecret: access.tokenSecret,
        xUserId: fakeUsers[i]!.id,
      };
    }
  };
  await Promise.all(Array.from({ length: 8 }, signIn));
  const input = join(dir, `users-${count}.jsonl`);
  writeFileSync(
    input,
    users.map((u) => `${JSON.stringify({ id: u.id, token: u.token, tokenSecret: u.tokenSecret })}\n`).join(""),
  );
  return { fakeX, input, users };
}

/** The environment of a job run: the client of the fake's default app. */
export const jobEnv = { X_CLIENT_ID: clientId, X_CLIENT_SECRET: clientSecret };

/** Runs migrate-tokens to its end; never throws on a non-zero exit. */
export async function runMigrate(
  args: readonly string[],
  env: Record<string, string> = jobEnv,
  timeoutMs = 300_000,
): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const result = await x(process.execPath, [CLI, "migrate-tokens", ...args], {
    throwOnError: false,
    timeout: timeoutMs,
    nodeOptions: { cwd: root, env: { ...process.env, ...env } },
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/** Starts migrate-tokens, to be killed. */
export function startMigrate(args: readonly string[], env: Record<string, string> = jobEnv): Started {
  return start(process.execPath, [CLI, "migrate-tokens", ...args], { cwd: root, env });
}

/** Whether an OAuth 2.0 access token works on the fake's GET /2/users/me; the user id it answers for. */
export async function me(baseUrl: string, accessToken: string): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${baseUrl}/2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = (await response.json().catch(() => ({}))) as { data?: { id?: string } };
  return { status: response.status, ...(body.data?.id !== undefined && { id: body.data.id }) };
}

/**
 * A pass-through proxy in front of the fake X that keeps every access token the token endpoint
 * issued, so a test can check that the pairs the job never recorded are dead.
 */
export async function recordingProxy(
  target: string,
): Promise<{ url: string; issued: string[]; close(): Promise<void> }> {
  const issued: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host") headers.set(k, v);
        const answer = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
        });
        const body = Buffer.from(await answer.arrayBuffer());
        if (req.url?.startsWith("/2/oauth2/token") && answer.status === 200) {
          const token = (JSON.parse(body.toString()) as { access_token?: string }).access_token;
          if (token) issued.push(token);
        }
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (k !== "content-length" && k !== "content-encoding" && k !== "transfer-encoding") out[k] = v;
        });
        res.writeHead(answer.status, out).end(body);
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
