import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { queueImportNoticeEmails } from '../notices/email';
import { chunked, prefetched, storedImportRows } from './files';
import { validateChunk } from './lookup';
import { pgArray, rowsOf } from '../raw-sql';
import { IMPORT_CHUNK_ROWS } from './preview';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { todayIso } from '@/lib/time';
import type { RawRow } from '@/lib/imports/validate-row';
import { writeAudit } from '../audit';
import type { RunControl } from '../jobs/lease';

type Batch = typeof t.importBatches.$inferSelect;

/** Step 2: the operator confirms; the batch moves pending → running exactly once. */
export async function startImport(db: Db, input: { actor: AdminActor; batchId: string }): Promise<void> {
  assertAdmin(input.actor);
  await db.transaction(async (tx) => {
    const [moved] = await tx
      .update(t.importBatches)
      .set({ status: 'running' })
      .where(and(eq(t.importBatches.id, input.batchId), eq(t.importBatches.status, 'pending')))
      .returning({ id: t.importBatches.id });
    if (!moved) {
      const [exists] = await tx.select({ id: t.importBatches.id }).from(t.importBatches).where(eq(t.importBatches.id, input.batchId));
      throw exists ? new ConflictError('该批次已开始导入。') : new NotFoundError();
    }
    await writeAudit(tx, { actorId: input.actor.id, action: 'import.start', entityType: 'import_batch', entityId: input.batchId, details: {} });
  });
}

/**
 * Runs (or resumes) a `running` batch from `processedRows`. Each chunk is one transaction that creates its
 * notices and findings and advances `processedRows` conditionally on the value it started from, so a crash
 * loses at most the chunk in flight and two runners never apply one chunk twice. Findings carry
 * `externalKey`, so a re-run of the same file creates nothing new. `maxChunks` lets tests simulate a crash.
 * 'stopped': asked to stop (or maxChunks) between chunks; 'raced': another runner applied the chunk first,
 * or `control` no longer holds the lease; either way the batch stays `running` for whoever resumes it.
 */
export async function runImportBatch(
  db: Db,
  batchId: string,
  opts: { chunkSize?: number; maxChunks?: number; baseUrl?: string; control?: RunControl } = {},
): Promise<'done' | 'stopped' | 'raced' | 'not_running'> {
  const batch = await loadBatch(db, batchId);
  if (!batch || batch.status !== 'running') return 'not_running';
  const size = opts.chunkSize ?? IMPORT_CHUNK_ROWS;
  let done = batch.processedRows;
  let chunks = 0;
  const rows = skip(storedImportRows(db, batchId), batch.processedRows);
  for await (const chunk of prefetched(chunked(rows, size))) {
    if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) return 'stopped';
    if (opts.control?.shouldStop()) return 'stopped';
    try {
      await db.transaction(async (tx) => {
        // The chunk and its processedRows commit together, so a crash that loses the last few commits makes the
        // resume redo exactly those chunks: no need to wait for each commit's WAL flush.
        await tx.execute(sql`set local synchronous_commit = off`);
        if (opts.control && !(await opts.control.fence(tx))) throw new ChunkRaced();
        await applyChunk(tx, batch, done, chunk.map((c) => c.row));
      });
    } catch (err) {
      if (err instanceof ChunkRaced) return 'raced'; // another runner applied this chunk first, or has the lease
      throw err;
    }
    done += chunk.length;
    chunks++;
  }
  const finished = await db.transaction(async (tx) => {
    if (opts.control && !(await opts.control.fence(tx))) return false;
    // One e-mail per notice, listing all its findings, once every chunk has landed (queued in one statement;
    // the sender renders each body, see queueImportNoticeEmails).
    await queueImportNoticeEmails(tx, batchId, opts.baseUrl);
    const [issued] = await tx.select({ n: sql<number>`count(*)::int` }).from(t.notices).where(eq(t.notices.importBatchId, batchId));
    const [fin] = await tx
      .update(t.importBatches)
      .set({ status: 'done', finishedAt: new Date() })
      .where(and(eq(t.importBatches.id, batchId), eq(t.importBatches.status, 'running')))
      .returning();
    if (fin) {
      await writeAudit(tx, {
        actorId: fin.createdBy,
        action: 'import.done',
        entityType: 'import_batch',
        entityId: batchId,
        details: { rows: fin.totalRows, createdFindings: fin.createdFindings, skippedRows: fin.skippedRows, notices: Number(issued?.n ?? 0) },
      });
    }
    return true;
  });
  return finished ? 'done' : 'raced';
}

/**
 * One chunk in a fixed number of statements whatever its size: the lookups, then notices, findings and audit
 * rows each as one INSERT … SELECT FROM unnest(<one array parameter per column>) … ON CONFLICT DO NOTHING, so a
 * row seen before (externalKey) or a filing already holding an unresolved finding of that code is skipped, as
 * a re-run or a resume expects. (Built as drizzle multi-row inserts, 1,000 rows cost more in query building
 * than in PostgreSQL, and every chunk size was a new statement to prepare.)
 */
async function applyChunk(tx: Tx, batch: Batch, from: number, rows: RawRow[]): Promise<void> {
  const results = await validateChunk(tx, rows, todayIso(batch.createdAt));
  const valid = results.flatMap((r) => (r.ok ? [r.row] : []));
  // One notice per subject per batch; its deadline is the latest of its rows (across chunks: greatest()).
  const notices = new Map<string, { id: string; subjectId: string; deadline: string }>();
  for (const r of valid) {
    const deadline = r.deadline ?? batch.deadline;
    const n = notices.get(r.subjectId);
    if (!n) notices.set(r.subjectId, { id: noticeIdFor(batch.id, r.subjectId), subjectId: r.subjectId, deadline });
    else if (deadline > n.deadline) n.deadline = deadline;
  }

  let created = 0;
  if (notices.size > 0) {
    const list = [...notices.values()];
    // New notices are inserted; those an earlier chunk (or run) of this batch made get the later deadline.
    // The update cannot see the rows this statement inserts, so each notice is written once.
    const fresh = new Set(
      rowsOf<{ id: string }>(
        await tx.execute(sql`
          with v as (
            select * from unnest(${pgArray(list.map((n) => n.id))}::uuid[], ${pgArray(list.map((n) => n.subjectId))}::uuid[],
                                 ${pgArray(list.map((n) => n.deadline))}::date[]) as v(id, subject_id, deadline)
          ), earlier as (
            update notices n set deadline = greatest(n.deadline, v.deadline) from v where n.id = v.id
          )
          insert into notices (id, subject_id, issued_by, source, deadline, import_batch_id)
          select id, subject_id, ${batch.createdBy}::uuid, 'import', deadline, ${batch.id}::uuid from v
          on conflict do nothing
          returning id`),
      ).map((r) => r.id),
    );
    const inserted = rowsOf<{ notice_id: string }>(
      await tx.execute(sql`
        insert into findings (notice_id, subject_id, website_id, domain_id, code, deadline, observed_value, detail, external_key)
        select * from unnest(
          ${pgArray(valid.map((r) => notices.get(r.subjectId)!.id))}::uuid[],
          ${pgArray(valid.map((r) => r.subjectId))}::uuid[],
          ${pgArray(valid.map((r) => r.websiteId))}::uuid[],
          ${pgArray(valid.map((r) => r.domainId))}::uuid[],
          ${pgArray(valid.map((r) => r.code))}::finding_code[],
          ${pgArray(valid.map((r) => r.deadline ?? batch.deadline))}::date[],
          ${pgArray(valid.map((r) => r.observedValue))}::text[],
          ${pgArray(valid.map((r) => r.detail))}::text[],
          ${pgArray(valid.map((r) => r.externalKey))}::text[])
        on conflict do nothing
        returning notice_id`),
    );
    created = inserted.length;
    const withFindings = new Set(inserted.map((f) => f.notice_id));
    // A fresh notice none of whose rows was new never existed outside this transaction.
    const empty = [...fresh].filter((id) => !withFindings.has(id));
    if (empty.length > 0) await tx.execute(sql`delete from notices where id = any(${pgArray(empty)}::uuid[])`);
    const issued = list.filter((n) => fresh.has(n.id) && withFindings.has(n.id));
    if (issued.length > 0) {
      await tx.execute(sql`
        insert into audit_events (actor_id, action, entity_type, entity_id, subject_id, details)
        select ${batch.createdBy}::uuid, 'notice.issue', 'notice', id, subject_id, ${JSON.stringify({ batchId: batch.id, source: 'import' })}::jsonb
        from unnest(${pgArray(issued.map((n) => n.id))}::text[], ${pgArray(issued.map((n) => n.subjectId))}::uuid[]) as v(id, subject_id)`);
    }
  }
  const [advanced] = await tx
    .update(t.importBatches)
    .set({
      processedRows: sql`${t.importBatches.processedRows} + ${rows.length}`,
      createdFindings: sql`${t.importBatches.createdFindings} + ${created}`,
      skippedRows: sql`${t.importBatches.skippedRows} + ${rows.length - created}`,
    })
    .where(and(eq(t.importBatches.id, batch.id), eq(t.importBatches.processedRows, from), eq(t.importBatches.status, 'running')))
    .returning({ id: t.importBatches.id });
  if (!advanced) throw new ChunkRaced();
}

class ChunkRaced extends Error {}

/** One notice per subject per batch: a stable id lets a resumed run find the notice an earlier chunk made. */
export function noticeIdFor(batchId: string, subjectId: string): string {
  const h = createHash('sha256').update(`import-notice:${batchId}:${subjectId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function loadBatch(db: Db, id: string): Promise<Batch | undefined> {
  const [b] = await db.select().from(t.importBatches).where(eq(t.importBatches.id, id));
  return b;
}

async function* skip<T>(source: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  let i = 0;
  for await (const item of source) if (i++ >= n) yield item;
}

/** A batch whose run threw: marked failed (the chunks already committed stay), unless it moved on meanwhile. */
export async function failImportBatch(db: Db, batchId: string): Promise<void> {
  await db.update(t.importBatches).set({ status: 'failed', finishedAt: new Date() }).where(and(eq(t.importBatches.id, batchId), eq(t.importBatches.status, 'running')));
}
