// `import` of the installed tarball in ESM: the root and ./testing resolve to the ESM build, and the
// whole conformance suite passes against them. Argument: the absolute path of test/conformance/suite.js.
import * as pkg from "twitter-oauth1";
import * as testing from "twitter-oauth1/testing";

const { run } = await import(new URL(`file://${process.argv[2]}`).href);
const result = await run(pkg, testing);
for (const failure of result.failures) console.log(`  FAIL ${failure.name}: ${failure.error}`);
console.log(`esm: conformance ${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
