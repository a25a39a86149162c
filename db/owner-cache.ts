import type { Handle } from './client';
import { loadDashboard, type DashboardFiling } from './queries/dashboard';
import { getFindingForOwner, type RectificationView } from './queries/findings';
import { isUuid } from '@/lib/domain/ids';
import { deepFreeze, NotifiedCache } from '@/lib/cache/notified-cache';
import { processGlobal } from '@/lib/process-global';

// 我的备案 and the rectification pages are what a filer opens again and again; their data changes far less
// often. Each page is one query, cheap for PostgreSQL, but on a small machine the backend that runs it
// takes the web server's core while it does (~1 ms of a 7 ms render). So each filer's data stays
// in memory, and migration 0008 makes the database announce (NOTIFY owner_data_changed, at commit) the
// owners whose subjects, websites, domains, access, findings, notices, orders, rechecks or extensions
// changed; the announcement drops all of that owner's pages here. The rules that keep this exact (nothing
// from memory while the listener is down, no read kept that raced a change) are in
// lib/cache/notified-cache.ts. Values are frozen: every request of the owner shares them.

export const OWNER_DATA_CHANGED_CHANNEL = 'owner_data_changed';

export type OwnerCaches = {
  /** 我的备案, by owner id. */
  dashboard: NotifiedCache<readonly DashboardFiling[]>;
  /** A rectification page, by `ownerId/findingId` (dropped with the owner). */
  rectification: NotifiedCache<RectificationView>;
};

// Bounded: a busy filer's dashboard (5 subjects, 20 websites, 30 findings) is 13.5 KB of heap, a
// rectification page a few KB; the oldest kept goes first. Together some tens of MB at most.
const DASHBOARDS_KEPT = 2_000;
const FINDINGS_KEPT = 5_000;

const caches = processGlobal('ownerCaches', () => new WeakMap<Handle['db'], OwnerCaches>());

/** The caches of this database, with one listener from their first use; closing the handle stops it. */
export function ownerCaches(handle: Pick<Handle, 'db' | 'listen'>): OwnerCaches {
  let found = caches.get(handle.db);
  if (!found) {
    const c: OwnerCaches = {
      dashboard: new NotifiedCache<readonly DashboardFiling[]>(DASHBOARDS_KEPT, deepFreeze),
      rectification: new NotifiedCache<RectificationView>(FINDINGS_KEPT, deepFreeze),
    };
    caches.set(handle.db, (found = c));
    const both = [c.dashboard, c.rectification];
    handle.listen(OWNER_DATA_CHANGED_CHANNEL, {
      notify: (owners) => owners.split(',').forEach((id) => both.forEach((cache) => cache.changed(id))),
      live: (live) => both.forEach((cache) => cache.setLive(live)),
    });
  }
  return found;
}

/** The caches of this database if they were used, for the metrics endpoint (never creates them). */
export function ownerCachesIfStarted(handle: Pick<Handle, 'db'>): OwnerCaches | undefined {
  return caches.get(handle.db);
}

/**
 * Drops `ownerId`'s pages here at once, for the owner's own writes: the page a server action re-renders
 * must show what it just did, and the database's NOTIFY may arrive a moment after the commit does.
 */
export function ownerDataChanged(handle: Pick<Handle, 'db' | 'listen'>, ownerId: string): void {
  const c = ownerCaches(handle);
  c.dashboard.changed(ownerId);
  c.rectification.changed(ownerId);
}

/** What 我的备案 shows of `ownerId`'s filings (db/queries/dashboard.ts), from memory while that is exact. */
export async function ownerDashboard(handle: Pick<Handle, 'db' | 'listen'>, ownerId: string): Promise<readonly DashboardFiling[]> {
  return (await ownerCaches(handle).dashboard.get(ownerId, (id) => loadDashboard(handle.db, id))) ?? [];
}

/** One finding of `ownerId` with what its rectification page needs (db/queries/findings.ts); a foreign or missing id is undefined, never kept. */
export async function ownerFinding(handle: Pick<Handle, 'db' | 'listen'>, ownerId: string, findingId: string): Promise<RectificationView | undefined> {
  if (!isUuid(findingId) || !isUuid(ownerId)) return undefined;
  return ownerCaches(handle).rectification.get(`${ownerId}/${findingId}`, () => getFindingForOwner(handle.db, findingId, ownerId));
}
