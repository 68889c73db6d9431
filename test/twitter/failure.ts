import { isTwitterOAuthError, type TwitterOAuthError } from "../../src/index.js";

/** The TwitterOAuthError a call rejects with; anything else (a resolve, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<TwitterOAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTwitterOAuthError(error)) throw new Error(`expected a TwitterOAuthError, got ${String(error)}`);
  return error;
}
