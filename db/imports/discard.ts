import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { writeAudit } from '../audit';
import { removeImportFile } from './files';
import { ConflictError, NotFoundError } from '@/lib/errors';

/**
 * An uploaded batch the operator decides not to import: pending → discarded exactly once (a batch already
 * started cannot be discarded), its stored file removed, the decision audited. Nothing else was written.
 */
export async function discardImport(db: Db, input: { actor: AdminActor; batchId: string }): Promise<void> {
  assertAdmin(input.actor);
  await db.transaction(async (tx) => {
    const [moved] = await tx
      .update(t.importBatches)
      .set({ status: 'discarded', finishedAt: new Date() })
      .where(and(eq(t.importBatches.id, input.batchId), eq(t.importBatches.status, 'pending')))
      .returning({ id: t.importBatches.id, fileName: t.importBatches.fileName, totalRows: t.importBatches.totalRows });
    if (!moved) {
      const [exists] = await tx.select({ id: t.importBatches.id }).from(t.importBatches).where(eq(t.importBatches.id, input.batchId));
      throw exists ? new ConflictError('该批次已开始导入或已放弃，不能再放弃。') : new NotFoundError();
    }
    await removeImportFile(tx, moved.id);
    await writeAudit(tx, { actorId: input.actor.id, action: 'import.discard', entityType: 'import_batch', entityId: moved.id, details: { fileName: moved.fileName, rows: moved.totalRows } });
  });
}
