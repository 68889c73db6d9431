// The public API, entry point by entry point: every exported name with its kind and its signature,
// as the TypeScript compiler sees it from src/ (the same declarations tsup turns into dist/*.d.ts).
// The committed report is api/twitter-oauth1.api.md; test/api/api-report.test.ts fails when the
// public API changes without it. After a change made on purpose, rewrite it and commit it:
//   npm run api:report
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REPORT = join(root, "api/twitter-oauth1.api.md");

/** package.json "exports" subpath → the source file tsup builds it from (tsup.config.ts and typedoc.json agree). */
function entrySources() {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const typedoc = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8"));
  const sources = {};
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath === "./package.json") continue;
    const name = subpath === "." ? "index" : subpath.slice(2);
    const file = typedoc.entryPoints.find((path) =>
      name === "index" ? path === "src/index.ts" : path === `src/${name}/index.ts`,
    );
    if (!file) throw new Error(`no source for ${subpath} in typedoc.json "entryPoints"`);
    sources[subpath] = join(root, file);
  }
  return sources;
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;

function kindOf(symbol) {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return "class";
  if (f & ts.SymbolFlags.Function) return "function";
  if (f & ts.SymbolFlags.Interface) return "interface";
  if (f & ts.SymbolFlags.TypeAlias) return "type";
  if (f & ts.SymbolFlags.Variable) return "const";
  return "other";
}

function isPublicMember(symbol) {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return true;
  if (declaration.name && ts.isPrivateIdentifier(declaration.name)) return false;
  const modifiers = ts.getCombinedModifierFlags(declaration);
  return !(modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

function members(checker, type, at) {
  return checker
    .getPropertiesOfType(type)
    .filter(isPublicMember)
    .flatMap((member) => {
      const optional = member.flags & ts.SymbolFlags.Optional ? "?" : "";
      const declaration = member.valueDeclaration ?? member.declarations?.[0];
      const readonly =
        declaration && ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly ? "readonly " : "";
      const memberType = checker.getTypeOfSymbolAtLocation(member, at);
      if (member.flags & ts.SymbolFlags.Method) {
        return memberType
          .getCallSignatures()
          .map(
            (sig) =>
              `  ${member.name}${optional}${checker.signatureToString(sig, at, FLAGS & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`,
          );
      }
      return [`  ${readonly}${member.name}${optional}: ${checker.typeToString(memberType, at, FLAGS)}`];
    });
}

function describeExport(checker, exported, at) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const kind = kindOf(symbol);
  const name = exported.name;
  const lines = [];
  if (kind === "function") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, at);
    for (const sig of type.getCallSignatures())
      lines.push(
        `function ${name}${checker.signatureToString(sig, at, FLAGS & ~ts.TypeFormatFlags.WriteArrowStyleSignature)}`,
      );
  } else if (kind === "class") {
    const staticType = checker.getTypeOfSymbolAtLocation(symbol, at);
    const instanceType = checker.getDeclaredTypeOfSymbol(symbol);
    lines.push(`class ${name} {`);
    for (const sig of staticType.getConstructSignatures())
      lines.push(
        `  constructor${checker.signatureToString(sig, at, FLAGS & ~ts.TypeFormatFlags.WriteArrowStyleSignature).replace(/: \S+$/, "")}`,
      );
    for (const line of members(checker, staticType, at).filter((l) => !/^ {2}prototype: /.test(l)))
      lines.push(`  static${line.slice(1)}`);
    lines.push(...members(checker, instanceType, at), "}");
  } else if (kind === "interface") {
    lines.push(`interface ${name} {`, ...members(checker, checker.getDeclaredTypeOfSymbol(symbol), at), "}");
  } else if (kind === "type") {
    const declaration = symbol.declarations.find(ts.isTypeAliasDeclaration);
    const type = checker.getTypeFromTypeNode(declaration.type);
    lines.push(`type ${name} = ${checker.typeToString(type, at, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`);
  } else {
    lines.push(`const ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, at), at, FLAGS)}`);
  }
  // A type from another module prints as import("/abs/path").Name: keep the name only.
  // A well-known symbol key prints with the checker's symbol id (`__@asyncIterator@547`), which
  // changes with the program: write it as the source does.
  const text = lines
    .join("\n")
    .replace(/import\("[^"]*"\)\./g, "")
    .replace(/__@(\w+)@\d+/g, "[Symbol.$1]");
  return { name, kind, text };
}

/** The report's text, freshly computed from src/. */
export function apiReport() {
  const sources = entrySources();
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const program = ts.createProgram(Object.values(sources), { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const out = [
    "# twitter-oauth1: public API report",
    "",
    "Every name each entry point exports, with its kind and signature, generated from `src/` by",
    "`test/api/report.js`. `test/api/api-report.test.ts` fails when the public API changes and this file",
    "does not: after a change made on purpose, run `npm run api:report` and commit the result.",
    "",
  ];
  for (const [subpath, file] of Object.entries(sources)) {
    const sourceFile = program.getSourceFile(file);
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    const exports = checker
      .getExportsOfModule(moduleSymbol)
      .map((symbol) => describeExport(checker, symbol, sourceFile))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const counts = {};
    for (const e of exports) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    const summary = Object.entries(counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ");
    out.push(`## \`twitter-oauth1${subpath.slice(1)}\` (${exports.length} exports: ${summary})`, "");
    for (const e of exports) out.push("```ts", e.text, "```", "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Names per entry point, from a report's text: { "twitter-oauth1": ["TwitterOAuth", …], … }. */
export function namesByEntry(report) {
  const entries = {};
  let current;
  for (const line of report.split("\n")) {
    const heading = /^## `([^`]+)`/.exec(line);
    if (heading) {
      current = heading[1];
      entries[current] = [];
    }
    const declaration = /^(?:class|function|interface|type|const) ([\w$]+)/.exec(line);
    if (declaration && current && !entries[current].includes(declaration[1])) entries[current].push(declaration[1]);
  }
  return entries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = apiReport();
  if (process.argv.includes("--write")) {
    writeFileSync(REPORT, report);
    console.log(`wrote ${REPORT}`);
  } else process.stdout.write(report);
}
