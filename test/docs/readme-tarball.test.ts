// README, "Install": before publication, `npm run pack:local` makes the tarball and the documented
// `npx --yes --package ./twitter-oauth1-<version>.tgz twitter-oauth1 fake-x` runs the fake X from it. This
// packs the built dist/ as the script does (npm pack, here without rebuilding) into a scratch folder
// and runs the README's command there, word for word, plus `--port 0` for a free port.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { start } from "../support/processes.js";
import { root } from "./run-with-fake-x.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  version: string;
  scripts: Record<string, string>;
};
const install = readme.slice(readme.indexOf("## Install"), readme.indexOf("\n## ", readme.indexOf("## Install") + 1));
const command = `npx --yes --package ./twitter-oauth1-${manifest.version}.tgz twitter-oauth1 fake-x`;
const scratch = mkdtempSync(join(tmpdir(), "twitter-oauth1-readme-tarball-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("README Install: the tarball before publication", () => {
  it("names one command that makes it, a script of package.json that exists", () => {
    expect(install).toContain("npm run pack:local");
    const script = /^node (\S+)$/.exec(manifest.scripts["pack:local"] ?? "")?.[1];
    expect(script).toBeDefined();
    expect(existsSync(join(root, script!))).toBe(true);
  });

  it("says plainly that npx twitter-oauth1 fake-x needs the published package", () => {
    expect(install.replace(/\s+/g, " ")).toMatch(
      /`npx twitter-oauth1 fake-x` do not work: both need the published package/,
    );
  });

  it(`runs "${command}" from the tarball: the fake X prints its credentials and answers as X`, async () => {
    expect(install).toContain(command);
    if (!existsSync(join(root, "dist/cli.js"))) throw new Error('dist/ is missing: run "npm run build" first');
    const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(packed.status, packed.stderr).toBe(0);
    const [npx, ...args] = command.split(" ");
    const fakeX = start(npx!, [...args, "--port", "0"], {
      cwd: scratch,
      stdio: ["ignore", "pipe", "pipe"],
      group: true,
    });
    try {
      await fakeX.waitFor(/TWITTER_CONSUMER_SECRET=\S+/, 90_000);
      const baseUrl = /X_BASE_URL=(\S+)/.exec(fakeX.output())![1]!;
      // An unsigned request is refused as X refuses it: the fake is up and answering as X.
      const response = await fetch(`${baseUrl}/oauth/request_token`, { method: "POST" });
      expect(response.status).toBe(400);
    } finally {
      await fakeX.stop({ signal: "SIGKILL" });
    }
  }, 150_000);
});
