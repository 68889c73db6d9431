// The client's hardening over a real socket, in each runtime that can open one (Node, Deno, Bun):
// the runner serves test/runtimes/hostile-server.js on loopback and passes its origin. A huge or
// endless error body is read once, up to the cap, and every leg settles with its documented error;
// a connection dropped mid-body is NETWORK_ERROR; a redirect is never followed. Timeouts are off,
// so a hang shows as a hang (each case bounds its own wait).
import { equal, oauthError, ok, settles } from "../assert.js";

const CONSUMER = { consumerKey: "network-key", consumerSecret: "network-secret-0123456789" };

function clientAt(pkg, origin, kind) {
  return new pkg.TwitterOAuth({ ...CONSUMER, callbackUrl: "oob", baseUrl: `${origin}/${kind}`, timeout: false });
}

const pair = { token: "t", tokenSecret: "s" };

function legs(client) {
  return [
    ["getRequestToken", () => client.getRequestToken()],
    ["exchangeVerifier", () => client.exchangeVerifier(pair, "v")],
    ["verifyCredentials", () => client.verifyCredentials(pair)],
    ["invalidateToken", () => client.invalidateToken(pair)],
  ];
}

/** @returns the network cases, or none when the runner serves no hostile X (browsers, workerd). */
export function networkCases(pkg, origin) {
  if (origin === undefined) return [];
  return [
    {
      name: "over a socket: a 300 KB 401 on every leg is HTTP_ERROR with X's code, promptly; x.fetch returns it whole",
      async run() {
        const client = clientAt(pkg, origin, "big-401");
        for (const [name, call] of legs(client)) {
          const error = await settles(oauthError(pkg, call, "HTTP_ERROR", name), name);
          equal(error.status, 401, `${name} status`);
        }
        const response = await settles(client.fetch(`${origin}/big-401/2/users/me`, { token: pair }), "x.fetch");
        equal(response.status, 401, "x.fetch status");
        ok((await response.text()).length > 300 * 1024, "x.fetch hands over the whole body");
      },
    },
    {
      name: "over a socket: a 401 whose body never ends settles on every leg (the cap, then the socket is let go)",
      async run() {
        const client = clientAt(pkg, origin, "endless");
        for (const [name, call] of legs(client)) await settles(oauthError(pkg, call, "HTTP_ERROR", name), name);
      },
    },
    {
      name: "over a socket: a connection dropped mid-body is NETWORK_ERROR with the runtime's error as cause",
      async run() {
        const client = clientAt(pkg, origin, "drop");
        const error = await settles(
          oauthError(pkg, () => client.getRequestToken(), "NETWORK_ERROR", "drop"),
          "drop",
        );
        ok(error.cause !== undefined, "cause kept");
      },
    },
    {
      name: "over a socket: a 302 is HTTP_ERROR on the client's own calls, never followed",
      async run() {
        const client = clientAt(pkg, origin, "redirect");
        for (const [name, call] of legs(client)) {
          const error = await settles(oauthError(pkg, call, "HTTP_ERROR", name), name);
          equal(error.status, 302, `${name} status`);
        }
      },
    },
  ];
}
