// Issue 6, "README.md": the sections in the order the issue lists them, and the two commands for
// people who clone the repository near the top, each on a line of its own.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const lines = readFileSync(join(root, "README.md"), "utf8").split(/\r?\n/);

it("README sections follow the issue's order", () => {
  expect(lines.filter((line) => line.startsWith("## "))).toEqual([
    "## Install",
    "## From a clone of this repository",
    "## Sign in with X on a Node server",
    "## The three steps",
    "## Keeping the request token between steps",
    "## PIN flow for CLIs and desktop apps",
    "## Signed API calls",
    "## Errors",
    "## Testing your own app",
    "## Runtimes",
    "## Security notes",
    "## Compared with the libraries people use today",
    "## API reference",
    "## License",
  ]);
});

it("README keeps `npm ci && npm run demo` and `npm ci && npm test` near the top, each on its own line", () => {
  const top = lines.slice(0, 40);
  expect(top).toContain("npm ci && npm run demo");
  expect(top).toContain("npm ci && npm test");
});
