// Starts `twitter-oauth1 fake-x` (the built dist/cli.js) as its own process and reads what it
// prints: the one helper the command's tests and the interop tests share. Needs `npm run build`.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { x } from "tinyexec";
import { start } from "../support/processes.js";

export const root = resolve(import.meta.dirname, "../..");
/** The built command. */
export const CLI = join(root, "dist/cli.js");

/** A running fake X command. */
export interface FakeXProcess {
  /** The base URL it printed, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The first consumer's key and secret, as printed. */
  consumerKey: string;
  consumerSecret: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` (default SIGINT, as Ctrl-C) and waits for the exit (SIGKILL after 5 s). */
  stop(signal?: NodeJS.Signals): Promise<{ exitCode: number | undefined; output: string }>;
}

/** Runs the command to its end (for --help and the errors); never throws on a non-zero exit. */
export async function runFakeX(
  args: readonly string[],
  command: readonly string[] = [process.execPath, CLI],
): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const result = await x(command[0]!, [...command.slice(1), "fake-x", ...args], {
    throwOnError: false,
    timeout: 20_000,
    nodeOptions: { cwd: root },
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts `fake-x` with `args` (add `--port 0` for a free port) and resolves once it has printed its
 * base URL and credentials. `command` runs it in another runtime (e.g. `["deno", "run", "-A", CLI]`).
 */
export async function startFakeX(
  args: readonly string[] = ["--port", "0"],
  command: readonly string[] = [process.execPath, CLI],
): Promise<FakeXProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const child = start(command[0]!, [...command.slice(1), "fake-x", ...args], { cwd: root });
  try {
    await child.waitFor(/TWITTER_CONSUMER_SECRET=\S+/, 20_000);
  } catch (error) {
    await child.stop({ signal: "SIGKILL" });
    throw new Error(`fake-x did not start: ${(error as Error).message}`);
  }
  const value = (name: string): string => new RegExp(`${name}=(\\S+)`).exec(child.output())![1]!;
  return {
    baseUrl: value("X_BASE_URL"),
    consumerKey: value("TWITTER_CONSUMER_KEY"),
    consumerSecret: value("TWITTER_CONSUMER_SECRET"),
    output: child.output,
    async stop(signal = "SIGINT") {
      const { exitCode } = await child.stop({ signal });
      return { exitCode, output: child.output() };
    },
  };
}

/** POSTs a control operation (`approve`, `deny`, `revoke`, `fail`, `reset`) to a running fake X. */
export async function control(
  baseUrl: string,
  operation: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${baseUrl}/_fake/${operation}`, { method: "POST", body: new URLSearchParams(fields) });
  const text = await response.text();
  if (!response.ok) throw new Error(`/_fake/${operation} answered ${response.status}: ${text}`);
  return text;
}

/** Approves a request token as the first user; the verifier from the callback URL it answers. */
export async function approveToVerifier(baseUrl: string, requestToken: string): Promise<string> {
  const callback = await control(baseUrl, "approve", { oauth_token: requestToken });
  return new URL(callback).searchParams.get("oauth_verifier")!;
}
