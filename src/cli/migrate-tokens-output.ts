// The job's output: one result line per user, appended and flushed to disk before the user counts
// as done. A rerun reads it back to skip the users already recorded, and repairs a last line a kill
// cut short (that user is exchanged again; X's exchange invalidates the pair it cannot find).
import { open, stat, truncate } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import type { MigrationLine } from "../oauth2/migrate-types.js";
import { CliError } from "./errors.js";
import { LineTooLongError, readLines } from "./migrate-tokens-lines.js";

/** No output line is longer: a pair and its scopes are well under 8 KiB. */
const MAX_OUTPUT_LINE_BYTES = 256 * 1024;

/** What the output already held. */
export interface Recorded {
  /** Ids with a line: migrated or failed for good. */
  ids: Set<string>;
  /** Of them, the failures. */
  failedIds: Set<string>;
  /** Bytes of a torn last line that were cut off (0 when there was none). */
  repairedBytes: number;
}

/** Reads the ids recorded in `path` (none when it does not exist) and cuts off a torn last line. */
export async function readRecorded(path: string): Promise<Recorded> {
  const recorded: Recorded = { ids: new Set(), failedIds: new Set(), repairedBytes: 0 };
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return recorded;
    throw new CliError(`cannot read --output ${path}: ${(error as Error).message}`);
  }
  try {
    for await (const line of readLines(path, MAX_OUTPUT_LINE_BYTES)) {
      if (!line.terminated) {
        // Lines are written whole and flushed one after the other: only the last can be torn.
        await truncate(path, line.offset);
        recorded.repairedBytes = size - line.offset;
        break;
      }
      if (line.text.trim() === "") continue;
      const id = idOf(line.text);
      if (id === undefined) {
        throw new CliError(
          `--output ${path} line ${line.number} is not a result line of this job; move the file away or fix the line`,
        );
      }
      recorded.ids.add(id.id);
      if (id.failed) recorded.failedIds.add(id.id);
    }
  } catch (error) {
    if (error instanceof LineTooLongError) {
      throw new CliError(`--output ${path} line ${error.lineNumber} is not a result line of this job (too long)`);
    }
    throw error;
  }
  return recorded;
}

function idOf(text: string): { id: string; failed: boolean } | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value !== "object" || value === null || typeof value.id !== "string") return undefined;
    if (typeof value.accessToken === "string") return { id: value.id, failed: false };
    if (typeof value.error === "string") return { id: value.id, failed: true };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Appends result lines; `record` resolves once the line is on disk. */
export interface OutputWriter {
  record(line: MigrationLine): Promise<void>;
  /** Lines flushed so far. */
  written(): number;
  /** fsync calls so far: lines that arrive while one runs share the next. */
  flushes(): number;
  close(): Promise<void>;
}

/**
 * Opens `path` for appending, created owner-only (0600: it holds every user's tokens) and made so
 * if it existed. Lines that arrive while a write is on its way go out together in the next write,
 * followed by one fsync: a line is never reported recorded before it is on disk.
 */
export async function openOutput(path: string): Promise<OutputWriter> {
  let handle: FileHandle;
  try {
    handle = await open(path, "a", 0o600);
    await handle.chmod(0o600);
  } catch (error) {
    throw new CliError(`cannot open --output ${path}: ${(error as Error).message}`);
  }
  let queue: { text: string; done: () => void; fail: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;
  let written = 0;
  let flushes = 0;

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await handle.write(batch.map((entry) => entry.text).join(""));
        await handle.datasync();
        flushes++;
        written += batch.length;
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.fail(error);
      }
    }
    flushing = undefined;
  };

  return {
    record(line) {
      return new Promise<void>((done, fail) => {
        queue.push({ text: `${JSON.stringify(line)}\n`, done, fail });
        flushing ??= flush();
      });
    },
    written: () => written,
    flushes: () => flushes,
    async close() {
      await flushing;
      await handle.close();
    },
  };
}
