// Client authentication at the token and revocation endpoints (RFC 6749 2.3.1, X docs, OAuth 2.0
// Authorization Code Flow with PKCE, "Confidential clients"): a confidential client sends HTTP Basic
// with its id and secret, a public client only `client_id` in the body.
import { timingSafeEqual } from "../../oauth1/constant-time.js";
import type { FakeClient } from "../types.js";

/** The outcome: the client, or the `error` and description to answer with. @internal */
export type ClientAuthResult =
  | { ok: true; client: FakeClient }
  | { ok: false; error: "invalid_client" | "unauthorized_client" | "invalid_request"; description: string };

interface BasicCredentials {
  id: string;
  secret: string;
}

/** RFC 6749 2.3.1: each part is form-urlencoded before Basic joins them; undefined when malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** The Basic credentials of an `Authorization` header; null without one, undefined when malformed. */
function basicCredentials(headers: Headers): BasicCredentials | null | undefined {
  const header = headers.get("authorization");
  if (header === null) return null;
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (match === null) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]!);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? undefined : { id, secret };
}

/**
 * The client id a request claims (Basic or body), before it is checked: the token endpoint counts
 * its rate limit per app, so it needs to know whose request it is first.
 * @internal
 */
export function claimedClientId(headers: Headers, form: URLSearchParams): string | undefined {
  const basic = basicCredentials(headers);
  if (basic) return basic.id;
  return form.get("client_id") ?? undefined;
}

/** Checks the client's credentials. @internal */
export function authenticateClient(
  clients: ReadonlyMap<string, FakeClient>,
  headers: Headers,
  form: URLSearchParams,
): ClientAuthResult {
  const basic = basicCredentials(headers);
  const bodyId = form.get("client_id");
  if (basic === undefined) {
    return { ok: false, error: "invalid_client", description: "The Authorization header is not valid HTTP Basic." };
  }
  if (form.has("client_secret")) {
    // RFC 6749 2.3.1 lets a server refuse the secret in the body; X documents HTTP Basic only.
    return {
      ok: false,
      error: "invalid_client",
      description: "Send the client secret with HTTP Basic (Authorization: Basic), not in the body.",
    };
  }
  if (basic !== null) {
    // RFC 6749 2.3: one authentication method per request; the same id in the body is harmless.
    if (bodyId !== null && bodyId !== basic.id) {
      return { ok: false, error: "invalid_request", description: "client_id differs from the Basic credentials." };
    }
    const client = clients.get(basic.id);
    const expected = client?.clientSecret;
    // Compare against a dummy for an unknown or public client, so every failure takes the same path.
    const matches = timingSafeEqual(expected ?? "\u0000no-secret", basic.secret);
    if (client === undefined || expected === undefined || !matches) {
      return { ok: false, error: "invalid_client", description: "Client authentication failed." };
    }
    return { ok: true, client };
  }
  if (bodyId === null || bodyId === "") {
    return {
      ok: false,
      error: "unauthorized_client",
      description:
        "Missing valid authorization header: confidential clients send HTTP Basic, public clients client_id.",
    };
  }
  const client = clients.get(bodyId);
  if (client === undefined) return { ok: false, error: "invalid_client", description: "Client authentication failed." };
  if (client.clientSecret !== undefined) {
    return {
      ok: false,
      error: "unauthorized_client",
      description: "Missing valid authorization header: this is a confidential client, send HTTP Basic.",
    };
  }
  return { ok: true, client };
}
