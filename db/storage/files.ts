import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { readStore, writeStore, type ObjectArea } from './objects';

// Every uploaded material and import file has one row in stored_files, owned by one row (a material or an
// import batch), so that every web and worker process sees the same files, ownership checks and quotas read
// the row, and deleting the owner deletes it (ON DELETE CASCADE). The bytes are in the row (STORAGE=db, the
// default) or in an S3-compatible bucket under the row's object_key (STORAGE=s3, db/storage/objects.ts).
// Reads follow the row, so rows of both kinds are served whatever STORAGE says now.
//
// In the database, a file commits or rolls back with its row. A bucket takes no part in the transaction:
// the object is written first under a fresh key, then the row in the caller's transaction. A rollback
// therefore leaves an object no row names, and so does deleting a row (removeFile, or a cascade, which the
// application never sees): deleting the object there instead would lose the bytes of a transaction that
// then rolls back. The housekeeping job sweeps objects that no row names once they are an hour old
// (db/storage/sweep.ts).

export type FileOwner = { materialId: string } | { importBatchId: string };

/** A file's bytes written where they go (the bucket), or held for its row (the database). */
export type StagedFile = { size: number; sha256: string; contentType: string } & ({ content: Buffer; objectKey?: undefined } | { objectKey: string; content?: undefined });

const ownedBy = (owner: FileOwner) =>
  'materialId' in owner ? eq(t.storedFiles.materialId, owner.materialId) : eq(t.storedFiles.importBatchId, owner.importBatchId);

export const areaOf = (owner: FileOwner): ObjectArea => ('materialId' in owner ? 'materials' : 'imports');

/**
 * Step 1 of storing a file, before the owner's transaction: with STORAGE=s3 writes the object (so the
 * transaction is not held open for the upload); in the database, nothing yet.
 */
export async function stageFile(bytes: Uint8Array, contentType: string, area: ObjectArea): Promise<StagedFile> {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = { size: content.length, sha256: createHash('sha256').update(content).digest('hex'), contentType };
  const store = writeStore();
  if (!store) return { ...head, content };
  const objectKey = store.newKey(area);
  await store.put(objectKey, content, contentType);
  return { ...head, objectKey };
}

/** Step 2, in the owner's transaction: the row. False when `owner` already has a file (left as it is). */
export async function insertFile(tx: Tx, owner: FileOwner, file: StagedFile): Promise<boolean> {
  const inserted = await tx
    .insert(t.storedFiles)
    .values({ ...owner, content: file.content ?? null, objectKey: file.objectKey ?? null, size: file.size, sha256: file.sha256, contentType: file.contentType })
    .onConflictDoNothing()
    .returning({ id: t.storedFiles.id });
  return inserted.length === 1;
}

/** Stores `bytes` for `owner` (both steps); false when it already has a file (which is left as it is). */
export async function putFile(tx: Tx, owner: FileOwner, bytes: Uint8Array, contentType: string): Promise<boolean> {
  return insertFile(tx, owner, await stageFile(bytes, contentType, areaOf(owner)));
}

export async function hasFile(tx: Tx, owner: FileOwner): Promise<boolean> {
  const [row] = await tx.select({ id: t.storedFiles.id }).from(t.storedFiles).where(ownedBy(owner));
  return row !== undefined;
}

/** The whole file of `owner`, or undefined when it has none. For small files (an image). */
export async function getFile(tx: Tx, owner: FileOwner): Promise<Buffer | undefined> {
  const [row] = await tx.select({ content: t.storedFiles.content, objectKey: t.storedFiles.objectKey }).from(t.storedFiles).where(ownedBy(owner));
  if (!row) return undefined;
  if (row.objectKey !== null) return readStore(row.objectKey).get(row.objectKey);
  return row.content ?? undefined;
}

/**
 * The file of `owner` a slice at a time, so a large file is never whole in memory: one query per slice in the
 * database (the column is stored uncompressed: migration 0015), one ranged GET per slice from a bucket.
 * Undefined when `owner` has no file.
 */
export async function fileSlices(tx: Tx, owner: FileOwner, sliceBytes = 1024 * 1024): Promise<AsyncGenerator<Buffer> | undefined> {
  const [row] = await tx.select({ size: t.storedFiles.size, objectKey: t.storedFiles.objectKey }).from(t.storedFiles).where(ownedBy(owner));
  if (!row) return undefined;
  const { size, objectKey } = row;
  if (objectKey !== null) {
    const store = readStore(objectKey);
    return (async function* () {
      for (let from = 0; from < size; from += sliceBytes) yield await store.getRange(objectKey, from, Math.min(size, from + sliceBytes));
    })();
  }
  return (async function* () {
    for (let from = 0; from < size; from += sliceBytes) {
      // substring counts bytes from 1.
      const part = sql`substring(${t.storedFiles.content} from ${from + 1}::int for ${sliceBytes}::int)`.mapWith(t.storedFiles.content);
      const [slice] = await tx.select({ part }).from(t.storedFiles).where(ownedBy(owner));
      if (!slice) return; // the owner was deleted meanwhile
      yield slice.part;
    }
  })();
}

/** Deletes the row; an object it named is left to the orphan sweep (see the top of this file). */
export async function removeFile(tx: Tx, owner: FileOwner): Promise<void> {
  await tx.delete(t.storedFiles).where(ownedBy(owner));
}
