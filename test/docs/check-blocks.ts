// Type-checks (and, where marked, runs) documentation code blocks against the BUILT package: each block
// becomes a module in a scratch folder inside the repository, so that `import … from "twitter-oauth1"`
// resolves through the package's own name and `exports` map to dist/, exactly as it will for a user.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { x } from "tinyexec";
import ts from "typescript";
import { blockFileName, type CodeBlock } from "./code-blocks.js";

// Deno's global is not installed here; these are the two members the docs use, with Deno's own
// signatures (lib.deno.ns.d.ts), so a Deno block is still checked against this package's types.
const DENO_SUBSET = `declare namespace Deno {
  interface ServeHandlerInfo { remoteAddr: { hostname: string; port: number } }
  interface HttpServer { finished: Promise<void>; shutdown(): Promise<void> }
  function serve(handler: (request: Request, info: ServeHandlerInfo) => Response | Promise<Response>): HttpServer;
  function serve(options: { port?: number; hostname?: string }, handler: (request: Request, info: ServeHandlerInfo) => Response | Promise<Response>): HttpServer;
  const env: { get(key: string): string | undefined };
}
`;

/** A problem TypeScript found, placed at its line in the Markdown file. */
export interface BlockDiagnostic {
  /** `README.md:123` */
  where: string;
  /** TypeScript's message. */
  message: string;
}

/** A scratch folder with one module per block. */
export interface BlockWorkspace {
  dir: string;
  outDir: string;
  files: Map<string, CodeBlock>;
  dispose(): void;
}

/** Writes the blocks into `<root>/.tmp/doc-blocks-<id>/` (inside the package, for the self-reference). */
export function writeWorkspace(root: string, blocks: readonly CodeBlock[]): BlockWorkspace {
  const dir = join(root, ".tmp", `doc-blocks-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, CodeBlock>();
  for (const block of blocks) {
    const path = join(dir, blockFileName(block));
    writeFileSync(path, block.code);
    files.set(path, block);
  }
  writeFileSync(join(dir, "deno-subset.d.ts"), DENO_SUBSET);
  return { dir, outDir: join(dir, "out"), files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Type-checks every block (strict, NodeNext, Node types) and emits JavaScript to `outDir`. */
export function checkWorkspace(workspace: BlockWorkspace): BlockDiagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    outDir: workspace.outDir,
    rootDir: workspace.dir,
  };
  const roots = [...workspace.files.keys(), join(workspace.dir, "deno-subset.d.ts")];
  const program = ts.createProgram(roots, options);
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  program.emit();
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const block = d.file ? workspace.files.get(d.file.fileName) : undefined;
    if (!d.file || !block || d.start === undefined) {
      return { where: d.file ? relative(workspace.dir, d.file.fileName) : "(global)", message };
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return { where: `${block.file}:${block.line + 1 + line}`, message };
  });
}

/** Runs one emitted block with this Node (stopped after 60 s); resolves with its exit code and output. */
export async function runBlock(workspace: BlockWorkspace, block: CodeBlock): Promise<{ code: number; output: string }> {
  const file = join(workspace.outDir, blockFileName(block).replace(/\.mts$/, ".mjs"));
  const result = await x(process.execPath, [file], {
    timeout: 60_000,
    throwOnError: false,
    nodeOptions: { cwd: workspace.dir },
  });
  return { code: result.exitCode ?? 1, output: result.stdout + result.stderr };
}
