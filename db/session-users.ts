import { eq, sql } from 'drizzle-orm';
import type { Handle, Tx } from './client';
import { prepared } from './prepared';
import { users } from './schema';
import { SessionUserCache, type SessionUserRow } from '@/lib/auth/session-user-cache';
import { processGlobal } from '@/lib/process-global';

// Every signed-in page and action re-reads its user, so a disabled account, a changed role or a bumped
// session version takes effect at once. That read was a round trip per request, about a twentieth of a
// page's server time. The rows now stay in memory, and migration 0007 makes the database
// announce (NOTIFY user_changed, at commit) every change to a user; the announcement drops the row here.
// A change reaches this process within the time the NOTIFY takes to arrive, i.e. before the admin's own
// response does; while the listener is down nothing is served from memory.

export const USER_CHANGED_CHANNEL = 'user_changed';

const caches = processGlobal('sessionUserCaches', () => new WeakMap<Handle['db'], SessionUserCache>());

/** The cache of this database, listening from its first use; closing the handle stops the listener. */
export function sessionUserCache(handle: Pick<Handle, 'db' | 'listen'>): SessionUserCache {
  let cache = caches.get(handle.db);
  if (!cache) {
    const c = (cache = new SessionUserCache());
    caches.set(handle.db, c);
    handle.listen(USER_CHANGED_CHANNEL, { notify: (id) => c.changed(id), live: (live) => c.setLive(live) });
  }
  return cache;
}

/** The cache of this database if it was used, for the metrics endpoint (never creates it). */
export function sessionUserCacheIfStarted(handle: Pick<Handle, 'db'>): SessionUserCache | undefined {
  return caches.get(handle.db);
}

/** The user a session token names, as the database has it now. */
export function findSessionUser(handle: Pick<Handle, 'db' | 'listen'>, id: string): Promise<SessionUserRow | undefined> {
  return sessionUserCache(handle).get(id, (uid) => readSessionUser(handle.db, uid));
}

/** The database read behind the cache (also EXPLAINed by bench/page-queries.ts). */
export async function readSessionUser(tx: Tx, id: string): Promise<SessionUserRow | undefined> {
  const query = prepared(tx, 'session_user', (db) =>
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('session_user'),
  );
  const [row] = await query.execute({ id });
  return row;
}
