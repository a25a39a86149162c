import { lt } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { purgeLooseMaterials } from '../materials/store';
import { purgeExpiredTokens } from '../queries/users';
import { errorForLog } from '@/lib/privacy/mask';
import { config } from '@/lib/config';

export type HousekeepingRun = { looseMaterials: number; selfCheckRequests: number };

/**
 * What nobody needs any more, removed: loose uploads a day old (attached to no order and no 复核), expired
 * sign-in tokens, and the 立即自查 request log past its window. Safe to run any number of times, from any
 * number of processes.
 */
export async function runHousekeeping(db: Db, now: Date = new Date()): Promise<HousekeepingRun> {
  const looseMaterials = await purgeLooseMaterials(db, now);
  await purgeExpiredTokens(db);
  const old = await db
    .delete(t.selfCheckRequests)
    .where(lt(t.selfCheckRequests.createdAt, new Date(now.getTime() - 86400_000)))
    .returning({ id: t.selfCheckRequests.id });
  return { looseMaterials, selfCheckRequests: old.length };
}

const KEY = Symbol.for('beian.housekeeping');

/** Hourly plus once at start; unref'd so it never keeps a process alive; once per process. */
export function startHousekeeping(db: Db, intervalMs = config().HOUSEKEEPING_INTERVAL_MS) {
  const g = globalThis as typeof globalThis & { [KEY]?: { stop: () => void } };
  if (g[KEY]) return g[KEY];
  const tick = () =>
    runHousekeeping(db).then(
      (r) => r.looseMaterials && console.log(`[housekeeping] purged ${r.looseMaterials} unused uploads`),
      (err) => console.error('[housekeeping]', errorForLog(err)),
    );
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  g[KEY] = { stop: () => clearInterval(timer) };
  return g[KEY];
}
