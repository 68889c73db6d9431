// The flags of every command, read with node:util parseArgs: every mistake becomes one CliError line
// that names the flag, instead of parseArgs' multi-line message.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The flags in `argv` by the table `options`; no positional argument is accepted. */
export function parseFlags<T extends Options>(
  argv: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>["values"] {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliError(`unknown option ${flag ?? message}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      throw new CliError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""}`.trim());
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new CliError(`${flag ?? "an option"} needs a value`);
    throw new CliError(message.split("\n")[0]!);
  }
}
