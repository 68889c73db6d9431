import type { ChildProcess, StdioOptions } from "node:child_process";

export interface StartOptions {
  cwd?: string;
  /** Added to this process's environment (tinyexec also puts node_modules/.bin on PATH). */
  env?: Record<string, string | undefined>;
  /** Default: pipes for stdin, stdout and stderr; add a fourth for a control descriptor. */
  stdio?: StdioOptions;
  /** Its own process group, signalled as a whole and killed when this process exits. */
  group?: boolean;
  /** Called with each chunk it prints (stdout and stderr), e.g. to pass it on. */
  onOutput?(text: string): void;
}

export interface Started {
  process: ChildProcess;
  /** Everything printed so far, stdout and stderr, as printed. */
  output(): string;
  /** True once it has exited. */
  done(): boolean;
  /** Resolves with the exit code once it exits (undefined when a signal ended it). */
  exited(): Promise<number | undefined>;
  /**
   * Resolves with the first match of `pattern` in the output (or the first value other than
   * undefined that `check` returns); rejects, with the output, when it exits first or after `ms`
   * (60 s by default).
   */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  waitFor<T>(check: () => T | undefined, ms?: number): Promise<T>;
  /** Writes `text` to its standard input and closes it, as a user typing a line. */
  type(text: string): void;
  /**
   * Sends `signal` (SIGTERM by default; to the whole group when started with `group`), SIGKILL
   * after `graceMs` (5 s), and resolves once it has exited; `forced` says SIGKILL was needed.
   */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<{
    exitCode: number | undefined;
    forced: boolean;
  }>;
}

export declare function start(command: string, args?: readonly string[], options?: StartOptions): Started;
