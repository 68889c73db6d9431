// `twitter-oauth1 migrate-tokens`: every user of an input file through X's OAuth 1.0a token
// exchange, each result appended to the output and on disk before the next user counts as done.
// docs.x.com fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange.
import type { TokenExchanger } from "../oauth2/migrate-types.js";
import { CliError } from "./errors.js";
import { MIGRATE_TOKENS_HELP, type MigrateTokensSettings, readMigrateSettings } from "./migrate-tokens-args.js";
import { checkInput, usersToMigrate } from "./migrate-tokens-input.js";
import { type Lock, takeLock } from "./migrate-tokens-lock.js";
import { openOutput, readRecorded } from "./migrate-tokens-output.js";
import { type ProgressStream, startProgress } from "./migrate-tokens-progress.js";
import { newCounts, runMigration } from "./migrate-tokens-run.js";

/** What the command reads and writes besides its files. */
export interface MigrateTokensIo {
  out(line: string): void;
  err(line: string): void;
  /** Where progress is drawn (stderr). */
  progress: ProgressStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT or SIGTERM: the job records what it has and stops. */
  signal: AbortSignal;
}

/** Builds the OAuth 2.0 client the job exchanges with. */
export type CreateExchanger = (settings: MigrateTokensSettings) => TokenExchanger;

const EXIT_DONE = 0;
const EXIT_SOME_FAILED = 1;
const EXIT_USAGE = 2;

/** Runs the command; resolves with its exit code (0 all migrated, 1 some not, 2 usage, input, client or lock). */
export async function runMigrateTokens(
  argv: readonly string[],
  io: MigrateTokensIo,
  createExchanger: CreateExchanger,
): Promise<number> {
  const say = (line: string): void => io.err(`migrate-tokens: ${line}`);
  let lock: Lock | undefined;
  try {
    const settings = readMigrateSettings(argv, io.env);
    if (settings === "help") {
      io.out(MIGRATE_TOKENS_HELP);
      return EXIT_DONE;
    }
    const check = await checkInput(settings.input, settings.shard);
    if (check.problemCount > 0) {
      for (const problem of check.problems) say(`${settings.input} ${problem}`);
      const more = check.problemCount - check.problems.length;
      say(
        `${check.problemCount} bad input line${check.problemCount === 1 ? "" : "s"}${more > 0 ? ` (${more} more not listed)` : ""}; ` +
          "nothing was exchanged. Fix them and run again.",
      );
      return EXIT_USAGE;
    }
    const client = createExchanger(settings);
    lock = takeLock(settings.output);
    if (lock.takenOverFrom !== undefined) {
      say(`took over ${lock.path} from pid ${lock.takenOverFrom}, which no longer runs`);
    }
    const recorded = await readRecorded(settings.output);
    if (recorded.repairedBytes > 0) {
      say(
        `cut off a torn last line of ${settings.output} (${recorded.repairedBytes} bytes, a killed run): that user is exchanged again`,
      );
    }
    const output = await openOutput(settings.output);
    // Users of this share already recorded: skipped. Count them against the input, not the output,
    // which may hold lines of users no longer in the input.
    let already = 0;
    let alreadyFailed = 0;
    for await (const user of usersOfShareRecorded(settings, recorded.ids)) {
      already++;
      if (recorded.failedIds.has(user)) alreadyFailed++;
    }
    const todo = check.inShard - already;
    const shard = settings.shard ? ` in share ${settings.shard.index}/${settings.shard.count}` : "";
    say(
      `${check.inShard} users${shard}, ${already} already recorded, ${todo} to exchange (${settings.concurrency} at a time)`,
    );
    const started = Date.now();
    const counts = newCounts();
    let progress: ReturnType<typeof startProgress> | undefined;
    let result: Awaited<ReturnType<typeof runMigration>>;
    try {
      const users = usersToMigrate(settings.input, settings.shard, recorded.ids);
      progress = startProgress(io.progress, counts, todo);
      result = await runMigration({
        client,
        counts,
        users,
        record: (line) => output.record(line),
        concurrency: settings.concurrency,
        signal: io.signal,
      });
    } finally {
      progress?.stop();
      await output.close();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const c = result.counts;
    say(
      `${c.migrated} migrated, ${c.failed} failed for good, ${c.leftOver} left for a rerun, ` +
        `${already} recorded before; ${c.retries} retries (${c.rateLimited} rate limited) in ${seconds} s; ` +
        `${output.written()} lines written with ${output.flushes()} fsyncs to ${settings.output}; ` +
        `peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    if (result.halted !== undefined) {
      say(
        `X refused the client (${result.halted}): check --client-id and --client-secret, and that OAuth 2.0 is enabled for the app`,
      );
      return EXIT_USAGE;
    }
    if (result.interrupted) {
      say("stopped before the end: run the same command again to go on");
      return EXIT_SOME_FAILED;
    }
    if (c.leftOver > 0) {
      say(
        `X kept failing for ${c.leftOver} users (last: ${result.lastLeftOverReason}): run the same command again to retry them`,
      );
    }
    if (c.failed + alreadyFailed > 0) {
      say(`${c.failed + alreadyFailed} users failed for good: their lines in ${settings.output} say why`);
    }
    return c.leftOver + c.failed + alreadyFailed > 0 ? EXIT_SOME_FAILED : EXIT_DONE;
  } catch (error) {
    if (error instanceof CliError) {
      say(`${error.message}${error.usage ? " (see twitter-oauth1 migrate-tokens --help)" : ""}`);
      return error.usage ? EXIT_USAGE : EXIT_SOME_FAILED;
    }
    throw error;
  } finally {
    lock?.release();
  }
}

/** Ids of the input in this share that the output already records. */
async function* usersOfShareRecorded(
  settings: MigrateTokensSettings,
  recorded: ReadonlySet<string>,
): AsyncGenerator<string> {
  if (recorded.size === 0) return;
  const everyone = usersToMigrate(settings.input, settings.shard, new Set());
  for await (const user of everyone) if (recorded.has(user.id)) yield user.id;
}
