// The job's input: one user a line, `{"id": "…", "token": "…", "tokenSecret": "…"}`. The whole file
// is checked before the first exchange, so a typo on line 9,000 cannot leave a job half done.
import type { MigrationUser } from "../oauth2/migrate-types.js";
import { CliError } from "./errors.js";
import { LineTooLongError, readLines } from "./migrate-tokens-lines.js";
import { inShard, type Shard } from "./migrate-tokens-shard.js";

/** No input line is longer: a token and its secret are well under 1 KiB. */
export const MAX_INPUT_LINE_BYTES = 64 * 1024;
/** Problems listed one by one before "and N more". */
const LISTED_PROBLEMS = 20;

/** What a full read of the input found. */
export interface InputCheck {
  /** Users in the file. */
  users: number;
  /** Users in this job's share. */
  inShard: number;
  /** Problems, each with its line number, at most 20 listed. */
  problems: string[];
  /** All problems, listed or not. */
  problemCount: number;
}

/** The user on a line, or what is wrong with it. Blank lines are neither. */
export function parseUserLine(text: string): MigrationUser | string | undefined {
  if (text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const record = value as Record<string, unknown>;
  const missing = ["id", "token", "tokenSecret"].filter((k) => typeof record[k] !== "string" || record[k] === "");
  if (missing.length > 0) return `${missing.map((k) => `"${k}"`).join(", ")} missing or not a non-empty string`;
  return { id: record.id as string, token: record.token as string, tokenSecret: record.tokenSecret as string };
}

/** Reads the whole input once: counts users, finds bad lines and duplicate ids (never printing a token). */
export async function checkInput(path: string, shard: Shard | undefined): Promise<InputCheck> {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  let problemCount = 0;
  let inShardCount = 0;
  const problem = (text: string): void => {
    problemCount++;
    if (problems.length < LISTED_PROBLEMS) problems.push(text);
  };
  try {
    for await (const line of readLines(path, MAX_INPUT_LINE_BYTES)) {
      const user = parseUserLine(line.text);
      if (user === undefined) continue;
      if (typeof user === "string") {
        problem(`line ${line.number}: ${user}`);
        continue;
      }
      const first = seen.get(user.id);
      if (first !== undefined) {
        problem(`line ${line.number}: duplicate id ${JSON.stringify(user.id)} (first on line ${first})`);
        continue;
      }
      seen.set(user.id, line.number);
      if (inShard(user.id, shard)) inShardCount++;
    }
  } catch (error) {
    if (error instanceof LineTooLongError) {
      problem(`line ${error.lineNumber}: longer than ${error.maxBytes} bytes`);
    } else {
      throw new CliError(`cannot read --input ${path}: ${(error as Error).message}`);
    }
  }
  return { users: seen.size, inShard: inShardCount, problems, problemCount };
}

/** The users of the input in this share and not in `skip`, in file order (the input was checked). */
export async function* usersToMigrate(
  path: string,
  shard: Shard | undefined,
  skip: ReadonlySet<string>,
): AsyncGenerator<MigrationUser> {
  for await (const line of readLines(path, MAX_INPUT_LINE_BYTES)) {
    const user = parseUserLine(line.text);
    if (user === undefined) continue;
    if (typeof user === "string")
      throw new CliError(`--input changed while the job ran (line ${line.number}: ${user})`);
    if (inShard(user.id, shard) && !skip.has(user.id)) yield user;
  }
}
