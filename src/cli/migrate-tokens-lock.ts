// One job per output file: X's exchange rotates, so two jobs over the same users kill each other's
// pairs (docs.x.com oauth-1-0a-token-exchange: "do not run two exchange jobs over the same users
// concurrently"). The lock is a file beside the output holding the job's pid.
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { CliError } from "./errors.js";

/** A lock this process holds. */
export interface Lock {
  path: string;
  /** The pid of a job that had died holding it, when this one took it over. */
  takenOverFrom: number | undefined;
  release(): void;
}

/** Whether a process with this pid runs (EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function youngerThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < ms;
  } catch {
    return false;
  }
}

function holder(path: string): number | undefined {
  try {
    const text = readFileSync(path, "utf8").trim();
    return /^[0-9]{1,10}$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `<output>.lock`, or throws a usage error (exit 2) naming the pid that holds it. A lock whose
 * pid no longer runs (a job killed with SIGKILL, a machine restarted) is taken over.
 */
export function takeLock(output: string): Lock {
  const path = `${output}.lock`;
  let takenOverFrom: number | undefined;
  for (let tries = 0; tries < 5; tries++) {
    try {
      // "wx": create only if absent, atomically, so two starts cannot both win.
      writeFileSync(path, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      let released = false;
      return {
        path,
        takenOverFrom,
        release() {
          if (released) return;
          released = true;
          if (holder(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new CliError(`cannot create the lock ${path}: ${(error as Error).message}`);
      }
    }
    const pid = holder(path);
    const held = (by: number): CliError =>
      new CliError(
        `another migrate-tokens job (pid ${by}) is writing ${output}; wait for it to end, or stop it first (${path})`,
        true,
      );
    if (pid !== undefined && pid !== process.pid && running(pid)) throw held(pid);
    if (pid === undefined && youngerThan(path, 10_000)) {
      // Created this instant by a job that has not written its pid yet.
      throw new CliError(`another migrate-tokens job is starting on ${output} (${path})`, true);
    }
    // Move the dead job's lock aside (rename is atomic: of two jobs taking over, one moves it), and
    // put back what was moved if it turns out to be a live job's fresh lock.
    const moved = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, moved);
    } catch {
      continue;
    }
    const movedPid = holder(moved);
    if (movedPid !== undefined && movedPid !== pid && running(movedPid)) {
      try {
        linkSync(moved, path);
      } catch {
        // a third job holds it now; either way this one does not
      }
      unlinkSync(moved);
      throw held(movedPid);
    }
    unlinkSync(moved);
    if (pid !== undefined) takenOverFrom = pid;
  }
  throw new CliError(`could not take the lock ${path}: other jobs keep taking it`, true);
}
