/**
 * A failure the user can fix: printed as one line, no stack trace. `usage` mistakes (a bad flag or
 * config file) exit with 2 and point at --help; the others (a port that cannot be had) exit with 1.
 */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly usage = true,
  ) {
    super(message);
  }
}
