// The shared launcher of child processes (processes.js): what every runner and harness relies on.
import { describe, expect, it, vi } from "vitest";
import { start } from "./processes.js";

const node = (code: string) => [process.execPath, ["-e", code]] as const;

// How long a Node child may take to start and print: a very generous ceiling (a start takes well
// under a second on a quiet machine), since a start cannot be counted, only waited for, and a
// machine whose cores are all busy may take many seconds. A bound, never a measurement.
const STARTUP_MS = 60_000;
const CEILING = { timeout: 2 * STARTUP_MS };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("start(): waiting for what a child prints", CEILING, () => {
  it("sees a prompt that ends no line", async () => {
    const child = start(...node(`process.stdout.write("PIN: "); setTimeout(() => {}, 30_000);`));
    try {
      expect((await child.waitFor(/PIN: $/, STARTUP_MS))[0]).toBe("PIN: ");
    } finally {
      await child.stop();
    }
  });

  it("does not take half of a line printed in two writes", async () => {
    const child = start(
      ...node(`process.stdout.write("TOKEN=abc"); setTimeout(() => process.stdout.write("def\\n"), 40);`),
    );
    expect((await child.waitFor(/TOKEN=(\S+)/, STARTUP_MS))[1]).toBe("abcdef");
    await child.exited();
  });

  it("fails within its bound, with what was printed, when the line never comes", async () => {
    const child = start(...node(`console.log("starting"); setTimeout(() => {}, 30_000);`));
    try {
      await child.waitFor(/starting/, STARTUP_MS);
      // The bound is read on a clock the test moves (Date and timers faked), not on the machine's.
      vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
      let settled = false;
      const waiting = child.waitFor(/listening/, 500).finally(() => {
        settled = true;
      });
      waiting.catch(() => undefined);
      await vi.advanceTimersByTimeAsync(490);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(60);
      await expect(waiting).rejects.toThrow(/no \/listening\/ within 0.5 s:\nstarting/);
      // The bound ended the wait: the child, which lives 30 s, is still running.
      expect(child.done()).toBe(false);
    } finally {
      vi.useRealTimers();
      await child.stop();
    }
  });

  it("fails at once when the child exits first, with its exit code", async () => {
    const child = start(...node(`console.error("no COOKIE_SECRET"); process.exit(3);`));
    await expect(child.waitFor(/listening/, 30_000)).rejects.toThrow(
      /exited \(3\) before \/listening\/:\nno COOKIE_SECRET/,
    );
    expect(await child.exited()).toBe(3);
  });

  it("fails at once, naming the command, when it cannot start", async () => {
    const child = start("/nonexistent/command");
    await expect(child.waitFor(/x/, 30_000)).rejects.toThrow(/could not start \/nonexistent\/command/);
  });
});

describe("stop()", CEILING, () => {
  it("with group, stops the processes the child started, by SIGKILL when they ignore SIGTERM", async () => {
    // A child that starts a grandchild; both ignore SIGTERM, as a hung browser would.
    const child = start(
      ...node(`
        const { spawn } = require("node:child_process");
        process.on("SIGTERM", () => {});
        const grandchild = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: "ignore" });
        console.log("grandchild " + grandchild.pid);
        setInterval(() => {}, 1000);
      `),
      { group: true },
    );
    const grandchild = Number((await child.waitFor(/grandchild (\d+)/, STARTUP_MS))[1]);
    expect(alive(grandchild)).toBe(true);
    const { forced } = await child.stop({ graceMs: 300 });
    expect(forced).toBe(true);
    await expect.poll(() => alive(grandchild), { timeout: STARTUP_MS }).toBe(false);
  });

  it("sends the signal asked for and reports the exit code", async () => {
    const child = start(
      ...node(
        `process.on("SIGINT", () => { console.log("bye"); process.exit(0); }); console.log("up"); setInterval(() => {}, 1000);`,
      ),
    );
    await child.waitFor(/up/, STARTUP_MS);
    expect(await child.stop({ signal: "SIGINT" })).toEqual({ exitCode: 0, forced: false });
    expect(child.output()).toContain("bye");
  });
});
