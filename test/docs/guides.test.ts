// What a newcomer needs from the guides and cannot get from a type-check: the steps around the code.
// Each case is something a first user missed and lost time on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string): string => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/** The text from `heading` to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.split("\n").indexOf(heading);
  if (start === -1) throw new Error(`no "${heading}" section`);
  const level = /^#+/.exec(heading)![0].length;
  const lines = markdown.split("\n").slice(start + 1);
  const end = lines.findIndex((line) => new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(0, end === -1 ? undefined : end).join("\n");
}

describe("the Hono guide says how to run Hono on Node", () => {
  it.each([
    ["docs/handlers.md", "### Hono"],
    ["examples/hono-middleware/README.md", "## Run it"],
  ])('%s (%s): @hono/node-server, and "type": "module" in package.json', (file, heading) => {
    const text = section(read(file), heading);
    expect(text).toContain("@hono/node-server");
    expect(text).toContain('"type": "module"');
  });

  it("examples/hono-workers/README.md points a Node reader to the Node way", () => {
    expect(read("examples/hono-workers/README.md")).toContain("@hono/node-server");
  });
});

describe("the quick start's client can be pointed at the fake X", () => {
  it.each([
    ["docs/getting-started.md", "## 2. Create the client"],
    ["docs/getting-started.md", "## 3. Sign users in with the handlers"],
  ])("%s (%s) sets baseUrl from X_BASE_URL and says what to put there for the fake", (file, heading) => {
    const text = section(read(file), heading);
    expect(text).toContain("baseUrl: process.env.X_BASE_URL || undefined");
    expect(text).toContain("http://127.0.0.1:3001");
  });
});

describe("README's first screen starts a newcomer", () => {
  const lines = read("README.md").split("\n");

  it("shows a whole sign-in, run by the tests, within its first 40 lines", () => {
    const open = lines.indexOf("```ts");
    const close = lines.indexOf("```", open + 1);
    expect(open).toBeGreaterThan(-1);
    expect(close).toBeLessThan(40);
    expect(lines[open - 1]).toBe("<!-- run -->");
    const block = lines.slice(open, close).join("\n");
    for (const step of ["getRequestToken(", "buildAuthenticateUrl(", "parseCallback(", "exchangeVerifier("]) {
      expect(block).toContain(step);
    }
  });

  it("keeps the contributor steps (a clone, npm test) below Install and the first sign-in", () => {
    const clone = lines.indexOf("## From a clone of this repository");
    expect(clone).toBeGreaterThan(lines.indexOf("## Install"));
    expect(clone).toBeGreaterThan(lines.indexOf("## Sign in with X on a Node server"));
    expect(lines.slice(0, 40).join("\n")).not.toContain("npm test");
  });
});
