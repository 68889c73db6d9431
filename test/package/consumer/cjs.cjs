// `require` of the installed tarball in CommonJS: the root and ./testing resolve to the CJS build,
// the whole conformance suite passes against it, and an error made by the CJS copy is recognised by
// the ESM copy's isTwitterOAuthError (two copies of the package in one process).
const pkg = require("twitter-oauth1");
const testing = require("twitter-oauth1/testing");

(async () => {
  const { run } = await import(`file://${process.argv[2]}`);
  const result = await run(pkg, testing);
  for (const failure of result.failures) console.log(`  FAIL ${failure.name}: ${failure.error}`);
  console.log(`cjs: conformance ${result.passed} passed, ${result.failed} failed`);
  const esm = await import("twitter-oauth1");
  const crossCopy =
    esm.isTwitterOAuthError(new pkg.TwitterOAuthError("HTTP_ERROR", "x")) && esm.TwitterOAuth !== pkg.TwitterOAuth;
  console.log(`cjs: isTwitterOAuthError across the CJS and ESM copies: ${crossCopy}`);
  process.exit(result.failed === 0 && result.passed > 0 && crossCopy ? 0 : 1);
})();
