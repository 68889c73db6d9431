// `import` of the installed tarball in ESM: every entry point of its exports map resolves to the
// ESM build, and the whole conformance suite passes against them.
// Arguments: the absolute paths of test/conformance/suite.js and test/conformance/entry-points.js.
import manifest from "twitter-oauth1/package.json" with { type: "json" };

const { run } = await import(new URL(`file://${process.argv[2]}`).href);
const { loadEntryPoints } = await import(new URL(`file://${process.argv[3]}`).href);
const entries = await loadEntryPoints(manifest, (entry) => import(`twitter-oauth1${entry.subpath.slice(1)}`));
const result = await run(entries);
for (const failure of result.failures) console.log(`  FAIL ${failure.name}: ${failure.error}`);
console.log(`esm: entry points ${result.entryPoints.join(", ")}`);
console.log(`esm: conformance ${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
