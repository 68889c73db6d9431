// The job's engine: N workers take users from the input and record each answer before taking the
// next. A 429 pauses every worker until X's reset (the limit is per app and source IP, not per
// worker); a 503 or a network failure backs off that one user, a bounded number of times.
import { setTimeout as sleep } from "node:timers/promises";
import { migrateUser } from "../oauth2/migrate-user.js";
import type { MigrationLine, MigrationUser, TokenExchanger } from "../oauth2/migrate-types.js";

/** Tries of one user after a 503 or a network failure before the job leaves it to a rerun. */
export const MAX_ATTEMPTS = 8;
/** 429s one user may meet before the job leaves it to a rerun (each waits up to a window). */
export const MAX_RATE_LIMITED = 100;

/** What the job did so far. */
export interface RunCounts {
  migrated: number;
  failed: number;
  /** Users left unrecorded after {@link MAX_ATTEMPTS} (or {@link MAX_RATE_LIMITED}): a rerun retries them. */
  leftOver: number;
  /** Answers that asked for a retry (429, 503, network). */
  retries: number;
  rateLimited: number;
  /** When the 429 pause ends (ms since the epoch), 0 when none. */
  pausedUntil: number;
}

/** How the job ended. */
export interface RunResult {
  counts: RunCounts;
  /** Set when X refused the client itself: the job stopped at once. */
  halted: string | undefined;
  /** Set when the caller's signal stopped it. */
  interrupted: boolean;
  /** The last reason a user was left over, for the summary. */
  lastLeftOverReason: string | undefined;
}

/** What {@link runMigration} needs. */
export interface RunOptions {
  client: TokenExchanger;
  users: AsyncIterable<MigrationUser>;
  /** Resolves once the line is on disk. */
  record(line: MigrationLine): Promise<void>;
  concurrency: number;
  /** Stops the job: in-flight exchanges are aborted (their pairs die with the next exchange). */
  signal: AbortSignal;
  /** Counts to keep up to date as the job runs (for a progress display); a new object by default. */
  counts?: RunCounts;
  now?: () => number;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** All counts at zero. */
export function newCounts(): RunCounts {
  return { migrated: 0, failed: 0, leftOver: 0, retries: 0, rateLimited: 0, pausedUntil: 0 };
}

const defaultWait = (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, undefined, { signal });

/** Migrates every user `users` yields, `concurrency` at a time. */
export async function runMigration(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? Date.now;
  const wait = options.wait ?? defaultWait;
  // The caller's signal and the job's own stop (a halt, a failed write) as one.
  const stop = new AbortController();
  const signal = stop.signal;
  const forward = (): void => stop.abort(options.signal.reason);
  if (options.signal.aborted) forward();
  else options.signal.addEventListener("abort", forward, { once: true });
  const counts = options.counts ?? newCounts();
  const result: RunResult = { counts, halted: undefined, interrupted: false, lastLeftOverReason: undefined };
  const iterator = options.users[Symbol.asyncIterator]();
  let fatal: unknown;

  const migrateOne = async (user: MigrationUser): Promise<void> => {
    let attempt = 0;
    let rateLimited = 0;
    for (;;) {
      const paused = counts.pausedUntil - now();
      if (paused > 0) await wait(paused, signal);
      const outcome = await migrateUser(options.client, user, { attempt, signal, now });
      if (outcome.status === "migrated" || outcome.status === "failed") {
        // Recorded even when the job is stopping: X issued this pair, and only the line keeps it.
        await options.record(outcome.line);
        counts[outcome.status]++;
        return;
      }
      if (outcome.status === "halt") {
        result.halted = outcome.reason;
        stop.abort(new Error(outcome.reason));
        return;
      }
      counts.retries++;
      if (outcome.rateLimited) {
        counts.rateLimited++;
        rateLimited++;
        counts.pausedUntil = Math.max(counts.pausedUntil, now() + outcome.retryAfterMs);
      } else {
        attempt++;
      }
      if (attempt >= MAX_ATTEMPTS || rateLimited >= MAX_RATE_LIMITED) {
        counts.leftOver++;
        result.lastLeftOverReason = outcome.reason;
        return;
      }
      if (!outcome.rateLimited) await wait(outcome.retryAfterMs, signal);
    }
  };

  const worker = async (): Promise<void> => {
    while (!signal.aborted) {
      const next = await iterator.next();
      if (next.done) return;
      try {
        await migrateOne(next.value);
      } catch (error) {
        if (signal.aborted) return;
        fatal ??= error;
        stop.abort(error);
        return;
      }
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  options.signal.removeEventListener("abort", forward);
  await iterator.return?.();
  if (fatal !== undefined) throw fatal;
  result.interrupted = options.signal.aborted;
  return result;
}
