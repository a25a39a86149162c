import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { queueNoticeEmail } from '../notices/email';
import { chunked, readImportRows } from './files';
import { validateChunk } from './lookup';
import { IMPORT_CHUNK_ROWS } from './preview';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { todayIso } from '@/lib/time';
import type { RawRow, ValidRow } from '@/lib/imports/validate-row';
import { errorForLog } from '@/lib/privacy/mask';

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
    await tx.insert(t.auditEvents).values({ actorId: input.actor.id, action: 'import.start', entityType: 'import_batch', entityId: input.batchId, details: {} });
  });
}

/**
 * Runs (or resumes) a `running` batch from `processedRows`. Each chunk is one transaction that creates its
 * notices and findings and advances `processedRows` conditionally on the value it started from, so a crash
 * loses at most the chunk in flight and two runners never apply one chunk twice. Findings carry
 * `externalKey`, so a re-run of the same file creates nothing new. `maxChunks` lets tests simulate a crash.
 */
export async function runImportBatch(
  db: Db,
  batchId: string,
  opts: { chunkSize?: number; maxChunks?: number; baseUrl?: string } = {},
): Promise<'done' | 'stopped' | 'not_running'> {
  const batch = await loadBatch(db, batchId);
  if (!batch || batch.status !== 'running') return 'not_running';
  const size = opts.chunkSize ?? IMPORT_CHUNK_ROWS;
  let done = batch.processedRows;
  let chunks = 0;
  const rows = skip(readImportRows(batchId), batch.processedRows);
  for await (const chunk of chunked(rows, size)) {
    if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) return 'stopped';
    try {
      await db.transaction((tx) => applyChunk(tx, batch, done, chunk.map((c) => c.row)));
    } catch (err) {
      if (err instanceof ChunkRaced) return 'stopped'; // another runner applied this chunk first
      throw err;
    }
    done += chunk.length;
    chunks++;
  }
  await db.transaction(async (tx) => {
    // One e-mail per notice, listing all its findings, once every chunk has landed.
    const notices = await tx
      .select({ id: t.auditEvents.entityId })
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, 'notice.issue'), sql`${t.auditEvents.details}->>'batchId' = ${batchId}`));
    for (const n of notices) await queueNoticeEmail(tx, n.id, opts.baseUrl);
    const [fin] = await tx
      .update(t.importBatches)
      .set({ status: 'done', finishedAt: new Date() })
      .where(and(eq(t.importBatches.id, batchId), eq(t.importBatches.status, 'running')))
      .returning();
    if (fin) {
      await tx.insert(t.auditEvents).values({
        actorId: fin.createdBy,
        action: 'import.done',
        entityType: 'import_batch',
        entityId: batchId,
        details: { rows: fin.totalRows, createdFindings: fin.createdFindings, skippedRows: fin.skippedRows, notices: notices.length },
      });
    }
  });
  return 'done';
}

async function applyChunk(tx: Tx, batch: Batch, from: number, rows: RawRow[]): Promise<void> {
  const results = await validateChunk(tx, rows, todayIso(batch.createdAt));
  const valid = results.flatMap((r) => (r.ok ? [r.row] : []));
  const bySubject = new Map<string, ValidRow[]>();
  for (const r of valid) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);

  let created = 0;
  for (const [subjectId, list] of bySubject) {
    const noticeId = noticeIdFor(batch.id, subjectId);
    const deadlines = list.map((r) => r.deadline ?? batch.deadline);
    const latest = deadlines.reduce((a, b) => (a > b ? a : b));
    const [fresh] = await tx
      .insert(t.notices)
      .values({ id: noticeId, subjectId, issuedBy: batch.createdBy, source: 'import', deadline: latest })
      .onConflictDoNothing()
      .returning({ id: t.notices.id });
    if (!fresh) await tx.update(t.notices).set({ deadline: sql`greatest(${t.notices.deadline}, ${latest})` }).where(eq(t.notices.id, noticeId));
    // Conflicts on externalKey (row seen before) or on an unresolved finding for the same object are skipped.
    const inserted = await tx
      .insert(t.findings)
      .values(
        list.map((r, i) => ({
          noticeId,
          subjectId,
          websiteId: r.websiteId,
          domainId: r.domainId,
          code: r.code,
          deadline: deadlines[i]!,
          observedValue: r.observedValue,
          externalKey: r.externalKey,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: t.findings.id });
    created += inserted.length;
    if (fresh && inserted.length === 0) {
      // Nothing new for this subject: the notice never existed outside this transaction.
      await tx.delete(t.notices).where(eq(t.notices.id, noticeId));
    } else if (fresh) {
      await tx.insert(t.auditEvents).values({
        actorId: batch.createdBy,
        action: 'notice.issue',
        entityType: 'notice',
        entityId: noticeId,
        subjectId,
        details: { batchId: batch.id, source: 'import' },
      });
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

// In-process registry: a batch is run by at most one loop per server; a `running` batch nobody runs
// (the process died) is picked up again on start or when its page is opened.
const RUNNING = Symbol.for('beian.imports.running');
type G = typeof globalThis & { [RUNNING]?: Set<string> };

export function ensureImportRunning(db: Db, batchId: string, baseUrl?: string): void {
  const g = globalThis as G;
  const set = (g[RUNNING] ??= new Set());
  if (set.has(batchId)) return;
  set.add(batchId);
  void runImportBatch(db, batchId, { baseUrl })
    .catch(async (err) => {
      console.error('[import]', batchId, errorForLog(err));
      await db.update(t.importBatches).set({ status: 'failed', finishedAt: new Date() }).where(and(eq(t.importBatches.id, batchId), eq(t.importBatches.status, 'running')));
    })
    .finally(() => set.delete(batchId));
}

export async function resumeRunningImports(db: Db): Promise<number> {
  const rows = await db.select({ id: t.importBatches.id }).from(t.importBatches).where(eq(t.importBatches.status, 'running'));
  for (const r of rows) ensureImportRunning(db, r.id);
  return rows.length;
}
