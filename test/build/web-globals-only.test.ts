import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// src/ uses web-standard globals only, so that it runs unchanged in Node, Deno, Bun, workerd and
// browsers, and the compiler config makes a violation fail to build. Compile a file with the src/ tsconfig's options and see it fail.
const root = resolve(import.meta.dirname, "../..");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const dir = mkdtempSync(join(tmpdir(), "src-globals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(source: string): string {
  writeFileSync(join(dir, "probe.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      include: ["probe.ts"],
      compilerOptions: { noUnusedLocals: false },
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe("src/ compiles against web globals only", () => {
  it("accepts what every runtime has", () => {
    expect(
      compile(
        "export const probe = [crypto.subtle, fetch, Request, Response, Headers, URL, URLSearchParams, TextEncoder, btoa, AbortSignal.any];",
      ),
    ).toBe("");
  });

  it.each([
    ["Buffer", 'export const probe = Buffer.from("a");', "Cannot find name 'Buffer'"],
    ["process", "export const probe = process.env;", "Cannot find name 'process'"],
    ["require", 'export const probe = require("crypto");', "Cannot find name 'require'"],
    ["a node: import", 'import { createHmac } from "node:crypto";\nexport const probe = createHmac;', "node:crypto"],
  ])("refuses %s", (_name, source, message) => {
    expect(compile(source)).toContain(message);
  });
});
