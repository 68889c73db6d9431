// The README's runtimes table, as run.js measures it: rendered from a run's rows, found between
// two HTML comment markers, compared row by row (keyed by the run's name), and replaced.
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

/** What differs between the README and the rows a run measured: ["- README: …", "+ run: …"]. */
export function readmeDiff(readme, rows) {
  let written;
  try {
    written = readmeRows(readme);
  } catch (error) {
    return [error.message];
  }
  const diff = [];
  for (const row of rows) {
    const line = renderRow(row);
    if (written.get(row.name) !== line)
      diff.push(`- README: ${written.get(row.name) ?? "(no row)"}`, `+ run:    ${line}`);
  }
  return diff;
}

/** The README with its block replaced by `table`. */
export function replaceTable(readme, table) {
  return readme.replace(tableIn(readme), table);
}
