// Extracts the ```ts / ```js code blocks of README.md and docs/*.md, to be type-checked and run.
// Markers, as an HTML comment on the line just before the opening fence (invisible on GitHub):
//   <!-- fragment -->  a piece of a larger program: not checked (keep these few)
//   <!-- run -->       also executed with Node against the built package; it must finish without throwing
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One code block of a Markdown file. */
export interface CodeBlock {
  /** Path of the Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** "ts" or "js". */
  lang: "ts" | "js";
  /** The code, without the fences. */
  code: string;
  /** Marked `<!-- fragment -->`: skipped. */
  fragment: boolean;
  /** Marked `<!-- run -->`: executed too. */
  run: boolean;
}

const LANGS: Record<string, "ts" | "js"> = { ts: "ts", typescript: "ts", js: "js", javascript: "js", mjs: "js" };

/** The Markdown files whose blocks are checked: README.md and docs/*.md (not docs/api, which typedoc writes). */
export function documentedFiles(root: string): string[] {
  const docs = readdirSync(join(root, "docs"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ["README.md", ...docs];
}

/** Every fenced block of `markdown` whose info string starts with ts, typescript, js, javascript or mjs. */
export function extractBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([A-Za-z]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const lang = LANGS[open[3]!.toLowerCase()];
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith(fence)) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: unclosed code fence`);
    if (lang !== undefined) {
      let previous = i - 1;
      while (previous >= 0 && lines[previous]!.trim() === "") previous--;
      const marker = previous >= 0 ? lines[previous]!.trim() : "";
      blocks.push({
        file,
        line: i + 1,
        lang,
        code: lines.slice(i + 1, end).join("\n") + "\n",
        fragment: marker === "<!-- fragment -->",
        run: marker === "<!-- run -->",
      });
    }
    i = end;
  }
  return blocks;
}

/**
 * The TSDoc `@example` blocks, as typedoc renders them into docs/api/ (a ts block right under an
 * "Example" heading; the other ts blocks there are declarations, not programs).
 */
export function apiExampleBlocks(root: string): CodeBlock[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
      else if (entry.name.endsWith(".md")) files.push(`${dir}/${entry.name}`);
    }
  };
  walk("docs/api");
  return files.flatMap((file) => {
    const markdown = readFileSync(join(root, file), "utf8");
    const lines = markdown.split(/\r?\n/);
    return extractBlocks(file, markdown).filter((block) => {
      let previous = block.line - 2;
      while (previous >= 0 && lines[previous]!.trim() === "") previous--;
      return /^#+ Example/.test(lines[previous] ?? "");
    });
  });
}

/** A file name for a block that says where it came from: `README.md:120` -> `README-md-L120.ts`. */
export function blockFileName(block: CodeBlock): string {
  return `${block.file.replace(/[^A-Za-z0-9]+/g, "-")}-L${block.line}.${block.lang === "ts" ? "mts" : "mjs"}`;
}

// `expr; // "value"` (or the value on the next line, as a comment) in a TSDoc example states a
// result. checkStatedResults turns each such pair into an assertion, so the example can be run.
const STATEMENT =
  /^(?:const\s+(?<name>[A-Za-z_$][\w$]*|\{\s*[A-Za-z_$][\w$]*\s*\})\s*=\s*)?(?<expr>[^;]+);\s*(?:\/\/\s*(?<value>.+))?$/;

function isLiteral(text: string): boolean {
  if (!/^["'{[0-9]|^(true|false|null)\b/.test(text) || /…|e\.g\./.test(text)) return false;
  const file = ts.createSourceFile("value.ts", `(${text});`, ts.ScriptTarget.ES2022);
  return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
}

/**
 * The block with every stated result checked by `assert.deepStrictEqual`, marked to run; or
 * undefined when it states none.
 */
export function checkStatedResults(block: CodeBlock): CodeBlock | undefined {
  const lines = block.code.split("\n");
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const match = STATEMENT.exec(lines[i]!.trim());
    if (!match?.groups || /^(import|export|return|if|for|while)\b/.test(lines[i]!.trim())) continue;
    const next = lines[i + 1]?.trim() ?? "";
    const value = match.groups.value ?? (next.startsWith("//") ? next.slice(2).trim() : undefined);
    if (value === undefined || !isLiteral(value)) continue;
    const name = match.groups.name?.replace(/[{}\s]/g, "");
    const indent = /^\s*/.exec(lines[i]!)![0];
    lines[i] = name
      ? `${lines[i]}\n${indent}__assert.deepStrictEqual(JSON.parse(JSON.stringify(${name})), ${value});`
      : `${indent}__assert.deepStrictEqual(JSON.parse(JSON.stringify(${match.groups.expr})), ${value});`;
    checks++;
  }
  if (checks === 0) return undefined;
  return { ...block, run: true, code: `import __assert from "node:assert/strict";\n${lines.join("\n")}` };
}
