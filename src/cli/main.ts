// The `twitter-oauth1` command (package.json "bin"). Node-only; no library entry point imports it.
import { CliError } from "./errors.js";
import { startFakeX, type Output } from "./fake-x.js";
import { runMigrateTokens } from "./migrate-tokens.js";
import { createExchanger } from "./migrate-tokens-client.js";

const HELP = `Usage: twitter-oauth1 <command> [options]

Commands:
  fake-x    serve a fake X (Twitter) OAuth 1.0a provider on a port, for tests and demos
  migrate-tokens  move every user from OAuth 1.0a to OAuth 2.0 with X's token exchange

Run "twitter-oauth1 <command> --help" for its options.
`;

const output: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    output.out(HELP);
    return;
  }
  if (command === "migrate-tokens") {
    process.exitCode = await migrateTokens(rest);
    return;
  }
  if (command !== "fake-x") {
    throw new CliError(`unknown command "${command}"; the commands are fake-x and migrate-tokens`);
  }
  const running = await startFakeX(rest, output);
  if (running === undefined) return;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void running.stop().then(() => {
      output.out("Fake X stopped.");
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Runs migrate-tokens; SIGINT and SIGTERM stop it after it records what X already answered. */
async function migrateTokens(argv: readonly string[]): Promise<number> {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    output.err(`migrate-tokens: ${signal}: stopping after the exchanges in flight are recorded`);
    stop.abort(new Error(signal));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const io = { ...output, progress: process.stderr, env: process.env, signal: stop.signal };
  return runMigrateTokens(argv, io, createExchanger);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    const where = process.argv[2] === "fake-x" ? "fake-x" : "twitter-oauth1";
    const hint = where === "fake-x" ? "twitter-oauth1 fake-x --help" : "twitter-oauth1 --help";
    output.err(`${where}: ${error.message}${error.usage ? ` (see ${hint})` : ""}`);
    process.exit(error.usage ? 2 : 1);
  }
  output.err(`twitter-oauth1: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
