import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// src/ uses web-standard globals only, so that it runs unchanged in Node, Deno, Bun, workerd and
// browsers, and the compiler config makes a violation fail to build. Compile probes with the src/
// tsconfig's options, all in one tsc run, and read each probe's errors.
const root = resolve(import.meta.dirname, "../..");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const dir = mkdtempSync(join(tmpdir(), "src-globals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROBES = {
  accepted:
    "export const probe = [crypto.subtle, fetch, Request, Response, Headers, URL, URLSearchParams, TextEncoder, btoa, AbortSignal.any];",
  buffer: 'export const probe = Buffer.from("a");',
  process: "export const probe = process.env;",
  require: 'export const probe = require("crypto");',
  nodeImport: 'import { createHmac } from "node:crypto";\nexport const probe = createHmac;',
};

let output = "";
beforeAll(() => {
  for (const [name, source] of Object.entries(PROBES)) writeFileSync(join(dir, `${name}.ts`), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      include: Object.keys(PROBES).map((name) => `${name}.ts`),
      compilerOptions: { noUnusedLocals: false },
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
});

/** The error lines tsc printed for one probe file. */
function errorsOf(name: keyof typeof PROBES): string {
  return output
    .split("\n")
    .filter((line) => new RegExp(`(^|[/\\\\])${name}\\.ts\\(`).test(line))
    .join("\n");
}

describe("src/ compiles against web globals only", () => {
  it("accepts what every runtime has", () => {
    expect(errorsOf("accepted")).toBe("");
  });

  it.each([
    ["Buffer", "buffer", "Cannot find name 'Buffer'"],
    ["process", "process", "Cannot find name 'process'"],
    ["require", "require", "Cannot find name 'require'"],
    ["a node: import", "nodeImport", "node:crypto"],
  ] as const)("refuses %s", (_name, probe, message) => {
    expect(errorsOf(probe)).toContain(message);
  });
});
