import { DEFAULT_RETURN_TO } from "../handlers/return-to.js";
import type { PendingSignIn, PendingStore } from "../handlers/pending.js";

interface StoredEntry {
  oauth_token: string;
  oauth_token_secret: string;
  issued_at: number;
}

function isEntry(value: unknown): value is StoredEntry {
  const entry = value as Partial<StoredEntry> | null;
  return (
    typeof entry?.oauth_token === "string" &&
    typeof entry.oauth_token_secret === "string" &&
    typeof entry.issued_at === "number"
  );
}

/**
 * Pending sign-ins in `req.session[key]`. The newest one sits in `oauth_token` and
 * `oauth_token_secret`, as passport-oauth1 stores its single one, so a sign-in started under
 * passport-twitter finishes here and the other way round; `pending` holds them all, one per tab.
 * @internal
 */
export function createSessionStore(session: Record<string, unknown>, key: string, now: () => number): PendingStore {
  const read = (): StoredEntry[] => {
    const slot = session[key] as { oauth_token?: unknown; oauth_token_secret?: unknown; pending?: unknown } | undefined;
    if (typeof slot !== "object" || slot === null) return [];
    if (Array.isArray(slot.pending)) return slot.pending.filter(isEntry);
    // Written by passport-oauth1 (no issue time): counts as just started.
    if (typeof slot.oauth_token === "string" && typeof slot.oauth_token_secret === "string") {
      return [
        {
          oauth_token: slot.oauth_token,
          oauth_token_secret: slot.oauth_token_secret,
          issued_at: Math.floor(now() / 1000),
        },
      ];
    }
    return [];
  };
  const write = (entries: StoredEntry[]): void => {
    const newest = entries.reduce<StoredEntry | undefined>(
      (latest, entry) => (latest === undefined || entry.issued_at >= latest.issued_at ? entry : latest),
      undefined,
    );
    if (newest === undefined) delete session[key];
    else
      session[key] = {
        oauth_token: newest.oauth_token,
        oauth_token_secret: newest.oauth_token_secret,
        pending: entries,
      };
  };
  const toPending = (entry: StoredEntry): PendingSignIn => ({
    token: entry.oauth_token,
    tokenSecret: entry.oauth_token_secret,
    issuedAt: entry.issued_at,
    returnTo: DEFAULT_RETURN_TO,
  });
  return {
    async list() {
      return read().map(toPending);
    },
    async find(token) {
      const entry = read().find((candidate) => candidate.oauth_token === token);
      return entry === undefined ? undefined : toPending(entry);
    },
    async add(entry) {
      write([
        ...read(),
        { oauth_token: entry.token, oauth_token_secret: entry.tokenSecret, issued_at: entry.issuedAt },
      ]);
    },
    async remove(token) {
      write(read().filter((entry) => entry.oauth_token !== token));
    },
  };
}
