// The README and the guides send newcomers to examples/, docs/ and the API reference. Every
// relative link in README.md and docs/*.md must reach a file or folder of the repository.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { documentedFiles } from "./code-blocks.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Relative link targets of a Markdown text, code blocks and inline code left out. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"));
}

it("every relative link in README.md and docs/*.md resolves to a file or folder", () => {
  const files = documentedFiles(root);
  const broken: string[] = [];
  let count = 0;
  for (const file of files) {
    for (const target of relativeLinks(readFileSync(join(root, file), "utf8"))) {
      count++;
      const path = join(root, dirname(file), decodeURIComponent(target.split("#")[0]!));
      if (!existsSync(path)) broken.push(`${file}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
  expect(count).toBeGreaterThan(20);
});
