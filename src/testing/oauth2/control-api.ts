// The OAuth 2.0 part of the control API: approve and deny by `authorize_url`, expire by `token`.
import type { FakeState } from "../store.js";
import { approveAuthorization, denyAuthorization, expireAccessToken } from "./control.js";

function wording(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message
    .replace(/^(approve|deny|expire): /, "")
    .replace("authorizeUrl", "authorize_url")
    .replace("screenName", "screen_name")
    .replace("accessToken", "token")
    .replace(/\.?$/, ".")}`;
}

/** What the control API answers: a status and a plain-text body, or 204 without one. @internal */
export interface ControlAnswer {
  status: number;
  body?: string;
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
): ControlAnswer | undefined {
  const authorizeUrl = fields.get("authorize_url");
  try {
    if (operation === "expire") {
      const token = fields.get("token");
      if (token === undefined || token === "") return { status: 400, body: "/_fake/expire needs token." };
      expireAccessToken(state, token);
      return { status: 204 };
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
    return { status: 200, body: answer };
  } catch (error) {
    return { status: 404, body: wording(error) };
  }
}
