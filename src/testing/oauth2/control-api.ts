// The OAuth 2.0 part of the control API: approve and deny by `authorize_url`, expire by `token`.
import { noContent, text } from "../control-api.js";
import type { FakeState } from "../store.js";
import { approveAuthorization, denyAuthorization, expireAccessToken } from "./control.js";

function wording(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message
    .replace(/^(approve|deny|expire): /, "")
    .replace("authorizeUrl", "authorize_url")
    .replace("screenName", "screen_name")
    .replace("accessToken", "token")}.`;
}

/**
 * Answers `/_fake/approve` and `/_fake/deny` when they carry `authorize_url`, and `/_fake/expire`;
 * undefined for everything else (the OAuth 1.0a operations).
 * @internal
 */
export function oauth2Control(
  state: FakeState,
  operation: string,
  fields: ReadonlyMap<string, string>,
): Response | undefined {
  const authorizeUrl = fields.get("authorize_url");
  try {
    if (operation === "expire") {
      const token = fields.get("token");
      if (token === undefined || token === "") return text(400, "/_fake/expire needs token.");
      expireAccessToken(state, token);
      return noContent();
    }
    if (authorizeUrl === undefined || (operation !== "approve" && operation !== "deny")) return undefined;
    const screenName = fields.get("screen_name");
    const answer =
      operation === "approve"
        ? approveAuthorization(
            state,
            authorizeUrl,
            screenName === undefined || screenName === "" ? undefined : screenName,
          )
        : denyAuthorization(state, authorizeUrl);
    return text(200, answer);
  } catch (error) {
    return text(404, wording(error));
  }
}
