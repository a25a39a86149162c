import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { discardImport } from '@/db/imports/discard';
import { ConflictError } from '@/lib/errors';
import { addDaysIso, todayIso } from '@/lib/time';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';
const csv = (lines: string[]) => (async function* () { yield new TextEncoder().encode([HEADER, ...lines].join('\n')); })();

describe.each(TEST_TARGETS)('bulk import on %s', (target) => {
  let h: TestDb;
  let admin: { id: string; role: 'admin' };
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const [a] = await h.db.select().from(t.users).where(eq(t.users.role, 'admin'));
    admin = { id: a!.id, role: 'admin' };
  });
  afterAll(() => h?.close());

  async function site() {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '杭州数帆网络科技有限公司'));
    const [w] = await h.db.select().from(t.websites).where(eq(t.websites.subjectId, s!.id));
    const [d] = await h.db.select().from(t.domains).where(eq(t.domains.websiteId, w!.id));
    return { s: s!, w: w!, d: d! };
  }

  it('a website-level row naming a domain is imported with the domain as its detail; a repeated row counts as duplicate', async () => {
    const { s, w, d } = await site();
    const row = `${s.icpNumber},${w.icpNumber},${d.name},SITE_TITLE_MISMATCH,首页标题与备案名称不符,`;
    const other = `${s.icpNumber},${w.icpNumber},,SITE_UNREACHABLE,无法访问,`;
    const { batchId } = await createImportBatch(h.db, { actor: admin, fileName: 'dup.csv', source: csv([row, other, row]), deadline: addDaysIso(todayIso(), 30) });
    const [b] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(b).toMatchObject({ totalRows: 3, duplicateRows: 1, errorRows: [] });
    await startImport(h.db, { actor: admin, batchId });
    await runImportBatch(h.db, batchId);
    const [done] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(done!.createdFindings).toBe(b!.totalRows - b!.duplicateRows); // the pre-check's 可导入 is what gets created
    const [f] = await h.db.select().from(t.findings).where(and(eq(t.findings.code, 'SITE_TITLE_MISMATCH'), eq(t.findings.websiteId, w.id)));
    expect(f).toMatchObject({ websiteId: w.id, domainId: null, detail: d.name });
  });

  it('an unconfirmed batch can be discarded once: its file is gone and it can no longer start', async () => {
    const { s } = await site();
    const { batchId } = await createImportBatch(h.db, { actor: admin, fileName: 'no.csv', source: csv([`${s.icpNumber},,,SUBJECT_NAME_MISMATCH,名称不符,`]), deadline: addDaysIso(todayIso(), 30) });
    await discardImport(h.db, { actor: admin, batchId });
    const [b] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(b!.status).toBe('discarded');
    expect(await h.db.select({ id: t.storedFiles.id }).from(t.storedFiles).where(eq(t.storedFiles.importBatchId, batchId))).toEqual([]);
    await expect(startImport(h.db, { actor: admin, batchId })).rejects.toThrow(ConflictError);
    await expect(discardImport(h.db, { actor: admin, batchId })).rejects.toThrow(ConflictError);
    const audit = await h.db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'import.discard'));
    expect(audit).toHaveLength(1);
  });
});
