import { and, eq, exists, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { PublicError } from '@/lib/errors';
import { UUID_PATTERN } from '@/lib/domain/ids';
import { EDITABLE_ORDER_STATES } from '@/lib/domain/codes';
import { checkUpload, sniffImage } from '@/lib/validation/upload';
import { reencodeImage } from './reencode';
import { checkLooseQuota } from './loose';
import { getFile, insertFile, stageFile } from '../storage/files';
import { writeStore } from '../storage/objects';

// Uploaded materials are kept in the database or a bucket (db/storage/files.ts), never under public/: any web
// process serves what another stored, and only through the ownership check below.

const MIME = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' } as const;

export type SavedMaterial = { id: string; fileName: string; mime: string; size: number };

/**
 * Checks an upload by its bytes (type, size, structure) before anything is stored, re-encodes it, then
 * writes its row and the new file's row in one transaction: a material never lacks its file. With a bucket,
 * the object is written just before (db/storage/files.ts: a rollback leaves it to the orphan sweep).
 */
export async function saveMaterial(
  tx: Tx,
  input: { ownerId: string; bytes: Uint8Array; fileName: string; kind: string; orderId?: string | null; recheckId?: string | null },
): Promise<SavedMaterial> {
  const problem = checkUpload(input.bytes, input.fileName);
  if (problem) throw new PublicError(problem, { file: [problem] });
  const type = sniffImage(input.bytes)!;
  // Only the re-encoded image is kept (db/materials/reencode.ts): metadata and hidden chunks stay behind.
  const bytes = await reencodeImage(input.bytes, type);
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-120);
  const loose = !input.orderId && !input.recheckId;
  // Refused later, an upload to a bucket would be left there for the orphan sweep: refuse an owner over the
  // quota before writing anything (the exact check, under its lock, follows in the transaction).
  if (loose && writeStore()) await checkLooseQuota(tx, input.ownerId, bytes.length, { lock: false });
  const file = await stageFile(bytes, MIME[type], 'materials');
  const [row] = await tx.transaction(async (inner) => {
    if (loose) await checkLooseQuota(inner, input.ownerId, bytes.length);
    const rows = await inner
      .insert(t.materials)
      .values({ ownerId: input.ownerId, orderId: input.orderId ?? null, recheckId: input.recheckId ?? null, kind: input.kind, fileName, mime: MIME[type], size: bytes.length, sha256: file.sha256 })
      .returning();
    await insertFile(inner, { materialId: rows[0]!.id }, file);
    return rows;
  });
  return { id: row!.id, fileName, mime: row!.mime, size: row!.size };
}

export type MaterialRow = typeof t.materials.$inferSelect;

/** The material if `viewer` may see it: its owner, or any staff member. Undefined otherwise (→ 404). */
export async function findMaterialFor(tx: Tx, id: string, viewer: { id: string; role: string }): Promise<MaterialRow | undefined> {
  // A malformed id is a miss, not a database error.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const where = viewer.role === 'filer' ? and(eq(t.materials.id, id), eq(t.materials.ownerId, viewer.id)) : eq(t.materials.id, id);
  const [row] = await tx.select().from(t.materials).where(where);
  return row;
}

/** The stored bytes of a material found by findMaterialFor; undefined when it has none. */
export async function readMaterialBytes(tx: Tx, id: string): Promise<Buffer | undefined> {
  return getFile(tx, { materialId: id });
}

/**
 * Attaches materials to an editable order of `ownerId`: only the owner's loose uploads (on no order and no
 * 复核) or ones already on this order qualify; anything else in `ids` is left where it is. The conditions
 * sit in the statement itself, so an order that stopped being editable, or evidence on another order, is
 * never touched however the ids were obtained (migration 0010 refuses such a write in the database too).
 */
/**
 * A plain-form upload (JavaScript off) goes straight onto the draft: attached like attachMaterials, and the
 * earlier upload of the same kind taken off (one image per required material; extra documents add up).
 */
export async function attachUploadToDraft(db: Tx, input: { ownerId: string; orderId: string; materialId: string; kind: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await attachMaterials(tx, input.ownerId, input.orderId, [input.materialId]);
    // attachMaterials leaves an order that is not the owner's editable draft alone: so does this.
    const [on] = await tx.select({ id: t.materials.id }).from(t.materials).where(and(eq(t.materials.id, input.materialId), eq(t.materials.orderId, input.orderId)));
    if (!on) throw new PublicError('订单已提交或不可修改，图片未能添加到订单。');
    if (input.kind === 'extra_document') return;
    await tx
      .update(t.materials)
      .set({ orderId: null })
      .where(and(eq(t.materials.orderId, input.orderId), eq(t.materials.ownerId, input.ownerId), eq(t.materials.kind, input.kind), ne(t.materials.id, input.materialId)));
  });
}

export async function attachMaterials(tx: Tx, ownerId: string, orderId: string, ids: string[]) {
  const valid = ids.filter((id) => UUID_PATTERN.test(id));
  if (!valid.length) return;
  await tx
    .update(t.materials)
    .set({ orderId })
    .where(
      and(
        inArray(t.materials.id, valid),
        eq(t.materials.ownerId, ownerId),
        isNull(t.materials.recheckId),
        or(isNull(t.materials.orderId), eq(t.materials.orderId, orderId)),
        exists(tx.select({ one: sql`1` }).from(t.orders).where(and(eq(t.orders.id, orderId), eq(t.orders.ownerId, ownerId), inArray(t.orders.state, [...EDITABLE_ORDER_STATES])))),
      ),
    );
}
