// Bundle sizes for a browser: esbuild --bundle --minify --platform=browser --format=esm, then gzip -9,
// for the built package (root, signRequest alone, twitter-oauth1/testing), the signing core on its
// own (src/oauth1, without the X client), the bench's baseline WebCrypto signer, and the peers. A
// peer that does not bundle for a browser is reported with esbuild's first error. Also writes an
// esbuild metafile for the root so that "where the bytes go" can be read by input file.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (file) => JSON.stringify(join(root, "dist", file));
const src = (file) => JSON.stringify(join(root, "src", file));

export const ENTRIES = [
  {
    name: "twitter-oauth1 (root: everything it exports)",
    contents: `export * from ${dist("index.js")};`,
    budget: 3500,
  },
  {
    name: "twitter-oauth1 signRequest alone",
    contents: `export { signRequest } from ${dist("index.js")};`,
    budget: 1400,
  },
  { name: "twitter-oauth1/testing (root of ./testing)", contents: `export * from ${dist("testing.js")};` },
  {
    name: "root built from src/index.ts (same code; for the per-file breakdown)",
    contents: `export * from ${src("index.ts")};`,
    metafile: "root",
  },
  { name: "signing core alone (src/oauth1, no X client)", contents: `export * from ${src("oauth1/index.ts")};` },
  {
    name: "signRequest from the core alone (src/oauth1)",
    contents: `export { signRequest } from ${src("oauth1/index.ts")};`,
    metafile: "signRequest",
  },
  {
    name: "baseline WebCrypto signer (bench/baseline.js)",
    contents: `export { baselineWebCrypto } from ${JSON.stringify(join(root, "bench/baseline.js"))};`,
  },
  {
    name: "oauth-1.0a + crypto-js (hmac-sha1, enc-base64)",
    contents: `import OAuth from "oauth-1.0a"; import hmacSHA1 from "crypto-js/hmac-sha1.js"; import Base64 from "crypto-js/enc-base64.js";
export const create = (key, secret) => OAuth({ consumer: { key, secret }, signature_method: "HMAC-SHA1",
  hash_function: (base, k) => Base64.stringify(hmacSHA1(base, k)) });`,
  },
  { name: "oauth-1.0a alone (brings no HMAC)", contents: `export { default } from "oauth-1.0a";` },
  { name: "oauth-sign", contents: `export * from "oauth-sign";` },
  { name: "twitter-api-v2", contents: `export * from "twitter-api-v2";` },
  { name: "oauth (ciaranj/node-oauth)", contents: `export * from "oauth";` },
  { name: "login-with-twitter", contents: `export { default } from "login-with-twitter";` },
];

async function bundle(entry) {
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: root, sourcefile: "entry.js", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: Boolean(entry.metafile),
  });
  return result;
}

export async function runSize() {
  const rows = [];
  for (const entry of ENTRIES) {
    try {
      const result = await bundle(entry);
      const bytes = result.outputFiles[0].contents;
      const row = {
        name: entry.name,
        minified: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        budget: entry.budget,
      };
      if (entry.metafile) {
        mkdirSync(join(root, ".tmp/bench"), { recursive: true });
        writeFileSync(join(root, `.tmp/bench/${entry.metafile}.meta.json`), JSON.stringify(result.metafile));
        row.inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
          .map(([file, { bytesInOutput }]) => ({
            file: file.replace(/^.*?(dist|src|node_modules)\//, "$1/"),
            bytes: bytesInOutput,
          }))
          .sort((a, b) => b.bytes - a.bytes);
      }
      rows.push(row);
    } catch (error) {
      const first = error.errors?.[0];
      const why = first
        ? `${first.text}${first.location ? ` (${first.location.file.replace(/^.*node_modules\//, "")}:${first.location.line})` : ""}`
        : error.message;
      rows.push({ name: entry.name, error: `${error.errors?.length ?? 1} error(s), first: ${why}` });
    }
  }
  return rows;
}

/** Where the minified bytes of the metafile rows come from, by folder and by file. */
export function breakdown(rows) {
  const out = [];
  for (const row of rows.filter((r) => r.inputs)) {
    const total = row.inputs.reduce((sum, i) => sum + i.bytes, 0);
    const folders = new Map();
    for (const i of row.inputs) {
      const folder = i.file.includes("/") ? i.file.slice(0, i.file.lastIndexOf("/")) : i.file;
      folders.set(folder, (folders.get(folder) ?? 0) + i.bytes);
    }
    out.push(
      `${row.name}: ${total} B minified, by folder: ` +
        [...folders]
          .sort((a, b) => b[1] - a[1])
          .map(([f, b]) => `${f} ${b} B (${((100 * b) / total).toFixed(0)}%)`)
          .join(", "),
    );
    out.push(
      "by file: " +
        row.inputs
          .filter((i) => i.bytes > 0)
          .map((i) => `${i.file} ${i.bytes}`)
          .join(", "),
    );
  }
  return out.join("\n\n");
}

export function sizeTable(rows) {
  const lines = ["| bundle | minified B | gzip -9 B | target |", "|---|---:|---:|---|"];
  for (const r of rows) {
    if (r.error) lines.push(`| ${r.name} | does not bundle for a browser: ${r.error.replaceAll("|", "\\|")} | | |`);
    else
      lines.push(
        `| ${r.name} | ${r.minified} | ${r.gzip} | ${r.budget ? `≤ ${r.budget} (${r.gzip <= r.budget ? "met" : `over by ${r.gzip - r.budget}`})` : ""} |`,
      );
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runSize();
  console.log(sizeTable(rows));
  console.log("\n" + breakdown(rows));
}
