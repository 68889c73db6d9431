// --config FILE: createFakeTwitter's options as JSON. A bad file is one line naming the file and the field.
import { readFileSync } from "node:fs";
import { createFakeTwitter, type FakeTwitterOptions } from "../testing/index.js";
import { CliError } from "./errors.js";

const FIELDS = [
  "consumers",
  "clients",
  "users",
  "strict",
  "origin",
  "timestampWindowSeconds",
  "requestTokenTtlSeconds",
];

/** Reads, parses and checks a config file. */
export function readConfigFile(file: string): FakeTwitterOptions {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(`${file}: cannot read the config file (${code ?? "unreadable"})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${file}: must hold a JSON object with createFakeTwitter's options`);
  }
  for (const field of Object.keys(value)) {
    if (!FIELDS.includes(field)) throw new CliError(`${file}: unknown field "${field}" (known: ${FIELDS.join(", ")})`);
  }
  const options = value as FakeTwitterOptions;
  try {
    createFakeTwitter(options);
  } catch (error) {
    // "options.consumers[0].secret must be …" becomes "config.json: consumers[0].secret must be …".
    throw new CliError(
      `${file}: ${(error instanceof Error ? error.message : String(error)).replace(/^options\./, "")}`,
    );
  }
  return options;
}
