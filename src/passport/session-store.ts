import { DEFAULT_RETURN_TO } from "../handlers/return-to.js";
import { MAX_PENDING, type PendingSignIn, type PendingStore } from "../handlers/pending.js";

/** One pending sign-in in the session, under its request token. */
interface StoredEntry {
  oauth_token_secret: string;
  issued_at: number;
}

/** `req.session[key]`: passport-oauth1's two fields (the newest sign-in), and every pending one by token. */
interface Slot {
  oauth_token?: unknown;
  oauth_token_secret?: unknown;
  pending?: unknown;
}

/** The parts of an express-session session used to merge with what other requests saved meanwhile. */
interface SessionLike extends Record<string, unknown> {
  reload?: (done: (error?: unknown) => void) => void;
  save?: (done: (error?: unknown) => void) => void;
}

// The updates of each session, one after the other within this process: a reload and a save each
// wait for the store, so two overlapping updates could both reload before either saves.
const queues = new Map<string, Promise<void>>();

function serialized(id: unknown, run: () => Promise<void>): Promise<void> {
  if (typeof id !== "string") return run();
  const previous = queues.get(id) ?? Promise.resolve();
  const next = previous.then(run, run);
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(id, tail);
  void tail.then(() => {
    if (queues.get(id) === tail) queues.delete(id);
  });
  return next;
}

function isEntry(value: unknown): value is StoredEntry {
  const entry = value as Partial<StoredEntry> | null;
  return typeof entry?.oauth_token_secret === "string" && typeof entry.issued_at === "number";
}

function call(session: SessionLike, method: "reload" | "save"): Promise<boolean> {
  const fn = session[method];
  if (typeof fn !== "function") return Promise.resolve(false);
  return new Promise((resolve) => {
    // A session not saved yet cannot be reloaded (express-session: "failed to load session"): it is
    // new to this request, so there is nothing to merge with, and the request's own copy stands.
    fn.call(session, (error?: unknown) => resolve(error === undefined || error === null));
  });
}

/**
 * Pending sign-ins in `req.session[key]`, each under its request token as the cookie mode keeps
 * each in a cookie of its own, at most {@link MAX_PENDING} (oldest out). The newest also sits in
 * `oauth_token` and `oauth_token_secret`, as passport-oauth1 stores its single one, so a sign-in
 * started under passport-twitter finishes here and the other way round.
 *
 * Each change reloads the session from its store first and saves it at once: express-session gives
 * every request its own copy and saves it whole, so two tabs whose logins overlap would otherwise
 * each save their copy and the last would erase the other's sign-in. `sessionOf` is read again
 * after a reload, which replaces `req.session`. Within one process the updates of a session run one
 * at a time; across processes the window left is the store's own round trip.
 * @internal
 */
export function createSessionStore(sessionOf: () => SessionLike, key: string, now: () => number): PendingStore {
  const read = (session: SessionLike): Map<string, StoredEntry> => {
    const entries = new Map<string, StoredEntry>();
    const slot = session[key] as Slot | undefined;
    if (typeof slot !== "object" || slot === null) return entries;
    if (typeof slot.pending === "object" && slot.pending !== null && !Array.isArray(slot.pending)) {
      for (const [token, entry] of Object.entries(slot.pending)) if (isEntry(entry)) entries.set(token, entry);
      return entries;
    }
    // Written by passport-oauth1 (no issue time): counts as just started.
    if (typeof slot.oauth_token === "string" && typeof slot.oauth_token_secret === "string") {
      entries.set(slot.oauth_token, {
        oauth_token_secret: slot.oauth_token_secret,
        issued_at: Math.floor(now() / 1000),
      });
    }
    return entries;
  };
  const write = (session: SessionLike, entries: Map<string, StoredEntry>): void => {
    const sorted = [...entries].sort(([, a], [, b]) => a.issued_at - b.issued_at).slice(-MAX_PENDING);
    const newest = sorted.at(-1);
    if (newest === undefined) {
      delete session[key];
      return;
    }
    session[key] = {
      oauth_token: newest[0],
      oauth_token_secret: newest[1].oauth_token_secret,
      pending: Object.fromEntries(sorted),
    };
  };
  const update = (change: (entries: Map<string, StoredEntry>) => void): Promise<void> =>
    serialized(sessionOf().id, async () => {
      await call(sessionOf(), "reload");
      const session = sessionOf();
      const entries = read(session);
      change(entries);
      write(session, entries);
      await call(session, "save");
    });
  const toPending = (token: string, entry: StoredEntry): PendingSignIn => ({
    token,
    tokenSecret: entry.oauth_token_secret,
    issuedAt: entry.issued_at,
    returnTo: DEFAULT_RETURN_TO,
  });
  return {
    async list() {
      return [...read(sessionOf())].map(([token, entry]) => toPending(token, entry));
    },
    async find(token) {
      // Reloaded: the tab that started this sign-in may have saved it after this request loaded the session.
      await call(sessionOf(), "reload");
      const entry = read(sessionOf()).get(token);
      return entry === undefined ? undefined : toPending(token, entry);
    },
    async add(entry) {
      await update((entries) => {
        entries.set(entry.token, { oauth_token_secret: entry.tokenSecret, issued_at: entry.issuedAt });
      });
    },
    async remove(token) {
      await update((entries) => {
        entries.delete(token);
      });
    },
  };
}
