// Every ts/js block of README.md and docs/*.md, and every TSDoc @example
// as published in docs/api/, is type-checked against the built package, and the blocks marked
// <!-- run --> are executed. Needs dist/ (npm test builds first).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkWorkspace, runBlock, writeWorkspace, type BlockDiagnostic, type BlockWorkspace } from "./check-blocks.js";
import { apiExampleBlocks, checkStatedResults, documentedFiles, extractBlocks, type CodeBlock } from "./code-blocks.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const blocks: CodeBlock[] = documentedFiles(root).flatMap((file) =>
  extractBlocks(file, readFileSync(join(root, file), "utf8")),
);
// The TSDoc @example blocks too, since typedoc publishes them in docs/api/; those that state results
// (`percentEncode("a b"); // "a%20b"`) are run with each stated result asserted.
const examples: CodeBlock[] = apiExampleBlocks(root).map((block) => checkStatedResults(block) ?? block);
const checked = [...blocks.filter((b) => !b.fragment), ...examples];
const runnable = checked.filter((b) => b.run);

let workspace: BlockWorkspace;
let diagnostics: BlockDiagnostic[];

beforeAll(() => {
  if (!existsSync(join(root, "dist/index.d.ts")) || !existsSync(join(root, "dist/testing.d.ts"))) {
    throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
  }
  workspace = writeWorkspace(root, checked);
  diagnostics = checkWorkspace(workspace);
}, 120_000);

afterAll(() => workspace?.dispose());

describe("documentation code blocks", () => {
  it("finds the blocks, and only a few are fragments", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    expect(blocks.filter((b) => b.fragment).length).toBeLessThanOrEqual(Math.ceil(blocks.length / 5));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.filter((b) => b.run).length).toBeGreaterThanOrEqual(5);
  });

  it("every block type-checks against the built package (fix the block, or the API it drifted from)", () => {
    expect(diagnostics.map((d) => `${d.where}: ${d.message}`)).toEqual([]);
  });

  describe.each(runnable.map((b) => [`${b.file}:${b.line}`, b] as const))("%s, run", (_, block) => {
    it("runs to completion with Node", async () => {
      const { code, output } = await runBlock(workspace, block);
      expect({ code, output }).toMatchObject({ code: 0 });
    }, 60_000);
  });
});

describe("the checker itself", () => {
  it("reads markers and languages, and skips other fences", () => {
    const md = [
      "```sh",
      "npm i twitter-oauth1",
      "```",
      "<!-- fragment -->",
      "```ts",
      "a;",
      "```",
      "<!-- run -->",
      "",
      "```js",
      "b;",
      "```",
      "```typescript",
      "c;",
      "```",
    ].join("\n");
    expect(
      extractBlocks("x.md", md).map(({ line, lang, code, fragment, run }) => ({ line, lang, code, fragment, run })),
    ).toEqual([
      { line: 5, lang: "ts", code: "a;\n", fragment: true, run: false },
      { line: 10, lang: "js", code: "b;\n", fragment: false, run: true },
      { line: 13, lang: "ts", code: "c;\n", fragment: false, run: false },
    ]);
  });

  it("fails a block that drifted from the API, at the Markdown line", () => {
    const drifted: CodeBlock = {
      file: "drift.md",
      line: 10,
      lang: "ts",
      fragment: false,
      run: false,
      code: 'import { TwitterOAuth } from "twitter-oauth1";\nnew TwitterOAuth({ consumerKey: "k" }).getAccessToken();\n',
    };
    const scratch = writeWorkspace(root, [drifted]);
    try {
      const found = checkWorkspace(scratch);
      expect(found.map((d) => d.where)).toEqual(["drift.md:12", "drift.md:12"]);
      expect(found.map((d) => d.message).join("\n")).toMatch(/consumerSecret[\s\S]*getAccessToken/);
    } finally {
      scratch.dispose();
    }
  }, 120_000);

  it("turns the results a TSDoc example states into assertions, and skips the approximate ones", () => {
    const block: CodeBlock = {
      file: "api.md",
      line: 1,
      lang: "ts",
      fragment: false,
      run: false,
      code: [
        'import { percentEncode, parseAuthorizationHeader, generateNonce } from "twitter-oauth1";',
        'percentEncode("a b"); // "a%20b"',
        "const { params } = parseAuthorizationHeader('OAuth a=\"1\"');",
        '// { a: "1" }',
        'generateNonce(); // e.g. "abc"',
        'const n = generateNonce(); // { token: "t", … }',
      ].join("\n"),
    };
    const checked = checkStatedResults(block)!;
    expect(checked.run).toBe(true);
    expect(checked.code.split("\n").filter((l) => l.includes("__assert.deepStrictEqual"))).toEqual([
      '__assert.deepStrictEqual(JSON.parse(JSON.stringify(percentEncode("a b"))), "a%20b");',
      '__assert.deepStrictEqual(JSON.parse(JSON.stringify(params)), { a: "1" });',
    ]);
    expect(checkStatedResults({ ...block, code: 'generateNonce(); // e.g. "abc"\n' })).toBeUndefined();
  });

  it("fails a <!-- run --> block whose assertion no longer holds", async () => {
    const wrong: CodeBlock = {
      file: "wrong.md",
      line: 1,
      lang: "ts",
      fragment: false,
      run: true,
      code: 'import assert from "node:assert/strict";\nimport { percentEncode } from "twitter-oauth1";\nassert.equal(percentEncode("a b"), "a+b");\n',
    };
    const scratch = writeWorkspace(root, [wrong]);
    try {
      expect(checkWorkspace(scratch)).toEqual([]);
      const { code, output } = await runBlock(scratch, wrong);
      expect(code).not.toBe(0);
      expect(output).toMatch(/a%20b/);
    } finally {
      scratch.dispose();
    }
  }, 120_000);
});
