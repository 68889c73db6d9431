// Runs a documentation block as its own Node process with X replaced by a fake: the fake is served on
// loopback here (mounted with origin https://api.x.com, so signatures are checked against the URL the
// block signed), and msw in the child (fixtures/x-over-loopback.mjs) routes https://api.x.com to it.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { toNodeListener, type FakeTwitter } from "../../src/testing/index.js";
import { extractBlocks } from "./code-blocks.js";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The first ts block of `file` under the line `heading`. */
export function blockUnder(file: string, heading: string): string {
  const markdown = readFileSync(join(root, file), "utf8");
  const headingLine = markdown.split(/\r?\n/).indexOf(heading) + 1;
  if (headingLine === 0) throw new Error(`${file} has no "${heading}" section`);
  const block = extractBlocks(file, markdown).find((b) => b.line > headingLine && b.lang === "ts");
  if (!block) throw new Error(`${file}: no ts block under "${heading}"`);
  return block.code;
}

/** A running block. */
export interface BlockProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves when its output matches `pattern` (rejects when it exits first or after 20 s). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** Transpiles `code` and runs it inside the package (so "twitter-oauth1" resolves to dist/). */
export async function runWithFakeX(
  name: string,
  code: string,
  fake: FakeTwitter,
  env: Record<string, string>,
): Promise<BlockProcess> {
  const fakeServer: Server = createServer(toNodeListener(fake.fetch, { origin: "https://api.x.com" })).listen(
    0,
    "127.0.0.1",
  );
  await once(fakeServer, "listening");
  const dir = join(root, ".tmp", `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(dir, "block.mjs"), js);
  const child = spawn(
    process.execPath,
    ["--import", join(root, "test/docs/fixtures/x-over-loopback.mjs"), join(dir, "block.mjs")],
    {
      cwd: dir,
      env: { ...process.env, ...env, FAKE_X_ORIGIN: `http://127.0.0.1:${(fakeServer.address() as AddressInfo).port}` },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  child.on("exit", () => {
    for (const listener of listeners) listener();
  });
  return {
    child,
    output: () => output,
    waitFor: (pattern) =>
      new Promise((done, fail) => {
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for ${pattern}; output:\n${output}`)),
          20_000,
        );
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) finish(undefined, match);
          else if (child.exitCode !== null)
            finish(new Error(`exited (${child.exitCode}) before ${pattern}; output:\n${output}`));
        };
        function finish(error?: Error, match?: RegExpMatchArray): void {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) fail(error);
          else done(match!);
        }
        listeners.add(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill();
        await once(child, "exit");
      }
      await new Promise((done) => fakeServer.close(done));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
