// `require` of the installed tarball in CommonJS: every entry point of its exports map resolves to
// the CJS build, the whole conformance suite passes against them, and an error made by the CJS copy
// is recognised by the ESM copy's isTwitterOAuthError (two copies of the package in one process).
// Arguments: the absolute paths of test/conformance/suite.js and test/conformance/entry-points.js.
const manifest = require("twitter-oauth1/package.json");
const pkg = require("twitter-oauth1");

(async () => {
  const { run } = await import(`file://${process.argv[2]}`);
  const { loadEntryPoints } = await import(`file://${process.argv[3]}`);
  const entries = await loadEntryPoints(manifest, (entry) => {
    if (!entry.require) throw new Error(`exports["${entry.subpath}"] has no "require" target`);
    return require(`twitter-oauth1${entry.subpath.slice(1)}`);
  });
  const result = await run(entries);
  for (const failure of result.failures) console.log(`  FAIL ${failure.name}: ${failure.error}`);
  console.log(`cjs: entry points ${result.entryPoints.join(", ")}`);
  console.log(`cjs: conformance ${result.passed} passed, ${result.failed} failed`);
  const esm = await import("twitter-oauth1");
  const cjsError = new pkg.TwitterOAuthError("HTTP_ERROR", "x");
  // The CJS and ESM builds are two copies (each shares one class among its own entry points, which
  // the conformance suite checks): across them only the brand of isTwitterOAuthError holds.
  const crossCopy =
    esm.isTwitterOAuthError(cjsError) &&
    !esm.isTwitterOAuthError(new Error("x")) &&
    esm.TwitterOAuth !== pkg.TwitterOAuth;
  console.log(`cjs: isTwitterOAuthError across the CJS and ESM copies: ${crossCopy}`);
  process.exit(result.failed === 0 && result.passed > 0 && crossCopy ? 0 : 1);
})();
