// The examples are meant to be copied out of this repository: they may import only the package
// (by its published name), their runtime's or framework's modules and their own files, never
// ../../src or ../../dist; and each folder says in a README how to run it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { examples } from "./harness/paths.js";

const EXAMPLES = ["node-http", "express", "hono-workers", "deno", "bun", "nextjs", "cli-pin"];

/** What each example may import besides `twitter-oauth1` and its own files. */
const ALLOWED: Record<string, RegExp> = {
  "node-http": /^node:/,
  express: /^(node:|express$)/,
  "hono-workers": /^hono(\/[a-z-]+)?$/,
  deno: /^$/,
  bun: /^$/,
  nextjs: /^(next\/server|react)$/,
  "cli-pin": /^node:/,
};

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name) && !entry.parentPath.includes("node_modules"),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function specifiers(code: string): string[] {
  return [
    ...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => (match[1] ?? match[2])!);
}

describe("examples are copy-pasteable", () => {
  it.each(EXAMPLES)("examples/%s imports only twitter-oauth1, its runtime or framework, and its own files", (name) => {
    const files = sources(join(examples, name));
    expect(files.length).toBeGreaterThan(0);
    const all = files.flatMap((file) => specifiers(readFileSync(file, "utf8")));
    expect(all).toContain("twitter-oauth1");
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(file, "utf8"))) {
        const where = `${relative(examples, file)} imports ${specifier}`;
        if (specifier.startsWith(".")) {
          // Its own files only: a relative import must stay inside the example's folder.
          expect(relative(join(examples, name), join(file, "..", specifier)).startsWith(".."), where).toBe(false);
        } else {
          expect(specifier === "twitter-oauth1" || ALLOWED[name]!.test(specifier), where).toBe(true);
        }
      }
    }
  });

  it.each(EXAMPLES)("examples/%s has a README.md with how to run it for real and how the tests run it", (name) => {
    const readme = join(examples, name, "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text).toMatch(/^## Run it$/m);
    expect(text).toMatch(/^## (Offline, )?[Ii]n the tests$/m);
  });
});
