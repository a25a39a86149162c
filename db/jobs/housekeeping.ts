import { lt } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { purgeLooseMaterials } from '../materials/loose';
import { purgeExpiredTokens } from '../queries/users';
import { purgeContactVerifications } from '../contacts/purge';
import { sweepOrphanObjects } from '../storage/sweep';
import { everyInterval, runLeased, type Repeating } from './lease';
import { config } from '@/lib/config';
import { componentLog } from '@/lib/log';

export type HousekeepingRun = { looseMaterials: number; selfCheckRequests: number; contactVerifications: number; orphanObjects: number };

/**
 * What nobody needs any more, removed: loose uploads a day old (attached to no order and no 复核), expired
 * sign-in tokens, the 立即自查 request log past its window, contact codes that can no longer be used, and
 * (with a bucket) objects no stored file names, last so that the purges above are swept in the same run.
 * Safe to run any number of times, from any number of processes (the scheduler's lease only saves the
 * repeated work).
 */
export async function runHousekeeping(db: Db, now: Date = new Date()): Promise<HousekeepingRun> {
  const looseMaterials = await purgeLooseMaterials(db, now);
  await purgeExpiredTokens(db);
  const old = await db
    .delete(t.selfCheckRequests)
    .where(lt(t.selfCheckRequests.createdAt, new Date(now.getTime() - 86400_000)))
    .returning({ id: t.selfCheckRequests.id });
  const contactVerifications = await purgeContactVerifications(db, now);
  const orphanObjects = await sweepOrphanObjects(db, now);
  return { looseMaterials, selfCheckRequests: old.length, contactVerifications, orphanObjects };
}

export const HOUSEKEEPING_JOB = 'housekeeping';

/** One scheduler tick: the clean-up, when this process holds its lease for this interval (else null). */
export function tickHousekeeping(db: Db, intervalMs = config().HOUSEKEEPING_INTERVAL_MS, holder?: string) {
  return runLeased(db, { name: HOUSEKEEPING_JOB, intervalMs, holder }, () => runHousekeeping(db));
}

const KEY = Symbol.for('beian.housekeeping');

/** Hourly plus once at start, in one process at a time (db/jobs/lease.ts); once per process. */
export function startHousekeeping(db: Db, intervalMs = config().HOUSEKEEPING_INTERVAL_MS) {
  const g = globalThis as typeof globalThis & { [KEY]?: Repeating };
  g[KEY] ??= everyInterval(
    'housekeeping',
    intervalMs,
    async () => {
      const r = await tickHousekeeping(db, intervalMs);
      if (r?.looseMaterials || r?.orphanObjects) {
        componentLog('housekeeping').info(r, `清理未使用的上传 ${r.looseMaterials} 个、无主存储对象 ${r.orphanObjects} 个 / purged unused uploads and orphan objects`);
      }
    },
    { atStart: true },
  );
  return g[KEY];
}
