// The `clients` option of createFakeTwitter: checked, or the default client of the first app.
import { defaultClient } from "../defaults.js";
import type { FakeClient, FakeConsumer } from "../types.js";

/**
 * The OAuth 2.0 clients the fake knows: `clients` as given (each of a known app), or by default
 * {@link defaultClient}, belonging to the first app.
 * @throws TypeError naming the field when an entry is malformed.
 * @internal
 */
export function resolveClients(clients: unknown, consumers: readonly FakeConsumer[]): FakeClient[] {
  if (clients === undefined) return [{ ...defaultClient, consumerKey: consumers[0]!.key }];
  if (!Array.isArray(clients) || clients.length === 0) throw new TypeError("options.clients must be a non-empty array");
  const seen = new Set<string>();
  return clients.map((c: Partial<FakeClient> | null, i): FakeClient => {
    const at = `options.clients[${i}]`;
    if (typeof c?.clientId !== "string" || c.clientId === "")
      throw new TypeError(`${at}.clientId must be a non-empty string`);
    if (seen.has(c.clientId)) throw new TypeError(`${at}.clientId is used twice`);
    seen.add(c.clientId);
    if (c.clientSecret !== undefined && (typeof c.clientSecret !== "string" || c.clientSecret === "")) {
      throw new TypeError(`${at}.clientSecret must be a non-empty string, or omitted for a public client`);
    }
    if (typeof c.consumerKey !== "string" || !consumers.some((app) => app.key === c.consumerKey)) {
      throw new TypeError(`${at}.consumerKey must be the key of one of options.consumers`);
    }
    if (
      c.redirectUris !== undefined &&
      (!Array.isArray(c.redirectUris) || c.redirectUris.some((u) => typeof u !== "string" || !URL.canParse(u)))
    ) {
      throw new TypeError(`${at}.redirectUris must be an array of absolute URLs`);
    }
    const client: FakeClient = { clientId: c.clientId, consumerKey: c.consumerKey };
    if (c.clientSecret !== undefined) client.clientSecret = c.clientSecret;
    if (c.redirectUris !== undefined) client.redirectUris = [...c.redirectUris];
    return client;
  });
}
