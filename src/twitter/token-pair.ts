import { badArgument } from "../common/describe.js";
import type { TokenPair } from "./types.js";

/** Checks a token and its secret (an access token, or a request token), naming `what` in the TypeError. @internal */
export function checkPair<T extends TokenPair>(value: T, what: string): T {
  if (
    typeof value !== "object" ||
    value === null ||
    typeof value.token !== "string" ||
    value.token === "" ||
    typeof value.tokenSecret !== "string"
  ) {
    badArgument(`${what}`, `an object with a non-empty token and a tokenSecret string`);
  }
  return value;
}
