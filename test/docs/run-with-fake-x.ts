// Runs a documentation block as its own Node process with X replaced by a fake: the fake is served on
// loopback here (mounted with origin https://api.x.com, so signatures are checked against the URL the
// block signed), and msw in the child (fixtures/x-over-loopback.mjs) routes https://api.x.com to it.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { toNodeListener } from "../../src/node/index.js";
import type { FakeTwitter } from "../../src/testing/index.js";
import { listen } from "../support/http.js";
import { start } from "../support/processes.js";
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
  const fakeX = await listen(toNodeListener(fake.fetch, { origin: "https://api.x.com" }));
  const dir = join(root, ".tmp", `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(dir, "block.mjs"), js);
  const block = start(
    process.execPath,
    ["--import", join(root, "test/docs/fixtures/x-over-loopback.mjs"), join(dir, "block.mjs")],
    { cwd: dir, env: { ...env, FAKE_X_ORIGIN: fakeX.origin } },
  );
  return {
    child: block.process,
    output: block.output,
    waitFor: (pattern) => block.waitFor(pattern, 20_000),
    stop: async () => {
      await block.stop();
      await fakeX.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
