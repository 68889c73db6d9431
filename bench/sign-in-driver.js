// The browser and X of the sign-in benchmark, in a process of their own so that the process being
// measured (bench/sign-in.js) holds only the apps: the fake X of the built package on loopback, and
// a driver that signs in N times against a login URL (login, approval as the fake's user, callback
// with the cookies the login set). Protocol on stdio, one JSON line each way:
// out first {baseUrl, consumerKey, consumerSecret}; in {login, n}; out {ok, failed} per batch.
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { toNodeListener } from "../dist/node.js";
import { createFakeTwitter, defaultConsumer } from "../dist/testing.js";

const fake = createFakeTwitter();
const server = createServer(toNodeListener(fake.fetch));
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

/** One complete sign-in: whether the callback sent the browser back to the app's "/" (the app's own redirect after sign-in). */
async function signIn(login) {
  const first = await fetch(login, { redirect: "manual" });
  await first.arrayBuffer();
  const location = first.headers.get("location");
  if (first.status !== 302 || location === null) return false;
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const callback = fake.approve(new URL(location).searchParams.get("oauth_token"));
  const back = await fetch(callback, { headers: { cookie }, redirect: "manual" });
  await back.arrayBuffer();
  return back.status === 302 && back.headers.get("location") === "/";
}

process.stdout.write(
  `${JSON.stringify({ baseUrl, consumerKey: defaultConsumer.key, consumerSecret: defaultConsumer.secret })}\n`,
);
for await (const line of createInterface({ input: process.stdin })) {
  const { login, n } = JSON.parse(line);
  let failed = 0;
  for (let i = 0; i < n; i++) {
    // X allows 75 verify_credentials calls per user in 15 minutes, and the fake enforces it: forget
    // the rate windows (and the tokens issued, so memory stays flat) well before that.
    if (i % 50 === 0) fake.reset();
    if (!(await signIn(login))) failed++;
  }
  process.stdout.write(`${JSON.stringify({ ok: n - failed, failed })}\n`);
}
server.close();
