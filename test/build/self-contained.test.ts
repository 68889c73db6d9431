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

function texts(): Array<[string, string[]]> {
  return tracked.map((file) => [file, readFileSync(join(root, file), "utf8").split("\n")]);
}

/** Every hit of `pattern` (global) in the repository, as "file:line: match". */
function hits(find: (line: string, file: string) => string[]): string[] {
  const out: string[] = [];
  for (const [file, lines] of texts()) {
    for (const [i, line] of lines.entries())
      for (const found of find(line, file)) out.push(`${file}:${i + 1}: ${found}`);
  }
  return out;
}

describe("the repository stands on its own", () => {
  it("reads the files git tracks", () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(names.has("README.md") && names.has("design.md")).toBe(true);
  });

  it("no relative path climbs out of the repository", () => {
    // In code, any path (an import, a file read, a comment); in Markdown, link targets (inline code
    // there is a command for the reader's own folders, such as "npm install ../app/pkg.tgz").
    const climbing = hits((line, file) =>
      [
        ...line.matchAll(
          file.endsWith(".md") ? /\]\(((?:\.\.\/)+[^)#\s]*)/g : /(?:^|[^\w.])((?:\.\.\/)+[\w@.-][\w@./-]*)/g,
        ),
      ]
        .map((match) => match[1]!)
        .filter((path) => {
          const target = relative(root, resolve(root, dirname(file), path));
          return target.startsWith("..") || isAbsolute(target);
        }),
    );
    expect(climbing).toEqual([]);
  });

  it("no absolute path into a machine's work folders", () => {
    expect(hits((line) => [...line.matchAll(/(?<![\w.])\/(?:work|home|Users)\/[\w.-]+/g)].map((m) => m[0]))).toEqual(
      [],
    );
  });

  it("every Markdown file named in prose or a comment is a file of the repository", () => {
    // A note that lives elsewhere (a design memo, a research file) is no help to a reader here.
    // Code may name made-up files (a test's fixtures); prose and comments may not.
    const missing = hits((line, file) =>
      file.endsWith(".md") || /^\s*(?:\/\/|\/?\*|#)/.test(line)
        ? [...line.matchAll(/(?<![\w/.\\-])([A-Za-z][\w-]*\.md)\b/g)]
            .map((m) => m[1]!)
            .filter((name) => !names.has(name))
        : [],
    );
    expect(missing).toEqual([]);
  });

  it("no issue, rule or requirement numbers from planning", () => {
    const planning = hits((line) =>
      [...line.matchAll(/\b(?:issues?|rules?) ?#?\d+\b|\(issue[:)]|\bTW-[A-Z]{2,}\b/gi)].map((m) => m[0]),
    );
    expect(planning).toEqual([]);
  });

  it("the checks would catch what they look for", () => {
    // The patterns above, run on lines written to fail them: a test that cannot fail proves nothing.
    expect("see ../../shared/DESIGN.md".match(/(?:^|[^\w.])((?:\.\.\/)+[\w@.-][\w@./-]*)/)?.[1]).toBe(
      "../../shared/DESIGN.md",
    );
    expect(names.has("DESIGN.md") || names.has("protocol.md")).toBe(false);
    expect(/\b(?:issues?|rules?) ?#?\d+\b/i.test("as issue 7 asks (rule 2)")).toBe(true);
    expect(/\b(?:issues?|rules?) ?#?\d+\b/i.test("the token was issued 3 s ago")).toBe(false);
  });
});
