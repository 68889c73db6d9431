// An example started as its own process by the shared launcher (test/support/processes.js: tinyexec
// spawns it; the output is kept for failure messages), ready once it prints the "Open http://…"
// line every example prints when it listens: the printed URL is what a user opens.
import { type Started, start } from "../../support/processes.js";
import type { StartedExample } from "./web-example.js";

export type Running = Started;

export function run(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Running {
  return start(command, args, { cwd: options.cwd, env: { NO_COLOR: "1", ...options.env } });
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
    stop: async () => {
      await started.stop();
    },
  };
}
