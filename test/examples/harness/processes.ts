// Starts an example as a child process in its own process group, waits until it answers HTTP, and
// kills the whole group afterwards (runtimes such as deno and bun start helpers of their own).
import { spawn, type ChildProcess } from "node:child_process";

export interface Started {
  child: ChildProcess;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<Started>();
// A crashed test run must not leave servers behind.
process.on("exit", () => {
  for (const started of running) killGroup(started.child);
});

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

export function start(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk));
  child.on("error", (error) => (log += `\n[could not start ${command}: ${error.message}]`));
  child.on("exit", (code, signal) => (log += `\n[exited: ${code ?? signal}]`));
  const started: Started = {
    child,
    output: () => log,
    stop: async () => {
      running.delete(started);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killGroup(child);
      const timer = setTimeout(() => child.pid !== undefined && safeKill(-child.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(started);
  return started;
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Polls `url` until it answers (any status), failing early when the process exits. */
export async function waitForHttp(started: Started, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (started.child.exitCode !== null || started.child.signalCode !== null) {
      throw new Error(`the example exited before serving ${url}:\n${started.output()}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`nothing answered on ${url} within ${timeoutMs / 1000} s:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
