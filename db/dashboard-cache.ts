import type { Handle } from './client';
import { loadDashboard, type DashboardFiling } from './queries/dashboard';
import { deepFreeze, NotifiedCache } from '@/lib/cache/notified-cache';

// 我的备案 is every filer's first page and is reloaded far more often than its data changes. Its one query
// is cheap for PostgreSQL, but on a small machine the backend that runs it takes the web server's core
// while it does (~1 ms of a 7 ms render; issue 7). Each owner's data now stays in memory, and migration 0008
// makes the database announce (NOTIFY dashboard_changed, at commit) the owners whose subjects, websites,
// domains, access, findings or orders changed; the announcement drops their data here. The rules that keep
// this exact (nothing from memory while the listener is down, no read kept that raced a change) are in
// lib/cache/notified-cache.ts.

export const DASHBOARD_CHANGED_CHANNEL = 'dashboard_changed';

const caches = new WeakMap<Handle['db'], NotifiedCache<readonly DashboardFiling[]>>();

/** The cache of this database, listening from its first use; closing the handle stops the listener. */
export function dashboardCache(handle: Pick<Handle, 'db' | 'listen'>): NotifiedCache<readonly DashboardFiling[]> {
  let cache = caches.get(handle.db);
  if (!cache) {
    // Shared by every request of the owner: frozen, so a page cannot edit what the next one reads.
    const c = (cache = new NotifiedCache<readonly DashboardFiling[]>(10_000, deepFreeze));
    caches.set(handle.db, c);
    handle.listen(DASHBOARD_CHANGED_CHANNEL, {
      notify: (owners) => owners.split(',').forEach((id) => c.changed(id)),
      live: (live) => c.setLive(live),
    });
  }
  return cache;
}

/** What 我的备案 shows of `ownerId`'s filings (db/queries/dashboard.ts), from memory while that is exact. */
export async function ownerDashboard(handle: Pick<Handle, 'db' | 'listen'>, ownerId: string): Promise<readonly DashboardFiling[]> {
  return (await dashboardCache(handle).get(ownerId, (id) => loadDashboard(handle.db, id))) ?? [];
}
