// Step 8 of `npm run test:package`: a run that writes a file of the repository fails; what the
// developer had already changed before the run does not count, unless the run changes it again.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedBetween, snapshot } from "./tracked-files.js";

const scratch = mkdtempSync(join(tmpdir(), "twitter-oauth1-tracked-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A repository with three committed files, one of them already edited by its developer. */
function repository(): string {
  const dir = mkdtempSync(join(scratch, "repo-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  for (const name of ["README.md", "docs.md", "edited.md"]) writeFileSync(join(dir, name), `${name}\n`);
  git("add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start");
  writeFileSync(join(dir, "edited.md"), "the developer's own edit\n");
  return dir;
}

describe("what a run wrote, from git status --porcelain at its start and end", () => {
  it("nothing, when the run left the tree as it found it, the developer's edit included", () => {
    const dir = repository();
    const before = snapshot(dir)!;
    expect([...before.keys()]).toEqual([" M edited.md"]);
    expect(changedBetween(before, snapshot(dir)!)).toEqual([]);
  });

  it("a tracked file the run modified or deleted, and a file it created", () => {
    const dir = repository();
    const before = snapshot(dir)!;
    writeFileSync(join(dir, "README.md"), "rewritten by a run\n");
    unlinkSync(join(dir, "docs.md"));
    writeFileSync(join(dir, "left-behind.txt"), "x\n");
    expect(changedBetween(before, snapshot(dir)!).sort()).toEqual([" D docs.md", " M README.md", "?? left-behind.txt"]);
  });

  it("a file the developer had edited, when the run changed it again", () => {
    const dir = repository();
    const before = snapshot(dir)!;
    writeFileSync(join(dir, "edited.md"), "the developer's own edit, then the run's\n");
    expect(changedBetween(before, snapshot(dir)!)).toEqual([" M edited.md"]);
  });

  it("outside a git working tree (an unpacked tarball) there is nothing to compare", () => {
    const dir = mkdtempSync(join(tmpdir(), "twitter-oauth1-not-git-"));
    try {
      expect(snapshot(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
