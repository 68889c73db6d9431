// `twitter-oauth1 fake-x`: the fake X on a port, with its credentials printed ready to paste.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createFakeTwitter,
  type FakeTwitter,
  type FakeTwitterOptions,
  defaultClient,
  defaultConsumer,
  defaultUser,
} from "../testing/index.js";
import { toNodeListener } from "../common/node-listener.js";
import { FAKE_X_HELP, readSettings } from "./args.js";
import { CliError } from "./errors.js";
import { controlHostCheck, hostRefusal } from "./host-check.js";

/** Where the command writes; tests and the entry point pass process streams. */
// The fake reads at most 1 MiB of a body and answers a larger one with 413 in the endpoint's own
// format (X's errors, OAuth 2.0's error JSON, v2's problem JSON); the listener's own limit, with
// its plain-text 413, stays out of its way. Bodies are still read only as far as the fake reads.
const FAKE_BODIES = { maxBodyBytes: Number.MAX_SAFE_INTEGER };

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function banner(base: string, options: FakeTwitterOptions): string {
  const consumers = options.consumers ?? [defaultConsumer];
  const users = options.users ?? [defaultUser];
  const first = consumers[0]!;
  const clients = options.clients ?? [{ ...defaultClient, consumerKey: first.key }];
  const client = clients.find((c) => c.consumerKey === first.key) ?? clients[0]!;
  const lines = [
    `Fake X is listening on ${base}`,
    "",
    ...consumers.flatMap((c) => [
      `  Consumer key:     ${c.key}`,
      `  Consumer secret:  ${c.secret}`,
      `  Callback URLs:    ${c.callbackUrls === undefined ? "any URL, or oob" : c.callbackUrls.join(", ")}`,
    ]),
    ...clients.flatMap((c) => [
      `  OAuth 2.0 client: ${c.clientId} (${c.clientSecret === undefined ? "public" : "confidential"}, of ${c.consumerKey})`,
      ...(c.clientSecret === undefined ? [] : [`  Client secret:    ${c.clientSecret}`]),
      `  Redirect URIs:    ${c.redirectUris === undefined ? "any http(s) URL" : c.redirectUris.join(", ")}`,
    ]),
    ...users.map((u, i) => `  ${i === 0 ? "Users:" : "      "}            ${u.screenName} / ${u.password}`),
    `  Signatures:       ${options.strict === true ? "strict (RFC 5849 3.2)" : "as lenient as X"}${options.origin === undefined ? "" : `, for ${base} or ${options.origin}`}`,
    "",
    "Point your app at it:",
    `  X_BASE_URL=${base}`,
    `  TWITTER_CONSUMER_KEY=${first.key}`,
    `  TWITTER_CONSUMER_SECRET=${first.secret}`,
    `  X_CLIENT_ID=${client.clientId}`,
    ...(client.clientSecret === undefined ? [] : [`  X_CLIENT_SECRET=${client.clientSecret}`]),
    `  new TwitterOAuth({ consumerKey, consumerSecret, callbackUrl, baseUrl: "${base}" })`,
    "",
    `Sign in on its pages, or from a test: POST ${base}/_fake/approve with oauth_token=<request token>`,
    `  (OAuth 2.0: authorize_url=<the ${base}/i/oauth2/authorize?… URL>; tokens at ${base}/2/oauth2/token).`,
    `Endpoints and the control API: ${base}/   Stop: Ctrl-C.`,
  ];
  return lines.join("\n");
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `port ${port} on ${host} is already in use; choose another with --port (--port 0 picks a free one)`;
    case "EACCES":
      return `no permission to listen on port ${port}; choose another with --port (above 1023)`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot listen on host ${host}; change --host (e.g. 127.0.0.1)`;
    default:
      return `cannot listen on ${host}:${port} (${error.code ?? error.message}); change --host or --port`;
  }
}

/** A running fake-x server. */
export interface RunningFakeX {
  url: string;
  fake: FakeTwitter;
  server: Server;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

/**
 * Starts the fake X on `--host`:`--port`. Resolves once it listens; rejects with a CliError for a
 * mistake in the flags or a port that cannot be had.
 */
export async function startFakeX(argv: readonly string[], output: Output): Promise<RunningFakeX | undefined> {
  const settings = readSettings(argv);
  if (settings.help) {
    output.out(FAKE_X_HELP);
    return undefined;
  }
  let fake: FakeTwitter;
  try {
    fake = createFakeTwitter(settings.options);
  } catch (error) {
    // A flag's value: "options.origin must be …" becomes "--origin must be …".
    throw new CliError((error instanceof Error ? error.message : String(error)).replace(/^options\./, "--"));
  }
  // The port is known once listening (--port 0 picks one); no request is served before that.
  let hostAllowed: (header: string) => boolean = () => false;
  let served = "";
  const server = createServer(
    toNodeListener((request) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith("/_fake/") && !hostAllowed(request.headers.get("host") ?? "")) {
        return hostRefusal(served);
      }
      return fake.fetch(request);
    }, FAKE_BODIES),
  );
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void =>
      reject(new CliError(listenError(error, settings.host, settings.port), false));
    server.once("error", failed);
    server.listen(settings.port, settings.host, () => {
      server.off("error", failed);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = urlOf(settings.host, port);
  served = new URL(url).host;
  hostAllowed = controlHostCheck(settings.host, port, settings.options.origin);
  output.out(banner(url, settings.options));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets would hold close() open; not every runtime's node:http has this.
      (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  return { url, fake, server, stop };
}
