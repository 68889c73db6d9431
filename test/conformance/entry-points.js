// Which entry points the suite loads: every subpath of package.json "exports" but "./package.json".
// Each runner reads the exports map (or has it read for its bundle), loads every entry point listed
// here and hands them to run() as one object keyed by subpath ({ ".": …, "./testing": … }), so a
// new entry point needs a cases file (cases/index.js) and nothing in any runner.

/**
 * The one place where an entry point is flagged as running only in some kinds of runtime, by the
 * kind of runner: "node" (Node, Deno, Bun), "server" (those and the server runtimes with web
 * globals only: workerd, the Edge Runtime) and "browser" (a page). Unlisted: every kind.
 * - "node": only Node-compatible runtimes load it; the others leave it out.
 * - "server": every runner loads it (it must import anywhere), but browser pages skip its cases.
 * The suite lists what it skipped, and why, in each runner's output.
 */
export const RUNS_IN = {
  // Sign-in routes set cookies on the Responses they make: a browser drops Set-Cookie from a
  // Response built by script (Fetch standard: a forbidden response-header name), so they are server code.
  "./handlers": "server",
  // The Node adapter serves requests, which a page never does; it is loaded there (it imports
  // nothing from Node) but its cases are server cases: a page drops Set-Cookie from the Responses
  // it reads back, and its engines differ on a request body made from a stream (Firefox sends none;
  // Chromium and WebKit reject the read with another error than the stream's, so a body over
  // maxBodyBytes is a 500 there, not a 413).
  "./node": "server",
};

/** The kinds of runner an entry point's cases run in. */
export function kindsFor(subpath) {
  const where = RUNS_IN[subpath];
  return where === "node" ? ["node"] : where === "server" ? ["node", "server"] : ["node", "server", "browser"];
}

/**
 * The loadable entry points of an exports map: [{ subpath, import, require }], the two files being
 * package-relative paths ("./dist/index.js"). `web: true` (a runner that is not Node-compatible)
 * leaves out the Node-only ones.
 */
export function entryPoints(manifest, { web = false } = {}) {
  const exportsMap = manifest?.exports;
  if (!exportsMap || typeof exportsMap !== "object") throw new Error('package.json has no "exports" map');
  const list = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath === "./package.json") continue;
    if (web && RUNS_IN[subpath] === "node") continue;
    const esm = conditionTarget(target, "import");
    if (!esm) throw new Error(`package.json exports["${subpath}"] has no "import" target`);
    list.push({ subpath, import: esm, require: conditionTarget(target, "require") });
  }
  return list;
}

/** The JavaScript file a condition leads to ("import" or "require"), past any "types" entry. */
function conditionTarget(target, condition) {
  if (typeof target === "string") return target;
  if (!target || typeof target !== "object") return undefined;
  const branch = target[condition] ?? target.default;
  if (typeof branch === "string") return branch;
  return branch?.default;
}

/**
 * Loads every entry point with `load(entry)` (which returns the module namespace) and returns
 * { [subpath]: namespace }. A load that fails rejects, naming the subpath and the file.
 */
export async function loadEntryPoints(manifest, load, options) {
  const entries = {};
  for (const entry of entryPoints(manifest, options)) {
    try {
      entries[entry.subpath] = await load(entry);
    } catch (error) {
      throw new Error(`loading "${entry.subpath}" (${entry.import}) failed: ${error?.stack ?? error}`);
    }
  }
  return entries;
}
