// For the runtimes that run a bundle (workerd, the Edge Runtime): an esbuild plugin that answers
// `import { entries } from "conformance:entry-points"` with a module importing every entry point
// of package.json "exports" (Node-only ones left out) statically, so esbuild bundles them all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { entryPoints } from "../conformance/entry-points.js";

/** The esbuild plugin; `root` is the repository (where package.json and dist/ are). */
export function entryPointsPlugin(root) {
  return {
    name: "conformance-entry-points",
    setup(build) {
      build.onResolve({ filter: /^conformance:entry-points$/ }, (args) => ({ path: args.path, namespace: "entries" }));
      build.onLoad({ filter: /.*/, namespace: "entries" }, () => {
        const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        const list = entryPoints(manifest, { web: true });
        const lines = list.map((entry, i) => `import * as e${i} from ${JSON.stringify(join(root, entry.import))};`);
        const map = list.map((entry, i) => `${JSON.stringify(entry.subpath)}: e${i}`).join(", ");
        return {
          contents: `${lines.join("\n")}\nexport const entries = { ${map} };\n`,
          resolveDir: root,
          loader: "js",
        };
      });
    },
  };
}
