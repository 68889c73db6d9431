// `twitter-oauth1 fake-x` flags, read with node:util parseArgs; every mistake is one line naming the flag.
import type { FakeClient, FakeConsumer, FakeTwitterOptions, FakeUser } from "../testing/index.js";
import { defaultClient, defaultConsumer, defaultUser } from "../testing/index.js";
import { readConfigFile } from "./config-file.js";
import { CliError } from "./errors.js";
import { parseFlags } from "./flags.js";

/** What `fake-x` runs with. */
export interface FakeXSettings {
  port: number;
  host: string;
  options: FakeTwitterOptions;
  help: boolean;
}

export const FAKE_X_HELP = `Usage: twitter-oauth1 fake-x [options]

Serves a fake X (Twitter) OAuth 1.0a provider on a port: X's sign-in endpoints and pages, a few API
endpoints, X's errors and rate limits, and a control API under /_fake/ for tests in any language.

Options:
  --port PORT               port to listen on (default 3001; 0 picks a free one)
  --host HOST               address to listen on (default 127.0.0.1)
  --consumer KEY:SECRET     an app the fake knows (repeatable; default ${defaultConsumer.key}:${defaultConsumer.secret})
  --callback URL            allow only these callback URLs, exactly, for every app (repeatable;
                            default: any URL or oob)
  --client ID[:SECRET]      an OAuth 2.0 client of the first app: with a secret a confidential client
                            (HTTP Basic), without one a public client (repeatable; default
                            ${defaultClient.clientId}:${defaultClient.clientSecret}; the config file's
                            clients name a consumerKey for the other apps)
  --user NAME:PASSWORD      a user who can sign in (repeatable; default ${defaultUser.screenName}:${defaultUser.password})
  --origin URL              also accept signatures made for this origin, e.g. https://api.x.com, for
                            clients that sign for X's host and reach the fake through a proxy or fetch
  --strict                  RFC 5849 3.2 to the letter: refuse a protocol parameter sent twice, even
                            with the same value, and any oauth_version but "1.0" (X accepts both)
  --config FILE             a JSON file with createFakeTwitter's options (consumers, clients, users,
                            strict, origin, timestampWindowSeconds, requestTokenTtlSeconds); flags
                            override it
  -h, --help                show this help

Control API (form or JSON bodies):
  POST /_fake/approve  oauth_token [screen_name]  -> 200 the callback URL, or the PIN for oob
  POST /_fake/approve  authorize_url [screen_name] -> 200 the redirect_uri with code and state (OAuth 2.0)
  POST /_fake/deny     oauth_token                -> 200 the callback URL with denied
  POST /_fake/deny     authorize_url              -> 200 the redirect_uri with error=access_denied and state
  POST /_fake/expire   token                      -> 204 (an OAuth 2.0 access token expires now)
  POST /_fake/revoke   oauth_token                -> 204
  POST /_fake/fail     status code error message path times delay_ms drop date_skew_seconds
                       resetSeconds                -> 204
  POST /_fake/reset                               -> 204
  A control call a web page makes (Origin of another origin, Sec-Fetch-Site: cross-site), or one
  whose Host is not this server's (its host:port, or a loopback alias of it), gets 403.
`;

const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  consumer: { type: "string", multiple: true },
  client: { type: "string", multiple: true },
  callback: { type: "string", multiple: true },
  user: { type: "string", multiple: true },
  origin: { type: "string" },
  strict: { type: "boolean" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `A:B` split at the first colon, both parts non-empty. */
function pair(value: string, flag: string, shape: string): [string, string] {
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1) throw new CliError(`${flag} takes ${shape}, got "${value}"`);
  return [value.slice(0, colon), value.slice(colon + 1)];
}

/** Reads the flags (and the config file they name) into the settings of the server. */
export function readSettings(argv: readonly string[]): FakeXSettings {
  const flags = parseFlags(argv, FLAGS);
  const help = flags.help === true;
  const options: FakeTwitterOptions = flags.config === undefined ? {} : readConfigFile(flags.config);

  let port = 3001;
  if (flags.port !== undefined) {
    if (!/^[0-9]{1,5}$/.test(flags.port) || Number(flags.port) > 65535) {
      throw new CliError(`--port takes a number from 0 to 65535, got "${flags.port}"`);
    }
    port = Number(flags.port);
  }
  const host = flags.host ?? "127.0.0.1";
  if (host === "") throw new CliError("--host needs a value");

  if (flags.consumer !== undefined) {
    options.consumers = flags.consumer.map((value): FakeConsumer => {
      const [key, secret] = pair(value, "--consumer", "KEY:SECRET");
      return { key, secret };
    });
  }
  if (flags.client !== undefined) {
    const app = (options.consumers ?? [defaultConsumer])[0]!.key;
    const others = (options.clients ?? []).filter((c) => c.consumerKey !== app);
    options.clients = [
      ...flags.client.map((value): FakeClient => {
        const colon = value.indexOf(":");
        const clientId = colon === -1 ? value : value.slice(0, colon);
        const clientSecret = colon === -1 ? undefined : value.slice(colon + 1);
        if (clientId === "" || clientSecret === "")
          throw new CliError(`--client takes ID or ID:SECRET, got "${value}"`);
        return clientSecret === undefined
          ? { clientId, consumerKey: app }
          : { clientId, clientSecret, consumerKey: app };
      }),
      ...others,
    ];
  }
  if (flags.user !== undefined) {
    // X ids are 64-bit decimal strings; these follow the default user's.
    const base = BigInt(defaultUser.id);
    options.users = flags.user.map((value, i): FakeUser => {
      const [screenName, password] = pair(value, "--user", "SCREEN_NAME:PASSWORD");
      return { id: String(base + BigInt(i)), screenName, name: screenName, password };
    });
  }
  if (flags.callback !== undefined) {
    for (const url of flags.callback) {
      if (url !== "oob" && !URL.canParse(url))
        throw new CliError(`--callback takes an absolute URL or oob, got "${url}"`);
    }
    const consumers = options.consumers ?? [{ ...defaultConsumer }];
    options.consumers = consumers.map((c) => ({ ...c, callbackUrls: [...flags.callback!] }));
  }
  if (flags.origin !== undefined) options.origin = flags.origin;
  if (flags.strict === true) options.strict = true;
  return { port, host, options, help };
}
