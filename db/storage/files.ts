import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';

// Files kept in the database (table stored_files), so that every web and worker process sees the same ones.
// Each belongs to one row: a material or an import batch. Written inside the caller's transaction, so a
// rollback leaves no bytes behind; deleting the owner row deletes them (ON DELETE CASCADE).

export type FileOwner = { materialId: string } | { importBatchId: string };

const ownedBy = (owner: FileOwner) =>
  'materialId' in owner ? eq(t.storedFiles.materialId, owner.materialId) : eq(t.storedFiles.importBatchId, owner.importBatchId);

/** Stores `bytes` for `owner`; false when it already has a file (which is left as it is). */
export async function putFile(tx: Tx, owner: FileOwner, bytes: Uint8Array, contentType: string): Promise<boolean> {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inserted = await tx
    .insert(t.storedFiles)
    .values({ ...owner, content, size: content.length, sha256: createHash('sha256').update(content).digest('hex'), contentType })
    .onConflictDoNothing()
    .returning({ id: t.storedFiles.id });
  return inserted.length === 1;
}

/** The whole file of `owner`, or undefined when it has none. For small files (an image). */
export async function getFile(tx: Tx, owner: FileOwner): Promise<Buffer | undefined> {
  const [row] = await tx.select({ content: t.storedFiles.content }).from(t.storedFiles).where(ownedBy(owner));
  return row?.content;
}

/**
 * The file of `owner` a slice at a time, one query per slice, so a large file is never whole in memory (the
 * column is stored uncompressed: migration 0015). Undefined when `owner` has no file.
 */
export async function fileSlices(tx: Tx, owner: FileOwner, sliceBytes = 1024 * 1024): Promise<AsyncGenerator<Buffer> | undefined> {
  const [row] = await tx.select({ size: t.storedFiles.size }).from(t.storedFiles).where(ownedBy(owner));
  if (!row) return undefined;
  const size = row.size;
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

export async function removeFile(tx: Tx, owner: FileOwner): Promise<void> {
  await tx.delete(t.storedFiles).where(ownedBy(owner));
}
