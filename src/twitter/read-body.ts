import { readCappedBytes } from "../read-capped.js";

/**
 * Reads at most `limit` bytes of a response body as UTF-8; undefined when it is larger.
 * @internal
 */
export async function readCapped(response: Response, limit: number): Promise<string | undefined> {
  if (response.body === null) return "";
  const bytes = await readCappedBytes(response.body, limit);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}
