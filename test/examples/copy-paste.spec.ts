// The examples are meant to be copied out of this repository: they may import only the package
// (by its published name), their runtime's or framework's modules and their own files, never
// ../../src or ../../dist; and each folder says in a README how to run it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { examples, root } from "./harness/paths.js";

const EXAMPLES = [
  "node-http",
  "express",
  "hono-workers",
  "hono-middleware",
  "deno",
  "bun",
  "nextjs",
  "sveltekit",
  "cli-pin",
  "demo",
];

/** What each example may import besides `twitter-oauth1` and its own files. */
const ALLOWED: Record<string, RegExp> = {
  "node-http": /^node:/,
  express: /^(node:|express$|express-session$|passport$)/,
  "hono-workers": /^hono(\/[a-z-]+)?$/,
  "hono-middleware": /^(hono(\/[a-z-]+)?|@hono\/node-server)$/,
  deno: /^$/,
  bun: /^$/,
  nextjs: /^(next\/server|react)$/,
  sveltekit: /^(@sveltejs\/kit(\/vite)?|@sveltejs\/adapter-node|vite|\$env\/dynamic\/private)$/,
  "cli-pin": /^node:/,
  demo: /^node:/,
};

/** The package's own entry points, by its published name. */
// Every entry point the package exports (package.json "exports"), so a new one needs no change here.
const ENTRY_POINTS = Object.keys(
  (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> }).exports,
)
  .filter((key) => key !== "./package.json")
  .map((key) => key.replace(/^\./, "twitter-oauth1"));
const OURS = { test: (specifier: string): boolean => ENTRY_POINTS.includes(specifier) };

/** The npm package a bare specifier comes from (`next/server` from next, `@hono/node-server` as is). */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || specifier.startsWith("$")) return undefined; // Node's, SvelteKit's virtual modules
  return specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
}

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        /\.(ts|tsx|js|mjs|svelte)$/.test(entry.name) &&
        !/node_modules|\.svelte-kit|\/build(\/|$)|\.next/.test(entry.parentPath),
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
    expect(all.some((specifier) => OURS.test(specifier))).toBe(true);
    for (const file of files) {
      for (const specifier of specifiers(readFileSync(file, "utf8"))) {
        const where = `${relative(examples, file)} imports ${specifier}`;
        if (specifier.startsWith(".")) {
          // Its own files only: a relative import must stay inside the example's folder.
          expect(relative(join(examples, name), join(file, "..", specifier)).startsWith(".."), where).toBe(false);
        } else {
          expect(OURS.test(specifier) || ALLOWED[name]!.test(specifier), where).toBe(true);
        }
      }
    }
  });

  it.each(EXAMPLES)(
    "examples/%s has a package.json with twitter-oauth1 as file:../.. and every package it imports",
    (name) => {
      const manifest = JSON.parse(readFileSync(join(examples, name, "package.json"), "utf8")) as {
        private?: boolean;
        type?: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      expect(manifest.private).toBe(true);
      expect(manifest.type).toBe("module");
      expect(manifest.dependencies?.["twitter-oauth1"]).toBe("file:../..");
      const declared = { ...manifest.dependencies, ...manifest.devDependencies };
      const imported = sources(join(examples, name)).flatMap((file) => specifiers(readFileSync(file, "utf8")));
      for (const specifier of imported.filter((s) => !s.startsWith("."))) {
        const pkg = packageOf(specifier);
        if (pkg !== undefined) expect(declared, `${name} imports ${specifier}`).toHaveProperty([pkg]);
      }
    },
  );

  it.each(EXAMPLES)("examples/%s has a README.md with how to run it for real and how the tests run it", (name) => {
    const readme = join(examples, name, "README.md");
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, "utf8");
    expect(text).toMatch(/^## Run it$/m);
    expect(text).toMatch(/^## (Offline, )?[Ii]n the tests$/m);
    // Copied out of the repository, `file:../..` points nowhere: the README says what to put instead.
    expect(text).toContain("file:../..");
  });
});
