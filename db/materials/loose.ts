import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { PublicError } from '@/lib/errors';

// Apart from db/materials/store.ts so that the clean-up (db/jobs/housekeeping.ts, also run by
// `npm run worker`, outside Next) loads without the image re-encoder, a server-only module.

// Uploads attached to nothing yet (no order, no 复核) are "loose": a wizard or a 复核 form takes them within
// minutes. Each filer may hold only so many, and they are purged a day after upload (db/jobs/housekeeping.ts),
// so uploading in a loop cannot fill the database.
export const MAX_LOOSE_UPLOADS = 30;
export const MAX_LOOSE_UPLOAD_BYTES = 60 * 1024 * 1024;
export const LOOSE_UPLOAD_TTL_HOURS = 24;
export const LOOSE_QUOTA_MESSAGE = `您上传后尚未使用的图片已达上限（${MAX_LOOSE_UPLOADS} 张或 ${MAX_LOOSE_UPLOAD_BYTES / 1024 / 1024} MB），请先在订单或复核申请中使用已上传的图片；未使用的图片会在上传 ${LOOSE_UPLOAD_TTL_HOURS} 小时后自动删除。`;

/**
 * Refuses a loose upload that would take the owner past MAX_LOOSE_UPLOADS files or MAX_LOOSE_UPLOAD_BYTES
 * (stored sizes). A per-owner transaction lock makes count-then-insert exact under parallel uploads; without
 * it (`lock: false`) the check is a cheap early refusal before any bytes are written.
 */
export async function checkLooseQuota(tx: Tx, ownerId: string, adding: number, opts: { lock?: boolean } = {}): Promise<void> {
  if (opts.lock !== false) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`loose-uploads:${ownerId}`}, 0))`);
  const [held] = await tx
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${t.materials.size}), 0)::bigint` })
    .from(t.materials)
    .where(and(eq(t.materials.ownerId, ownerId), isNull(t.materials.orderId), isNull(t.materials.recheckId)));
  if (Number(held?.files ?? 0) + 1 > MAX_LOOSE_UPLOADS || Number(held?.bytes ?? 0) + adding > MAX_LOOSE_UPLOAD_BYTES) {
    throw new PublicError(LOOSE_QUOTA_MESSAGE, { file: [LOOSE_QUOTA_MESSAGE] });
  }
}

/** Deletes loose uploads older than LOOSE_UPLOAD_TTL_HOURS, their bytes with them (ON DELETE CASCADE); says how many. */
export async function purgeLooseMaterials(db: Tx, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LOOSE_UPLOAD_TTL_HOURS * 3600_000);
  const gone = await db
    .delete(t.materials)
    .where(and(isNull(t.materials.orderId), isNull(t.materials.recheckId), lt(t.materials.createdAt, before)))
    .returning({ id: t.materials.id });
  return gone.length;
}
