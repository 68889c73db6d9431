/**
 * An unauthenticated client must not be able to make verifySignature buffer a large form body
 * before any credential is looked up. A 16 MiB body of "a=b&" pairs goes, as a stream without a
 * content-length, to verifySignature with its default limit (1 MiB) in a child process (so that a
 * regression costs that process, not the test runner): it must be refused as body_too_large,
 * without the secret lookup, having pulled little more than the limit from the stream, and with
 * the peak RSS growing by far less than the body's size.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "verify-body-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("verifySignature on a 16 MiB unauthenticated form body (default maxBodyBytes)", () => {
  it("stops at the limit: body_too_large, no lookup, bounded memory", async () => {
    const bundle = join(dir, "oauth1.mjs");
    await build({
      entryPoints: [fileURLToPath(new URL("../../src/oauth1/index.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "neutral",
      outfile: bundle,
      logLevel: "silent",
    });
    const script = fileURLToPath(new URL("./fixtures/verify-big-body.mjs", import.meta.url));
    const output = execFileSync(process.execPath, ["--expose-gc", script, pathToFileURL(bundle).href, "16"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const measured = JSON.parse(output) as { reason: string; looked: boolean; sent: number; peakGrowthMiB: number };
    expect(measured).toMatchObject({ reason: "body_too_large", looked: false });
    // The tee behind Request.clone() may pull a few chunks ahead of the reader.
    expect(measured.sent).toBeLessThan(2 * 1_048_576);
    expect(measured.peakGrowthMiB).toBeLessThan(32);
  }, 60_000);
});
