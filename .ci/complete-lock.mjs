// Completes package-lock.json with the optional, platform-specific packages (other OSes' builds of
// deno, rollup, next/swc, workerd, ...) that the registry reachable from our machines does not
// serve: `npm install` silently leaves them out of the lock, and `npm ci` then refuses the lock as
// out of sync. The added entries carry os/cpu guessed from the name, so npm never installs them
// here; with the public registry npm fills in the rest.
// Run after every `npm install` on such a machine: node .ci/complete-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";
const lockPath = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const pkgs = lock.packages;
let added = 0;
const guess = (name) => {
  const n = name.toLowerCase();
  const os = [
    "darwin",
    "win32",
    "linux",
    "freebsd",
    "android",
    "openbsd",
    "netbsd",
    "sunos",
    "aix",
    "openharmony",
  ].find((o) => n.includes(o));
  const cpu = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"].find((c) =>
    new RegExp(`(^|[-_/])${c}($|[-_])`).test(n.split("/").pop()),
  );
  return { os, cpu };
};
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    // resolve like node: nearest node_modules up the path
    let found = false;
    let p = path;
    for (;;) {
      const candidate = (p === "" ? "" : p + "/") + "node_modules/" + dep;
      if (pkgs[candidate]) {
        found = true;
        break;
      }
      if (p === "") break;
      const i = p.lastIndexOf("/node_modules/");
      p = i === -1 ? "" : p.slice(0, i);
    }
    if (found) continue;
    const key = "node_modules/" + dep;
    if (pkgs[key]) continue;
    const { os, cpu } = guess(dep);
    pkgs[key] = {
      version: spec.replace(/^[\^~=]/, ""),
      dev: true,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} lock entries`);
