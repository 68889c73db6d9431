// The unit phase (vitest.config.ts) refuses what would make it need a build or start a process:
// a test that does either fails, with the way out in its message.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const distFile = new URL("../../dist/index.js", import.meta.url);
const WAY_OUT = /list this test in test\/phases\/built-tests\.ts/;

describe("the unit phase starts no process", () => {
  it("child_process.execFileSync throws before anything runs", () => {
    expect(() => execFileSync(process.execPath, ["--version"])).toThrow(WAY_OUT);
  });

  it("child_process.spawn throws", () => {
    expect(() => spawn("git", ["ls-files"])).toThrow(/child_process\.spawn\("git"\)/);
  });

  it("esbuild, which starts its binary, fails", async () => {
    const { build } = await import("esbuild");
    await expect(async () => build({ stdin: { contents: "export {}" }, write: false })).rejects.toThrow(WAY_OUT);
  });
});

describe("the unit phase reads no dist/", () => {
  it("node:fs refuses a path in dist/, whether or not it was built", async () => {
    expect(() => readFileSync(distFile)).toThrow(WAY_OUT);
    expect(() => existsSync(distFile)).toThrow(WAY_OUT);
    await expect(readFile(distFile)).rejects.toThrow(WAY_OUT);
  });

  it("an import of dist/ fails", async () => {
    const path = "../../dist/index.js";
    await expect(import(/* @vite-ignore */ path)).rejects.toThrow(WAY_OUT);
  });

  it("an import of the package by its own name (which resolves to dist/) fails", async () => {
    const name = "twitter-oauth1";
    await expect(import(/* @vite-ignore */ name)).rejects.toThrow(WAY_OUT);
  });

  it("reading the sources is still allowed", () => {
    expect(readFileSync(new URL("../../src/index.ts", import.meta.url), "utf8")).toContain("export");
  });
});
