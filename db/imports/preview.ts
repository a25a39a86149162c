import { randomUUID } from 'node:crypto';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { chunked, insertImportFile, prefetched, readUpload, stageImportFile, uploadRows } from './files';
import { validateChunk } from './lookup';
import { PublicError } from '@/lib/errors';
import { todayIso } from '@/lib/time';
import { writeAudit } from '../audit';

/** Rows per preview lookup and per import transaction (each chunk is a fixed number of statements). */
export const IMPORT_CHUNK_ROWS = 1000;

/**
 * Step 1 of an import: read the file, validate every row (one chunk of rows at a time) and record the batch
 * as `pending` with its per-row errors, its file stored in the same transaction. Nothing is written before
 * the validation ends, and nothing else until the operator confirms (step 2, `startImport`).
 */
export async function createImportBatch(
  db: Db,
  input: { actor: AdminActor; fileName: string; source: AsyncIterable<Uint8Array>; deadline: string },
): Promise<{ batchId: string }> {
  assertAdmin(input.actor);
  const today = todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || input.deadline < today) {
    throw new PublicError('默认整改期限不能早于今天。', { deadline: ['默认整改期限不能早于今天。'] });
  }
  const upload = await readUpload(input.source);
  let total = 0;
  const errorRows: { row: number; messages: string[] }[] = [];
  // A row repeating an earlier valid row of this file would create nothing: counted apart, not as importable.
  const seen = new Set<string>();
  let duplicateRows = 0;
  for await (const chunk of prefetched(chunked(uploadRows(upload), IMPORT_CHUNK_ROWS))) {
    const results = await validateChunk(db, chunk.map((c) => c.row), today);
    results.forEach((r, i) => {
      if (!r.ok) errorRows.push({ row: chunk[i]!.index, messages: r.errors });
      else if (seen.has(r.row.externalKey)) duplicateRows++;
      else seen.add(r.row.externalKey);
    });
    total += chunk.length;
  }
  if (total === 0) throw new PublicError('文件中没有数据行。');
  const batchId = randomUUID();
  const file = await stageImportFile(upload.text);
  await db.transaction(async (tx) => {
    await tx.insert(t.importBatches).values({
      id: batchId,
      createdBy: input.actor.id,
      fileName: input.fileName.slice(0, 200),
      fileSha256: upload.sha256,
      deadline: input.deadline,
      status: 'pending',
      totalRows: total,
      duplicateRows,
      errorRows,
    });
    await insertImportFile(tx, batchId, file);
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: 'import.upload',
      entityType: 'import_batch',
      entityId: batchId,
      details: { fileName: input.fileName, rows: total, errorRows: errorRows.length },
    });
  });
  return { batchId };
}
