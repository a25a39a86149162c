import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { areaOf, hasFile, putFile, type FileOwner } from './files';
import type { ObjectStore } from './objects';
import { storeImportFile } from '../imports/files';
import { UUID_PATTERN } from '@/lib/domain/ids';

// Earlier versions kept uploaded materials as files named by material id (`.data/uploads/<id>`) and import
// files by batch id (`.data/imports/<id>.csv`), on each process's disk. This moves them into stored_files.

/** migrated: stored now; skipped: not one of ours, or its row has a file already; missing: no row for it. */
export type LocalMigration = { migrated: number; skipped: number; missing: number };

/**
 * Stores every old file against its row when the row exists and has no file yet. Idempotent: a second run
 * finds every row served and migrates nothing. The old files are left for the operator to remove.
 */
export async function migrateLocalFiles(db: Db, dirs: { uploads: string; imports: string }): Promise<LocalMigration> {
  const counts: LocalMigration = { migrated: 0, skipped: 0, missing: 0 };
  const tally = (r: 'migrated' | 'skipped' | 'missing') => counts[r]++;

  for (const name of await filesIn(dirs.uploads)) {
    // `<id>.part` is a write that never finished: not a file of any material.
    if (!UUID_PATTERN.test(name)) {
      tally('skipped');
      continue;
    }
    const [row] = await db.select({ id: t.materials.id, mime: t.materials.mime }).from(t.materials).where(eq(t.materials.id, name));
    if (!row) tally('missing');
    // Looked at first so that a second run uploads nothing to a bucket (putFile would refuse it after).
    else if (await hasFile(db, { materialId: row.id })) tally('skipped');
    else tally((await putFile(db, { materialId: row.id }, await readFile(path.join(dirs.uploads, name)), row.mime)) ? 'migrated' : 'skipped');
  }

  for (const name of await filesIn(dirs.imports)) {
    const id = name.endsWith('.csv') ? name.slice(0, -4) : '';
    if (!UUID_PATTERN.test(id)) {
      tally('skipped');
      continue;
    }
    const [row] = await db.select({ id: t.importBatches.id }).from(t.importBatches).where(eq(t.importBatches.id, id));
    if (!row) tally('missing');
    else if (await hasFile(db, { importBatchId: row.id })) tally('skipped');
    else tally((await storeImportFile(db, row.id, await readFile(path.join(dirs.imports, name)))) ? 'migrated' : 'skipped');
  }
  return counts;
}

/**
 * Moves the files whose bytes are in the database to `store`, one at a time (a file is whole in memory while
 * it is uploaded: 20 MB at most, MAX_IMPORT_BYTES). Each row changes only if it still holds its bytes; one
 * that changed meanwhile leaves its new object to the orphan sweep. Idempotent; says how many it moved.
 */
export async function moveFilesToBucket(db: Db, store: ObjectStore): Promise<number> {
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db
      .select({ id: t.storedFiles.id })
      .from(t.storedFiles)
      .where(and(isNotNull(t.storedFiles.content), gt(t.storedFiles.id, after)))
      .orderBy(asc(t.storedFiles.id))
      .limit(100);
    if (!ids.length) return moved;
    for (const { id } of ids) {
      after = id;
      const [row] = await db.select().from(t.storedFiles).where(and(eq(t.storedFiles.id, id), isNotNull(t.storedFiles.content)));
      if (!row?.content) continue;
      const owner: FileOwner = row.materialId ? { materialId: row.materialId } : { importBatchId: row.importBatchId! };
      const objectKey = store.newKey(areaOf(owner));
      await store.put(objectKey, row.content, row.contentType);
      const done = await db
        .update(t.storedFiles)
        .set({ content: null, objectKey })
        .where(and(eq(t.storedFiles.id, id), isNotNull(t.storedFiles.content)))
        .returning({ id: t.storedFiles.id });
      moved += done.length;
    }
  }
}

/** The regular files of `dir`, in a stable order; none when it does not exist. */
async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
