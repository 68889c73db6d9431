// The signing vectors of test/vectors/vectors.json, as a module. Node, Deno, Bun and Chromium load
// the JSON through an import attribute; the workerd bundle inlines it (esbuild reads the same file).
import vectors from "../vectors/vectors.json" with { type: "json" };

export default vectors;
