// The package's promise of zero runtime dependencies, as users get it: package.json declares none
// (no dependencies, peerDependencies, optionalDependencies or bundled ones), and installing the
// tarball into an empty project puts no package but this one into its node_modules.
const FIELDS = [
  "dependencies",
  "peerDependencies",
  "optionalDependencies",
  "bundleDependencies",
  "bundledDependencies",
];

/** What breaks the promise: declared dependencies, and packages installed beside the package. */
export function dependencyProblems(manifest, installed) {
  const problems = [];
  for (const field of FIELDS) {
    const value = manifest[field];
    const names = Array.isArray(value) ? value : Object.keys(value ?? {});
    if (names.length > 0) problems.push(`package.json ${field}: ${names.join(", ")}`);
  }
  const others = installed.filter((name) => !name.startsWith(".") && name !== manifest.name);
  if (others.length > 0) problems.push(`installing the tarball also installed: ${others.join(", ")}`);
  if (!installed.includes(manifest.name)) problems.push(`installing the tarball did not install ${manifest.name}`);
  return problems;
}
