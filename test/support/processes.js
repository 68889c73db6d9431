// Child processes for the tests, the runtime runners, the package gates and the benchmark. tinyexec
// spawns them; what is written here is what it leaves to its caller:
// - waiting, with a bound, until the child prints what says it is ready (the URL a user opens,
//   fake-x's credentials, Xvfb's display number). Port pollers such as wait-on would pass on a
//   server that printed nothing, and cannot hand back what it printed;
// - the output kept exactly as printed: a prompt such as "PIN: " ends no line, so a reader of
//   lines (tinyexec's iterator) would not see it yet. A match that runs to the end of what was
//   printed counts once the child has been quiet for a moment, so that a line split across two
//   reads is not taken half (a token cut short);
// - stopping a child, and with `group` every process it started (a browser's driver and its
//   browser, workerd behind its npm launcher, npx and the command it runs), with SIGKILL when it
//   does not stop in time, and when this process exits. tinyexec's kill() signals one pid.
import { x } from "tinyexec";

const QUIET_MS = 100;

/** Children started with `group`: they run in a process group of their own, killed on exit. */
const groups = new Set();
process.on("exit", () => {
  for (const child of groups) send(child, "SIGKILL", true);
});

function send(child, signal, group) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (group) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    child.kill(signal);
  }
}

/** Starts `command args`; see processes.d.ts. */
export function start(command, args = [], { cwd, env, stdio, group = false, onOutput } = {}) {
  const proc = x(command, args, { throwOnError: false, nodeOptions: { cwd, env, stdio, detached: group } });
  const child = proc.process;
  let output = "";
  let printedAt = 0;
  const append = (chunk) => {
    const text = chunk.toString();
    output += text;
    printedAt = Date.now();
    onOutput?.(text);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  if (group) groups.add(child);
  let done = false;
  let failure;
  const ended = new Promise((resolve) => {
    const finish = (exitCode) => {
      done = true;
      groups.delete(child);
      resolve(exitCode);
    };
    child.once("error", (error) => {
      failure = `could not start ${command}: ${error.message}`;
      output += `\n[${failure}]\n`;
      finish(undefined);
    });
    child.once("close", (code) => finish(code ?? undefined));
  });

  const started = {
    process: child,
    output: () => output,
    done: () => done,
    exited: () => ended,
    async waitFor(test, ms = 60_000) {
      const what = typeof test === "function" ? "what it was waited for" : String(test);
      const deadline = Date.now() + ms;
      for (;;) {
        if (failure) throw new Error(failure);
        const found = typeof test === "function" ? test() : (test.exec(output) ?? undefined);
        const whole = (match) =>
          done || match.index + match[0].length <= output.lastIndexOf("\n") + 1 || Date.now() - printedAt >= QUIET_MS;
        if (found !== undefined && (typeof test === "function" || whole(found))) return found;
        if (done)
          throw new Error(`${command} exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${command}: no ${what} within ${ms / 1000} s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    type(text) {
      child.stdin?.end(text);
    },
    async stop({ signal = "SIGTERM", graceMs = 5_000 } = {}) {
      let forced = false;
      if (!done) {
        send(child, signal, group);
        const timer = setTimeout(() => {
          forced = true;
          send(child, "SIGKILL", group);
        }, graceMs);
        await ended;
        clearTimeout(timer);
      }
      return { exitCode: await ended, forced };
    },
  };
  return started;
}
