import { inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { OBJECT_AREAS, objectStore, type ObjectStore } from './objects';

/**
 * How old an object must be before the sweep may take it for an orphan. An object is written just before the
 * transaction that inserts its row (db/storage/files.ts), so a younger one may still be about to be named.
 */
const ORPHAN_MIN_AGE_MS = 3600_000;

/**
 * Deletes the portal's objects in the bucket that no stored_files row names and that are older than
 * ORPHAN_MIN_AGE_MS: left by a rolled-back upload, or by a deleted row (removeFile, a purge, a cascade).
 * Lists a page at a time (ListObjectsV2) and looks each page's keys up in one query. Only the portal's
 * folders are listed (OBJECT_AREAS under S3_PREFIX), so a shared bucket's other objects are never touched.
 * Nothing to do, and 0, when no bucket is configured. Says how many it deleted.
 */
export async function sweepOrphanObjects(db: Tx, now: Date = new Date(), opts: { store?: ObjectStore; pageSize?: number } = {}): Promise<number> {
  const store = opts.store ?? objectStore();
  if (!store) return 0;
  const before = now.getTime() - ORPHAN_MIN_AGE_MS;
  let removed = 0;
  for (const area of OBJECT_AREAS) {
    for await (const page of store.list(`${store.prefix}${area}/`, opts.pageSize)) {
      const old = page.filter((o) => o.lastModified.getTime() < before).map((o) => o.key);
      if (!old.length) continue;
      const named = await db.select({ key: t.storedFiles.objectKey }).from(t.storedFiles).where(inArray(t.storedFiles.objectKey, old));
      const keep = new Set(named.map((r) => r.key));
      for (const key of old) {
        if (keep.has(key)) continue;
        await store.remove(key);
        removed++;
      }
    }
  }
  return removed;
}
