// Which entry points the suite loads: every subpath of package.json "exports" but "./package.json".
// Each runner reads the exports map (or has it read for its bundle), loads every entry point listed
// here and hands them to run() as one object keyed by subpath ({ ".": …, "./testing": … }), so a
// new entry point needs a cases file (cases/index.js) and nothing in any runner.

/**
 * Entry points that only Node-compatible runtimes (Node, Deno, Bun) load; the web runners (workerd,
 * the Edge Runtime, the browsers) leave them out, and the suite skips their cases there, saying so.
 * The one place where an entry point is flagged Node-only.
 */
export const NODE_ONLY = [];

/**
 * The loadable entry points of an exports map: [{ subpath, import, require }], the two files being
 * package-relative paths ("./dist/index.js"). `web: true` leaves out NODE_ONLY.
 */
export function entryPoints(manifest, { web = false } = {}) {
  const exportsMap = manifest?.exports;
  if (!exportsMap || typeof exportsMap !== "object") throw new Error('package.json has no "exports" map');
  const list = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath === "./package.json") continue;
    if (web && NODE_ONLY.includes(subpath)) continue;
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
