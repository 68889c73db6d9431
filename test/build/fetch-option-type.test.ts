import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";

// Bun's `typeof fetch` has extra members (`preconnect`), so an option typed `typeof fetch` refused a
// plain arrow function there. Type-check the documented injection under Bun's types.
const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "fetch-option-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("an injected fetch arrow function type-checks under Bun's types", () => {
  writeFileSync(
    join(dir, "probe.ts"),
    `import { TwitterOAuth } from ${JSON.stringify(join(root, "src/index.js"))};
import { createFakeTwitter } from ${JSON.stringify(join(root, "src/testing/index.js"))};
const fake = createFakeTwitter();
export const x = new TwitterOAuth({
  consumerKey: "k",
  consumerSecret: "s",
  fetch: (input, init) => fake.fetch(new Request(input, init)),
});
export const alsoGlobal = new TwitterOAuth({ consumerKey: "k", consumerSecret: "s", fetch });
`,
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: ["bun"],
        typeRoots: [join(root, "node_modules/@types")],
        skipLibCheck: true,
        allowImportingTsExtensions: false,
      },
      files: ["probe.ts"],
    }),
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  expect(output).toBe("");
});
