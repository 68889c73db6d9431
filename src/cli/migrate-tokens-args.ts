// `twitter-oauth1 migrate-tokens` flags, read with node:util parseArgs; every mistake is one line naming the flag.
import { CliError } from "./errors.js";
import { parseFlags } from "./flags.js";
import { parseShard, type Shard } from "./migrate-tokens-shard.js";

/** What `migrate-tokens` runs with. */
export interface MigrateTokensSettings {
  input: string;
  output: string;
  clientId: string;
  clientSecret: string | undefined;
  baseUrl: string | undefined;
  concurrency: number;
  shard: Shard | undefined;
}

/** Exchanges in flight at once by default: X's 10,000 per 15 minutes is about 11 a second. */
export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

export const MIGRATE_TOKENS_HELP = `Usage: twitter-oauth1 migrate-tokens --input users.jsonl --output oauth2.jsonl [options]

Moves every user of an app from OAuth 1.0a to OAuth 2.0 with X's token exchange
(https://docs.x.com/fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange), one line per user.

Input lines:   {"id": "...", "token": "...", "tokenSecret": "..."}   (id: your own key for the user)
Output lines:  {"id", "accessToken", "refreshToken", "expiresAt", "scopes"}, or {"id", "error", "message"}
               for a user X refused for good. The file is created owner-only (0600).

Options:
  --input FILE            the users, JSON Lines; checked whole before the first exchange
  --output FILE           where results are appended; a rerun skips every id already in it
  --client-id ID          the app's OAuth 2.0 Client ID (default: $X_CLIENT_ID)
  --client-secret SECRET  its Client Secret, for confidential clients (default: $X_CLIENT_SECRET;
                          prefer the variable: a flag shows in the process list)
  --base-url URL          X's API origin (default https://api.x.com; http only on loopback)
  --concurrency N         exchanges in flight at once, 1 to ${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
  --shard K/N             only the ids in share K of N (by SHA-256 of the id): N machines, one input
  -h, --help              show this help

Kill it at any moment and run it again: a pair X issued but the job did not record is rotated away by
the next exchange. One job per output file (a lock file beside it).

Exit codes: 0 every user migrated; 1 the job ended and some users were not (failure lines say why, or
X kept failing and a rerun retries them); 2 bad usage, bad input, the client refused, or the lock held.
`;

const FLAGS = {
  input: { type: "string" },
  output: { type: "string" },
  "client-id": { type: "string" },
  "client-secret": { type: "string" },
  "base-url": { type: "string" },
  concurrency: { type: "string" },
  shard: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads the flags, with the client id and secret from `env` when the flags leave them out. */
export function readMigrateSettings(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): MigrateTokensSettings | "help" {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help === true) return "help";
  if (!flags.input) throw new CliError("--input FILE is required");
  if (!flags.output) throw new CliError("--output FILE is required");
  const clientId = flags["client-id"] ?? env.X_CLIENT_ID ?? "";
  if (clientId === "") throw new CliError("--client-id ID is required (or set X_CLIENT_ID)");
  const clientSecret = flags["client-secret"] ?? (env.X_CLIENT_SECRET || undefined);
  let concurrency = DEFAULT_CONCURRENCY;
  if (flags.concurrency !== undefined) {
    concurrency = Number(flags.concurrency);
    if (!/^[0-9]{1,3}$/.test(flags.concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new CliError(`--concurrency takes a number from 1 to ${MAX_CONCURRENCY}, got "${flags.concurrency}"`);
    }
  }
  const baseUrl = flags["base-url"];
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) {
    throw new CliError(`--base-url takes an absolute URL, got "${baseUrl}"`);
  }
  return {
    input: flags.input,
    output: flags.output,
    clientId,
    clientSecret,
    baseUrl,
    concurrency,
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
  };
}
