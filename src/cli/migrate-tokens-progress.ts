// Progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds in a log.
// Counts only: never an id's tokens, never the client secret.
import type { RunCounts } from "./migrate-tokens-run.js";

/** Where progress goes. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** A running progress display. */
export interface Progress {
  /** Draws once more and stops redrawing. */
  stop(): void;
}

const TTY_EVERY_MS = 250;
const LOG_EVERY_MS = 5_000;
const BAR_WIDTH = 24;

/** The numbers of one progress line. */
export function progressLine(counts: RunCounts, todo: number, now: number): string {
  const done = counts.migrated + counts.failed + counts.leftOver;
  const pause =
    counts.pausedUntil > now ? `, rate limited: waiting ${Math.ceil((counts.pausedUntil - now) / 1000)} s` : "";
  return (
    `${done}/${todo} users: ${counts.migrated} migrated, ${counts.failed} failed, ` +
    `${counts.retries} retries${pause}`
  );
}

/** Starts drawing `counts` on `stream` (every 250 ms as a bar on a TTY, every 5 s as a line otherwise). */
export function startProgress(stream: ProgressStream, counts: RunCounts, todo: number): Progress {
  const tty = stream.isTTY === true;
  const draw = (): void => {
    const line = progressLine(counts, todo, Date.now());
    if (!tty) {
      stream.write(`migrate-tokens: ${line}\n`);
      return;
    }
    const done = counts.migrated + counts.failed + counts.leftOver;
    const filled = todo === 0 ? BAR_WIDTH : Math.round((done / todo) * BAR_WIDTH);
    stream.write(`\r\x1b[K[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${line}`);
  };
  const timer = setInterval(draw, tty ? TTY_EVERY_MS : LOG_EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (tty) {
        draw();
        stream.write("\n");
      }
    },
  };
}
