// The gate on the zero-dependency promise (a step of `npm run test:package`): it fails on a
// dependency added, in package.json or in what installing the tarball brings, and on nothing else.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dependencyProblems } from "./dependencies.js";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

describe("zero runtime dependencies", () => {
  it("holds for this package.json, installed alone (npm's own dot-files aside)", () => {
    expect(dependencyProblems(manifest, [".package-lock.json", ".bin", "twitter-oauth1"])).toEqual([]);
  });

  it("a dependency declared in any field breaks it", () => {
    const name = "twitter-oauth1";
    expect(dependencyProblems({ name, dependencies: { tslib: "^2" } }, [name])).toEqual([
      "package.json dependencies: tslib",
    ]);
    expect(dependencyProblems({ name, peerDependencies: { passport: "*" } }, [name])).toHaveLength(1);
    expect(dependencyProblems({ name, optionalDependencies: { bufferutil: "*" } }, [name])).toHaveLength(1);
    expect(dependencyProblems({ name, bundleDependencies: ["x"] }, [name])).toHaveLength(1);
  });

  it("a package installed beside it breaks it, and so does the package missing", () => {
    expect(dependencyProblems({ name: "twitter-oauth1" }, ["twitter-oauth1", "tslib"])).toEqual([
      "installing the tarball also installed: tslib",
    ]);
    expect(dependencyProblems({ name: "twitter-oauth1" }, [])).toEqual([
      "installing the tarball did not install twitter-oauth1",
    ]);
  });
});
