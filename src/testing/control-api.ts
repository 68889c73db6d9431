// The control API under /_fake/, for tests written in any language: plain HTTP, form or JSON bodies,
// plain-text answers. Every error is a 4xx that says what to send instead.
import { isFormContentType } from "../oauth1/form.js";
import { approve, deny, fail, reset, revoke } from "./control.js";
import { oauth2Control } from "./oauth2/control-api.js";
import type { FakeState } from "./store.js";
import type { FailOptions } from "./types.js";

/** The paths of the control API. @internal */
export const CONTROL_PREFIX = "/_fake/";

function text(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...extra },
  });
}

function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/**
 * A 403 for a control call that a web page made the browser send, else `undefined`. A page on any
 * site can post a form to `http://127.0.0.1:3001/_fake/reset`; browsers mark such a request with
 * `Origin` (the Fetch standard sends it on every cross-origin POST, `null` for an opaque origin)
 * and `Sec-Fetch-Site: cross-site` (W3C Fetch Metadata). A request without either (curl, Python,
 * a test client) is not a browser's and is obeyed. `ownOrigins`: the origin the request arrived
 * at, and `options.origin` when set.
 * @internal
 */
export function crossSiteRefusal(headers: Headers, ownOrigins: readonly string[]): Response | undefined {
  const origin = headers.get("origin");
  if (origin !== null && !ownOrigins.includes(origin)) {
    return text(403, "Refused: the control API answers only its own origin; this request came from another one.");
  }
  if (headers.get("sec-fetch-site")?.trim().toLowerCase() === "cross-site") {
    return text(403, "Refused: the control API answers only its own origin; this request came from another site.");
  }
  return undefined;
}

/**
 * A 403 for a control call to a host name other than `origin`'s (the fake's `options.origin`),
 * else `undefined`. A page can point a name of its own at the fake's address (DNS rebinding) and
 * then post as if same-origin, but its name stays in the URL's host. Loopback names and address
 * literals cannot be rebound, so they stay served (the `fake-x` command listens on one).
 * @internal
 */
export function foreignHostRefusal(url: URL, origin: string | undefined): Response | undefined {
  if (origin === undefined) return undefined;
  const host = url.hostname.toLowerCase();
  if (
    host === new URL(origin).hostname ||
    host === "localhost" ||
    host.startsWith("[") ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(host)
  ) {
    return undefined;
  }
  return text(
    403,
    `Refused: the control API answers ${origin} and loopback addresses; this request names another host.`,
  );
}

type Fields = Map<string, string>;

/** The query and the body (form or JSON object of strings, numbers and booleans) as one map. */
function readFields(url: URL, contentType: string, body: string): Fields | string {
  const fields: Fields = new Map(url.searchParams);
  if (body.trim() === "") return fields;
  if (/^application\/json\s*(;|$)/i.test(contentType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return "the body is not valid JSON";
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      return "the JSON body must be an object";
    for (const [name, value] of Object.entries(parsed)) {
      if (!["string", "number", "boolean"].includes(typeof value)) return `${name} must be a string, number or boolean`;
      fields.set(name, String(value));
    }
    return fields;
  }
  if (isFormContentType(contentType)) {
    for (const [name, value] of new URLSearchParams(body)) fields.set(name, value);
    return fields;
  }
  return "send the fields as application/x-www-form-urlencoded or application/json";
}

function integerField(fields: Fields, name: string): number | undefined | string {
  const value = fields.get(name);
  if (value === undefined || value === "") return undefined;
  if (!/^-?[0-9]{1,9}$/.test(value)) return `${name} must be an integer`;
  return Number(value);
}

function failOptions(fields: Fields): FailOptions | string {
  const options: FailOptions = {};
  // OAuth 2.0 endpoints: `error`, or an error string given as `code`; `resetSeconds` for a 429.
  const codeText = fields.get("code") ?? "";
  const error = fields.get("error") || (/^[a-z_]+$/.test(codeText) ? codeText : "");
  if (error !== "") options.error = error;
  if (error !== "" && error === codeText) fields.delete("code");
  for (const [name, key] of [
    ["status", "status"],
    ["code", "code"],
    ["times", "times"],
    ["delay_ms", "delayMs"],
    ["date_skew_seconds", "dateSkewSeconds"],
  ] as const) {
    const value = integerField(fields, name);
    if (typeof value === "string") return value;
    if (value !== undefined) options[key] = value;
  }
  const reset = integerField(fields, fields.has("resetSeconds") ? "resetSeconds" : "reset_seconds");
  if (typeof reset === "string") return reset;
  if (reset !== undefined) options.resetSeconds = reset;
  const drop = fields.get("drop");
  if (drop !== undefined && drop !== "") {
    if (!/^(true|false|1|0)$/i.test(drop)) return "drop must be true or false";
    options.drop = /^(true|1)$/i.test(drop);
  }
  const path = fields.get("path");
  if (path !== undefined && path !== "") options.path = path;
  const message = fields.get("message");
  if (message !== undefined && message !== "") options.message = message;
  return options;
}

/** A TypeError's message without the in-process parameter wording, for an HTTP caller. */
function httpWording(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^(approve|deny|fail): /, "")
    .replace("requestToken", "oauth_token")
    .replace("screenName", "screen_name")
    .replace("delayMs", "delay_ms")
    .replace("dateSkewSeconds", "date_skew_seconds")
    .replace("reset()", "POST /_fake/reset");
}

const OPERATIONS = ["approve", "deny", "revoke", "fail", "reset", "expire"] as const;

/**
 * Answers a request under /_fake/: approve, deny, revoke, fail, reset and expire, each a POST.
 * @internal
 */
export function controlApi(
  state: FakeState,
  method: string,
  url: URL,
  contentType: string,
  body: string | undefined,
): Response {
  const operation = url.pathname.slice(CONTROL_PREFIX.length);
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    return text(
      404,
      `No such control operation. POST to one of: ${OPERATIONS.map((o) => CONTROL_PREFIX + o).join(", ")}`,
    );
  }
  if (method !== "POST") return text(405, `Use POST for ${url.pathname}.`, { allow: "POST" });
  if (body === undefined) return text(413, "The body is too large.");
  const fields = readFields(url, contentType, body);
  if (typeof fields === "string") return text(400, `${url.pathname}: ${fields}.`);

  const oauth2 = oauth2Control(state, operation, fields);
  if (oauth2 !== undefined) return oauth2.body === undefined ? noContent() : text(oauth2.status, oauth2.body);
  const token = fields.get("oauth_token");
  if (operation === "approve" || operation === "deny" || operation === "revoke") {
    if (token === undefined || token === "") return text(400, `${url.pathname} needs oauth_token.`);
    if (operation === "revoke") {
      return revoke(state, token) ? noContent() : text(404, "oauth_token is not an access token of this fake.");
    }
    try {
      const screenName = fields.get("screen_name");
      const answer =
        operation === "approve"
          ? approve(state, token, screenName === undefined || screenName === "" ? undefined : screenName)
          : deny(state, token);
      return text(200, answer);
    } catch (error) {
      return text(404, `${httpWording(error)}.`);
    }
  }
  if (operation === "fail") {
    const options = failOptions(fields);
    if (typeof options === "string") return text(400, `${url.pathname}: ${options}.`);
    try {
      fail(state, options);
    } catch (error) {
      return text(400, `${url.pathname}: ${httpWording(error)}.`);
    }
    return noContent();
  }
  reset(state);
  return noContent();
}
