// `npm run demo`: a small site on http://localhost:3000 that signs in with X, and, unless real
// credentials are set, a fake X on http://localhost:3001. Plain node:http, no framework.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { TwitterOAuth } from "twitter-oauth1";
import { toNodeListener } from "twitter-oauth1/node";
import { TwitterOAuth2 } from "twitter-oauth1/oauth2";
import { createFakeTwitter, defaultClient, defaultConsumer, defaultUser } from "twitter-oauth1/testing";
import { escapeHtml } from "./pages.mjs";
import { createDemoSite } from "./site.mjs";

/** @param {import("node:http").Server} server @param {number} port @param {string} host */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(/** @type {import("node:net").AddressInfo} */ (server.address()).port);
    });
  });
}

/** @param {import("node:http").Server} server */
function close(server) {
  return new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
}

function randomSecret() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Starts the demo. Ports may be 0 (the e2e test does that) to pick free ones.
 *
 * @param {object} [options]
 * @param {number} [options.port] the site's port (default PORT or 3000)
 * @param {number} [options.fakePort] the fake X's port (default FAKE_X_PORT or 3001)
 * @param {string} [options.host] the interface and host name (default HOST or "localhost")
 * @param {Record<string, string | undefined>} [options.env] where to read the settings from (default process.env)
 * @param {(line: string) => void} [options.log] where to print (default console.log)
 */
export async function startDemo(options = {}) {
  const env = options.env ?? process.env;
  const host = options.host ?? env.HOST ?? "localhost";
  const log = options.log ?? console.log;
  const port = options.port ?? Number(env.PORT ?? 3000);
  const fakePort = options.fakePort ?? Number(env.FAKE_X_PORT ?? 3001);
  // X_AUTH=oauth2: sign in over OAuth 2.0 with PKCE (X_CLIENT_ID, X_CLIENT_SECRET) instead of OAuth 1.0a.
  const oauth2 = env.X_AUTH === "oauth2";
  const real = oauth2 ? Boolean(env.X_CLIENT_ID) : Boolean(env.TWITTER_CONSUMER_KEY && env.TWITTER_CONSUMER_SECRET);
  const secret = env.COOKIE_SECRET || randomSecret(); // random: a restart ends sign-ins in progress

  /** @type {{ fetch(request: Request): Promise<Response> } | undefined} */
  let site;
  const siteServer = createServer(toNodeListener((request) => site.fetch(request)));
  const sitePort = await listen(siteServer, port, host);
  const siteUrl = `http://${host}:${sitePort}`;

  /** @type {import("node:http").Server | undefined} */
  let fakeServer;
  /** @type {ReturnType<typeof createFakeTwitter> | undefined} */
  let fake;
  let fakeUrl;
  let client;
  let mode;
  if (real) {
    const callbackUrl = env.TWITTER_CALLBACK_URL ?? `${siteUrl}/callback`;
    client = oauth2
      ? new TwitterOAuth2({ clientId: env.X_CLIENT_ID, clientSecret: env.X_CLIENT_SECRET || undefined, callbackUrl })
      : new TwitterOAuth({
          consumerKey: env.TWITTER_CONSUMER_KEY,
          consumerSecret: env.TWITTER_CONSUMER_SECRET,
          callbackUrl,
        });
    mode = `Mode: <strong>real X</strong> (api.x.com) over ${oauth2 ? "OAuth 2.0" : "OAuth 1.0a"}, callback <code>${escapeHtml(callbackUrl)}</code>.`;
  } else {
    fakeServer = createServer(toNodeListener((request) => fake.fetch(request)));
    const boundFakePort = await listen(fakeServer, fakePort, host);
    fakeUrl = `http://${host}:${boundFakePort}`;
    // The fake app allows exactly this site's callback, as an X app's allow-list would.
    fake = createFakeTwitter({
      consumers: [{ ...defaultConsumer, name: "twitter-oauth1 demo", callbackUrls: [`${siteUrl}/callback`] }],
      clients: [{ ...defaultClient, redirectUris: [`${siteUrl}/callback`] }],
    });
    client = oauth2
      ? new TwitterOAuth2({
          clientId: defaultClient.clientId,
          clientSecret: defaultClient.clientSecret,
          callbackUrl: `${siteUrl}/callback`,
          baseUrl: fakeUrl,
        })
      : new TwitterOAuth({
          consumerKey: defaultConsumer.key,
          consumerSecret: defaultConsumer.secret,
          callbackUrl: `${siteUrl}/callback`,
          baseUrl: fakeUrl,
        });
    // The fake X's own home page says what it is and what it serves.
    mode = `Mode: <strong>fake X</strong> over ${oauth2 ? "OAuth 2.0" : "OAuth 1.0a"} at <a href="${fakeUrl}/">${fakeUrl}</a>, no credentials needed. Sign in there as <code>${defaultUser.screenName}</code> with password <code>${defaultUser.password}</code>.`;
  }
  site = createDemoSite({ client, secret, mode });

  if (real) {
    log(`twitter-oauth1 demo, REAL X mode over ${oauth2 ? "OAuth 2.0 (X_CLIENT_ID is set)" : "OAuth 1.0a (TWITTER_CONSUMER_KEY is set)"}
  Open      ${siteUrl}
  Callback  ${env.TWITTER_CALLBACK_URL ?? `${siteUrl}/callback`}  (must be registered, exactly, in your X app's settings;
            X advises 127.0.0.1 rather than localhost: set TWITTER_CALLBACK_URL and open that host)`);
  } else {
    log(`twitter-oauth1 demo, FAKE X mode over ${oauth2 ? "OAuth 2.0" : "OAuth 1.0a"} (no credentials needed)
  Open      ${siteUrl}
  Fake X    ${fakeUrl}  (sign in as "${defaultUser.screenName}", password "${defaultUser.password}")
  Set TWITTER_CONSUMER_KEY, TWITTER_CONSUMER_SECRET and TWITTER_CALLBACK_URL to talk to the real api.x.com
  (with X_AUTH=oauth2: X_CLIENT_ID, X_CLIENT_SECRET and TWITTER_CALLBACK_URL).`);
  }

  return {
    siteUrl,
    fakeUrl,
    fake,
    mode: real ? "real" : "fake",
    async close() {
      await Promise.all([close(siteServer), fakeServer === undefined ? undefined : close(fakeServer)]);
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startDemo().catch((error) => {
    console.error(`demo: could not start: ${error.message}`);
    if (error.code === "EADDRINUSE") console.error("demo: set PORT and FAKE_X_PORT to free ports");
    process.exit(1);
  });
  const stop = () => demo.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
