// The project "unit" (vitest.config.ts) runs its files one after another in shared workers, with
// the module cache kept between them. A file that reloads or mocks modules would hand its copies to
// the next file, so it must be listed in test/phases/isolated-tests.ts: these tests read every unit
// test file, and the helpers under test/ that it imports, to make sure it is.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILT_TESTS } from "./built-tests.js";
import { ISOLATED_TESTS } from "./isolated-tests.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RELOADS = /\bvi\.(resetModules|mock|doMock|unmock|doUnmock|importActual|importMock)\(/;

/** Whether `path` (relative, with / separators) matches one of BUILT_TESTS' globs. */
function isBuilt(path: string): boolean {
  return BUILT_TESTS.some((glob) => {
    const pattern = glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*\//g, "(.*/)?")
      .replace(/\*/g, "[^/]*");
    return new RegExp(`^${pattern}$`).test(path);
  });
}

const unitTests = readdirSync(join(root, "test"), { recursive: true, encoding: "utf8" })
  .map((path) => `test/${path.split("\\").join("/")}`)
  .filter((path) => path.endsWith(".test.ts") && !path.startsWith("test/e2e/") && !isBuilt(path))
  .sort();

/** The first line of `file`, or of a helper under test/ it imports (however deep), that reloads modules. */
function reloadIn(file: string, seen = new Set<string>()): string | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const text = readFileSync(join(root, file), "utf8");
  const line = text.split("\n").find((l) => RELOADS.test(l));
  if (line !== undefined) return `${file}: ${line.trim()}`;
  for (const [, specifier] of text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
    const target = relative(root, resolve(root, dirname(file), specifier!))
      .split("\\")
      .join("/");
    const helper = [target.replace(/\.js$/, ".ts"), target].find((path) => existsSync(join(root, path)));
    if (helper?.startsWith("test/") && !helper.endsWith(".test.ts")) {
      const found = reloadIn(helper, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe("the unit files that need modules of their own", () => {
  it("finds the unit test files (the reading above works)", () => {
    expect(unitTests).toContain("test/phases/isolated-tests.test.ts");
    expect(unitTests).toContain("test/oauth1/vectors.test.ts");
    expect(unitTests).not.toContain("test/oauth1/oracle.test.ts");
    expect(unitTests.length).toBeGreaterThan(50);
  });

  it("sees a reload through a helper (test/oauth1/hmac-paths.ts calls vi.resetModules)", () => {
    expect(reloadIn("test/oauth1/perf-paths.test.ts")).toMatch(/^test\/oauth1\/hmac-paths\.ts: .*vi\.resetModules\(\)/);
    expect(reloadIn("test/oauth1/vectors.test.ts")).toBeUndefined();
  });

  it("lists every unit file that reloads or mocks modules, itself or through a helper, in test/phases/isolated-tests.ts", () => {
    const unlisted = unitTests
      .filter((file) => !ISOLATED_TESTS.includes(file))
      .map((file) => reloadIn(file))
      .filter((found) => found !== undefined);
    expect(unlisted, "list these files in test/phases/isolated-tests.ts").toEqual([]);
  });

  it("lists only unit test files that exist", () => {
    for (const file of ISOLATED_TESTS) expect(unitTests, file).toContain(file);
  });
});
