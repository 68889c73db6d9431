// An example started as its own process (tinyexec spawns it and reads its lines), its output kept for
// failure messages, ready once it prints the "Open http://…" line every example prints when it
// listens. Waiting for that line is the one part written here: port- or URL-polling tools (wait-on and
// the like) would pass on a server that prints nothing, and the printed URL is what a user opens.
import { type Result, x } from "tinyexec";
import type { StartedExample } from "./web-example.js";

export interface Running {
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects when the process exits first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends by itself. */
  exited(): Promise<number | undefined>;
  /** Writes `text` to its standard input and closes it, as a user typing a line. */
  type(text: string): void;
  stop(): Promise<void>;
}

export function run(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Running {
  // The settings are always given explicitly, so what the developer's shell has set cannot leak in.
  const proc: Result = x(command, args, {
    throwOnError: false,
    nodeOptions: { cwd: options.cwd, env: { NO_COLOR: "1", ...options.env } },
  });
  const lines: string[] = [];
  let done = false;
  const ended = (async () => {
    for await (const line of proc) lines.push(line);
    done = true;
  })();
  const output = (): string => lines.join("\n");
  return {
    output,
    async waitFor(pattern, ms = 60_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = pattern.exec(output());
        if (match) return match;
        if (done) throw new Error(`${command} exited before printing ${pattern}:\n${output()}`);
        if (Date.now() > deadline)
          throw new Error(`${command} printed no ${pattern} within ${ms / 1000} s:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    type(text) {
      proc.process?.stdin?.end(text);
    },
    async exited() {
      await ended;
      return (await proc).exitCode;
    },
    async stop() {
      if (!done) proc.kill("SIGTERM");
      await ended;
      await proc;
    },
  };
}

/** An example server run as `command args` with `env`, listening on 127.0.0.1:`port`. */
export function processExample(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; port: number; ready?: RegExp },
): StartedExample {
  const origin = `http://127.0.0.1:${options.port}`;
  const started = run(command, args, { cwd: options.cwd, env: { ...options.env, PORT: String(options.port) } });
  return {
    origin,
    // Every example prints the URL to open once it listens (a framework's server, its own line).
    ready: async () => {
      await started.waitFor(options.ready ?? new RegExp(`Open ${origin.replace(/[.]/g, "\\.")}/`));
    },
    output: started.output,
    exited: started.exited,
    stop: started.stop,
  };
}
