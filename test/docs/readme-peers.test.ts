// The README's comparison table names a version of each library and counts its runtime
// dependencies. Both come from the copies installed here (devDependencies of the bench and the
// interop tests), so an upgrade that changes them fails here instead of leaving the README stale.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

function manifest(name: string, from: string): { dir: string; dependencies: string[]; version: string } {
  const file = createRequire(join(from, "package.json")).resolve(`${name}/package.json`);
  const json = JSON.parse(readFileSync(file, "utf8"));
  return { dir: dirname(file), dependencies: Object.keys(json.dependencies ?? {}), version: json.version };
}

/** Every package a library pulls in at run time, its own dependencies' included. */
function allDependencies(name: string, from: string, seen = new Set<string>()): Set<string> {
  const { dir, dependencies } = manifest(name, from);
  for (const dependency of dependencies) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    allDependencies(dependency, dir, seen);
  }
  return seen;
}

const section = readme.slice(readme.indexOf("## Compared with the libraries"));
const rows = section
  .split("\n")
  .filter((line) => line.startsWith("|"))
  .map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
const header = rows[0]!;
const dependencyRow = rows.find((row) => row[0] === "Runtime dependencies")!;

describe("README: the comparison table's facts match the libraries installed", () => {
  const peers = header.slice(2).map((cell, i) => {
    const [, name, version] = /^(\S+) (\d+\.\d+)$/.exec(cell) ?? [];
    return { cell, name: name!, version: version!, dependencies: dependencyRow[i + 2]! };
  });

  it("names four libraries, each with a major.minor version", () => {
    expect(peers.map((peer) => peer.name)).toEqual([
      "twitter-api-v2",
      "login-with-twitter",
      "oauth-1.0a",
      "passport-twitter",
    ]);
  });

  for (const peer of peers) {
    it(`${peer.cell}: the version installed, and its runtime dependencies`, () => {
      const installed = manifest(peer.name, root);
      expect(installed.version.split(".").slice(0, 2).join(".")).toBe(peer.version);
      const direct = installed.dependencies.length;
      const total = allDependencies(peer.name, root).size;
      const expected = direct === 0 ? /^0\b/ : new RegExp(`^${direct} direct, ${total} in all$`);
      expect(peer.dependencies).toMatch(expected);
    });
  }
});
