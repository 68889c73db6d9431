// The README's runtimes table, as run.js measures it: rendered from a run's rows, found between
// two HTML comment markers, checked row by row (keyed by the run's name), and replaced.
//
// What a run checks is what it proves: a row for every runtime it ran, that runtime's label and
// HMAC path, and that the suite the README says passes does pass there. The version and driver
// cells say which build the last `--write-readme` run met; they are informative, so another
// build of a Debian browser or a newer npm runtime is a note, never a failure.
export const START =
  "<!-- runtimes:start (written by node test/runtimes/run.js --write-readme; do not edit by hand) -->";
export const END = "<!-- runtimes:end -->";

const HEADER = ["Runtime", "Version run", "Through", "HMAC computed by", "Suite", "Run alone"];

/** One table row: { name, runtime, version, via, hmac, result } → "| … |". */
export function renderRow(row) {
  const hmac = row.hmac === "node:crypto" ? "`node:crypto`" : row.hmac;
  return `| ${[row.runtime, row.version, row.via ?? "-", hmac, row.result, `\`${row.name}\``].join(" | ")} |`;
}

/** The whole block, markers included. */
export function renderTable(rows) {
  return [
    START,
    `| ${HEADER.join(" | ")} |`,
    `| ${HEADER.map(() => "---").join(" | ")} |`,
    ...rows.map(renderRow),
    END,
  ].join("\n");
}

/** The README's block between the markers (markers included); throws when they are missing. */
export function tableIn(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no runtimes table between "${START}" and "${END}"`);
  return readme.slice(start, end + END.length);
}

/** The README's rows keyed by run name ("node20" …), as written. */
export function readmeRows(readme) {
  const rows = new Map();
  for (const line of tableIn(readme).split("\n")) {
    const name = /\| `([a-z0-9-]+)` \|$/.exec(line)?.[1];
    if (name) rows.set(name, line);
  }
  return rows;
}

/** A README line read back into the row renderRow wrote it from. */
export function parseRow(name, line) {
  const cells = line
    .replace(/^\|\s*|\s*\|$/g, "")
    .split(" | ")
    .map((cell) => cell.trim());
  const [runtime = "", version = "", via = "-", hmac = "", result = ""] = cells;
  return {
    name,
    runtime,
    version,
    via: via === "-" ? undefined : via,
    hmac: hmac === "`node:crypto`" ? "node:crypto" : hmac,
    result,
  };
}

/**
 * The README's table against the rows a run measured. `problems` are broken promises and fail the
 * run: no table, no row for a runtime that ran, a row naming another runtime or HMAC path, a
 * runtime that printed no version, a suite the README says passes failing. `notes` are the
 * informative cells that moved (version, driver), and a row saying "fails" for a suite that now
 * passes; they are printed, never failed on.
 */
export function compareReadme(readme, measured) {
  let written;
  try {
    written = readmeRows(readme);
  } catch (error) {
    return { problems: [error.message], notes: [] };
  }
  const problems = [];
  const notes = [];
  for (const row of measured) {
    const line = written.get(row.name);
    if (line === undefined) {
      problems.push(`${row.name}: no row in README.md's runtimes table (run: ${renderRow(row)})`);
      continue;
    }
    const readme = parseRow(row.name, line);
    if (readme.runtime !== row.runtime)
      problems.push(`${row.name}: README says "${readme.runtime}", run "${row.runtime}"`);
    if (readme.hmac !== row.hmac)
      problems.push(`${row.name}: README says the HMAC is computed by ${readme.hmac}, this run by ${row.hmac}`);
    if (!/[0-9]/.test(row.version ?? "")) problems.push(`${row.name}: the runner printed no version`);
    if (row.result !== "passes" && readme.result === "passes")
      problems.push(`${row.name}: README says the suite passes, it ${row.result.replace(/\*/g, "")} on this run`);
    if (row.result === "passes" && readme.result !== "passes")
      notes.push(`${row.name}: README says the suite ${readme.result.replace(/\*/g, "")}, it passes on this run`);
    if (readme.version !== row.version)
      notes.push(`${row.name}: README shows ${readme.version}, this run ${row.version}`);
    if ((readme.via ?? "-") !== (row.via ?? "-"))
      notes.push(`${row.name}: README shows it through ${readme.via ?? "-"}, this run ${row.via ?? "-"}`);
  }
  return { problems, notes };
}

/** The README with its block replaced by `table`. */
export function replaceTable(readme, table) {
  return readme.replace(tableIn(readme), table);
}
