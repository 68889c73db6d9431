// docs/testing.md's "In a vitest or Jest suite" block is a test file; it runs as one, with
// vitest in a child process, against the built package and the fake X.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { blockUnder, root } from "./run-with-fake-x.js";

const dir = join(root, ".tmp", `doc-vitest-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("docs/testing.md: the vitest suite block passes when run by vitest", async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "block.test.mts"), blockUnder("docs/testing.md", "## In a vitest or Jest suite"));
  writeFileSync(join(dir, "vitest.config.mjs"), 'export default { test: { include: ["*.test.mts"] } };\n');
  // A clean environment for the inner run: none of this run's VITEST_* settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
    execFile(
      process.execPath,
      [join(root, "node_modules/vitest/vitest.mjs"), "run", "--root", dir],
      { cwd: dir, env: { ...env, NO_COLOR: "1" }, timeout: 90_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
  expect({ code, passed: /Tests\s+1 passed \(1\)/.test(output) }, output).toEqual({ code: 0, passed: true });
}, 120_000);
