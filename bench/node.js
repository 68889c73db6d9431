// The Node leg: the built package against the popular Node signers and the baseline signer
// (bench/baseline.js), on X's "Creating a signature" request, sequentially and with 1,000
// signatures in flight; then string building alone against the baseline's PLAINTEXT flavour. Every signer is checked against the
// documented signature before anything is timed. Prints Markdown; returns the figures.
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  EXPECTED_HEADER,
  EXPECTED_SIGNATURE,
  INPUT,
  baselineNodeCrypto,
  baselineWebCrypto,
  measure,
  signatureInHeader,
  table,
} from "./shared.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const dist = pathToFileURL(join(root, "dist/index.js")).href;

/** The built package as users get it (node:crypto HMAC through process.getBuiltinModule where present). */
const pkg = await import(dist);

/**
 * The same built file again, as a second module instance loaded while process.getBuiltinModule is
 * hidden: what the package does where there is no node:crypto (browsers, workerd), i.e. WebCrypto.
 */
async function importWebCryptoOnly() {
  const saved = process.getBuiltinModule;
  process.getBuiltinModule = undefined;
  try {
    return await import(dist + "?webcrypto-only");
  } finally {
    process.getBuiltinModule = saved;
  }
}
const pkgWebCrypto = await importWebCryptoOnly();
/**
 * A third instance of the same built file for the string-building comparison, so that its type
 * feedback comes from that comparison alone, as the baseline's does, not from the HMAC runs above.
 */
const pkgStrings = await import(dist + "?strings");
/** The baseline's own instance for the same comparison, away from its HMAC flavours' type feedback. */
const { baselinePlaintext } = await import("./baseline.js?strings");

const OAuth = require("oauth-1.0a");
const oauthSign = require("oauth-sign");
// twitter-api-v2 exports its client, not the OAuth 1.0a helper: reach it by file path.
const { OAuth1Helper } = require(join(root, "node_modules/twitter-api-v2/dist/cjs/client-mixins/oauth1.helper.js"));

const { method, url, body, credentials: c, nonce, timestamp } = INPUT;
const request = { method, url, body };
const options = { nonce, timestamp };
const plaintext = { nonce, timestamp, signatureMethod: "PLAINTEXT" };

const oauth1a = OAuth({
  consumer: { key: c.consumerKey, secret: c.consumerSecret },
  signature_method: "HMAC-SHA1",
  hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
});
oauth1a.getNonce = () => nonce;
oauth1a.getTimeStamp = () => timestamp;
const oauth1aToken = { key: c.token, secret: c.tokenSecret };

const tav2 = new OAuth1Helper({ consumerKeys: { key: c.consumerKey, secret: c.consumerSecret } });
tav2.getNonce = () => nonce;
tav2.getTimestamp = () => timestamp;

const oauthSignBase = {
  oauth_consumer_key: c.consumerKey,
  oauth_nonce: nonce,
  oauth_signature_method: "HMAC-SHA1",
  oauth_timestamp: timestamp,
  oauth_token: c.token,
  oauth_version: "1.0",
};

/** Each signer produces the full Authorization header for INPUT. */
export const SIGNERS = {
  "twitter-oauth1 signRequest": async () => (await pkg.signRequest(request, c, options)).authorization,
  "twitter-oauth1 signRequest (WebCrypto path)": async () =>
    (await pkgWebCrypto.signRequest(request, c, options)).authorization,
  // What an app pays: a fresh nonce (crypto.getRandomValues) and the current time, not pinned.
  "twitter-oauth1 signRequest (fresh nonce + timestamp)": async () => (await pkg.signRequest(request, c)).authorization,
  "oauth-1.0a + node:crypto": () =>
    oauth1a.toHeader(oauth1a.authorize({ url, method, data: { ...body } }, oauth1aToken)).Authorization,
  "oauth-sign": () => {
    // What the request library does with oauth-sign: every parameter to hmacsign, then the header.
    const params = { ...oauthSignBase, include_entities: "true", ...body };
    const oa = {
      ...oauthSignBase,
      oauth_signature: oauthSign.hmacsign(method, url.split("?")[0], params, c.consumerSecret, c.tokenSecret),
    };
    return (
      "OAuth " +
      Object.keys(oa)
        .sort()
        .map((k) => k + '="' + oauthSign.rfc3986(oa[k]) + '"')
        .join(", ")
    );
  },
  "twitter-api-v2 OAuth1Helper": () =>
    tav2.toHeader(tav2.authorize({ url, method, data: { ...body } }, { key: c.token, secret: c.tokenSecret }))
      .Authorization,
  "baseline node:crypto": () => baselineNodeCrypto(INPUT, createHmac),
  "baseline WebCrypto (cached key)": () => baselineWebCrypto(INPUT),
};

/** Throws unless every signer produces the documented signature (and ours the exact header). */
export async function checkSigners() {
  const lines = [];
  for (const [name, fn] of Object.entries(SIGNERS)) {
    const header = await fn();
    if (name.includes("fresh nonce")) {
      // Unpinned, so no documented value: check it with the package's own verifier instead.
      const check = await pkg.verifySignature(
        { method, url, body, authorization: header },
        { consumerSecret: c.consumerSecret, tokenSecret: c.tokenSecret },
      );
      if (!check.valid) throw new Error(`${name} produced a header that does not verify: ${check.reason}`);
      lines.push(`- ${name}: verifies ✓`);
      continue;
    }
    const signature = signatureInHeader(header);
    if (signature !== EXPECTED_SIGNATURE)
      throw new Error(`${name} signed ${signature}, expected ${EXPECTED_SIGNATURE}:\n${header}`);
    if (name.startsWith("twitter-oauth1") && header !== EXPECTED_HEADER)
      throw new Error(`${name} header differs:\n${header}`);
    lines.push(`- ${name}: ${signature} ✓`);
  }
  const ours = await pkgStrings.signRequest(request, c, plaintext);
  const baseline = await baselinePlaintext(INPUT);
  for (const part of ["authorization", "baseString", "signature"]) {
    if (ours[part] !== baseline[part])
      throw new Error(`baseline differs from signRequest in ${part}:\n${baseline[part]}\n${ours[part]}`);
  }
  lines.push("- baseline PLAINTEXT: same base string and header as signRequest (PLAINTEXT) ✓");
  return lines.join("\n");
}

export async function runNode({ rounds = 21 } = {}) {
  const out = {};
  console.log(`### Node ${process.version}: signers checked before timing\n`);
  console.log(await checkSigners());
  const cases = Object.entries(SIGNERS).map(([name, fn]) => ({ name, fn }));
  const baselines = ["oauth-sign", "baseline node:crypto"];

  out.sequential = await measure(cases, { rounds, batch: 400 });
  console.log(`\n#### Node ${process.version}, sequential (one signature at a time), ${rounds} interleaved rounds\n`);
  console.log(table(out.sequential, baselines));

  out.inFlight = await measure(cases, { rounds: Math.max(7, rounds >> 1), batch: 2000, inFlight: 1000 });
  console.log(`\n#### Node ${process.version}, 1,000 signatures in flight (Promise.all)\n`);
  console.log(table(out.inFlight, baselines));

  const stringCases = [
    { name: "signRequest, PLAINTEXT (string building only)", fn: () => pkgStrings.signRequest(request, c, plaintext) },
    { name: "baseline PLAINTEXT", fn: () => baselinePlaintext(INPUT) },
  ];
  out.strings = await measure(stringCases, { rounds, batch: 1000 });
  console.log(`\n#### Node ${process.version}, base string + header building (PLAINTEXT: no HMAC)\n`);
  console.log(table(out.strings, ["baseline PLAINTEXT"]));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runNode();
