/**
 * The repository stands on its own: no file names a path outside it, a note that is not in it, or a
 * planning number a reader cannot look up. Comments cite the RFC section, the public X page or the
 * project's own docs instead.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((file) => file !== "" && !/(^|\/)package-lock\.json$|\.(png|jpg|gif|ico|tgz|woff2?)$/.test(file));
const names = new Set(tracked.map((file) => basename(file)));

// In code, any relative path (an import, a file read, a comment); in Markdown, link targets (inline
// code there is a command for the reader's own folders, such as "npm install ../app/pkg.tgz").
const PATH_IN_CODE = /(?:^|[^\w.])((?:\.\.\/)+[\w@.-][\w@./-]*)/g;
const PATH_IN_MARKDOWN = /\]\(((?:\.\.\/)+[^)#\s]*)/g;
const MARKDOWN_NAME = /(?<![\w/.\\-])([A-Za-z][\w-]*\.md)\b/g;
const COMMENT_LINE = /^\s*(?:\/\/|\/?\*|#)/;
const PLANNING = /\b(?:issues?|rules?) ?#?\d+\b|\((?:issue)[:)]|\bTW-[A-Z]{2,}\b/gi;
const MACHINE_PATH = /(?<![\w.])\/(?:work|home|Users)\/[\w.-]+/g;

function climbsOut(file: string, path: string): boolean {
  const target = relative(root, resolve(root, dirname(file), path));
  return target.startsWith("..") || isAbsolute(target);
}

function climbing(file: string, line: string): string[] {
  const pattern = file.endsWith(".md") ? PATH_IN_MARKDOWN : PATH_IN_CODE;
  return [...line.matchAll(pattern)].map((m) => m[1]!).filter((path) => climbsOut(file, path));
}

/** Markdown files named in prose or a comment that are not files of the repository. */
function notesElsewhere(file: string, line: string): string[] {
  // Code may name made-up files (a test's fixtures); prose and comments may not.
  if (!file.endsWith(".md") && !COMMENT_LINE.test(line)) return [];
  return [...line.matchAll(MARKDOWN_NAME)].map((m) => m[1]!).filter((name) => !names.has(name));
}

function matches(pattern: RegExp, line: string): string[] {
  return [...line.matchAll(pattern)].map((m) => m[0]);
}

/** Every hit of `find` in the tracked files, as "file:line: hit". */
function hits(find: (file: string, line: string) => string[]): string[] {
  const out: string[] = [];
  for (const file of tracked) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    for (const [i, line] of lines.entries())
      for (const found of find(file, line)) out.push(`${file}:${i + 1}: ${found}`);
  }
  return out;
}

describe("the repository stands on its own", () => {
  it("reads the files git tracks", () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(names.has("README.md") && names.has("design.md")).toBe(true);
  });

  it("no relative path climbs out of the repository", () => {
    expect(hits(climbing)).toEqual([]);
  });

  it("no absolute path into a machine's work folders", () => {
    expect(hits((_, line) => matches(MACHINE_PATH, line))).toEqual([]);
  });

  it("every Markdown file named in prose or a comment is a file of the repository", () => {
    // A note that lives elsewhere (a design memo, a research file) is no help to a reader here.
    expect(hits(notesElsewhere)).toEqual([]);
  });

  it("no issue, rule or requirement numbers from planning", () => {
    expect(hits((_, line) => matches(PLANNING, line))).toEqual([]);
  });

  it("the checks catch what they look for (samples built so this file does not match itself)", () => {
    const up = "../";
    expect(climbing("test/build/x.ts", `import "${up.repeat(3)}notes/plan.js";`)).toEqual([
      `${up.repeat(3)}notes/plan.js`,
    ]);
    expect(climbing("test/build/x.ts", `import "${up.repeat(2)}src/index.js";`)).toEqual([]);
    expect(climbing("docs/x.md", `see [the plan](${up.repeat(2)}plan.md)`)).toEqual([`${up.repeat(2)}plan.md`]);
    const note = ["DESIGN", "md"].join(".");
    expect(notesElsewhere("src/x.ts", `// as ${note} says`)).toEqual([note]);
    expect(notesElsewhere("src/x.ts", `const fixture = "${note}";`)).toEqual([]);
    expect(notesElsewhere("docs/x.md", "see design.md and README.md")).toEqual([]);
    expect(matches(PLANNING, ["as issue", "7 asks (rule", "2)"].join(" "))).toHaveLength(2);
    expect(matches(PLANNING, "the token was issued 3 s ago, ruled out")).toEqual([]);
    expect(matches(MACHINE_PATH, ["", "work", "shared", "x"].join("/"))).toHaveLength(1);
  });
});
