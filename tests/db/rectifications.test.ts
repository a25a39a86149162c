import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { getFindingForOwner, listNoticesForOwner } from '@/db/queries/findings';
import { requestRecheck } from '@/db/rechecks/request';
import { requestExtension } from '@/db/extensions/request';
import { saveMaterial } from '@/db/materials/store';
import { NotFoundError, PublicError } from '@/lib/errors';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { png } from '../support/images';


describe.each(TEST_TARGETS)('rectifications on %s', (target) => {
  let h: TestDb;
  let users: Record<string, { id: string }>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id }]));
  });
  afterAll(() => h?.close());

  async function finding(subjectName: string, code: (typeof t.findings.$inferSelect)['code']) {
    const [row] = await h.db
      .select({ finding: t.findings })
      .from(t.findings)
      .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
      .where(and(eq(t.subjects.name, subjectName), eq(t.findings.code, code)));
    return row!.finding;
  }
  const count = async (table: typeof t.rechecks | typeof t.extensionRequests | typeof t.auditEvents) => (await h.db.select().from(table)).length;

  it('loads a finding with what its page needs, only for its owner', async () => {
    const f = await finding('杭州云栖科技有限公司', 'DNS_NOT_AT_PROVIDER');
    const view = await getFindingForOwner(h.db, f.id, users.filer!.id);
    expect(view?.subject.name).toBe('杭州云栖科技有限公司');
    expect(view?.website?.name).toBe('云栖科技官网');
    expect(view?.domain?.name).toBe('yunqitech.com');
    expect(view?.websiteCount).toBe(3);
    expect(view?.domainCount).toBe(2);
    expect(view?.recheck).toBeNull();
    expect(await getFindingForOwner(h.db, f.id, users.filer2!.id)).toBeUndefined();
    expect(await getFindingForOwner(h.db, '00000000-0000-4000-8000-000000000000', users.filer!.id)).toBeUndefined();
    expect(await getFindingForOwner(h.db, 'not-a-uuid', users.filer!.id)).toBeUndefined();
  });

  it('lists only the owner\'s notices, filtered by finding status', async () => {
    const all = await listNoticesForOwner(h.db, users.filer!.id);
    expect(all.map((n) => n.subjectName)).not.toContain('上海市徐汇区图书馆');
    expect(all.flatMap((n) => n.findings)).toHaveLength(11);
    const overdue = await listNoticesForOwner(h.db, users.filer!.id, 'overdue');
    expect(overdue.flatMap((n) => n.findings).map((f) => f.code)).toEqual(['CONTENT_SUBJECT_MISMATCH']);
  });

  it('a filer cannot ask for 复核 or 延期 on another filer\'s finding, and nothing is written', async () => {
    const f = await finding('杭州云栖科技有限公司', 'SITE_TITLE_MISMATCH');
    const before = [await count(t.rechecks), await count(t.extensionRequests), await count(t.auditEvents)];
    await expect(requestRecheck(h.db, { findingId: f.id, actor: users.filer2!, note: '已修改' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestExtension(h.db, { findingId: f.id, actor: users.filer2!, reason: '需要更多时间联系开发人员修改' })).rejects.toBeInstanceOf(NotFoundError);
    expect([await count(t.rechecks), await count(t.extensionRequests), await count(t.auditEvents)]).toEqual(before);
    const [after] = await h.db.select().from(t.findings).where(eq(t.findings.id, f.id));
    expect(after!.status).toBe('open');
  });

  it('a 复核 request with evidence: one pending row, finding in progress, material attached, audit event', async () => {
    const f = await finding('杭州云栖科技有限公司', 'FOOTER_ICP_NUMBER_MISSING');
    const m = await saveMaterial(h.db, { ownerId: users.filer!.id, bytes: png({ size: 210 * 1024 }), fileName: '首页截图.png', kind: 'recheck_evidence' });
    const r = await requestRecheck(h.db, { findingId: f.id, actor: users.filer!, note: '底部已加备案号', actionCode: 'FIX_FOOTER', materialId: m.id });
    expect(r.state).toBe('pending');
    const [mat] = await h.db.select().from(t.materials).where(eq(t.materials.id, m.id));
    expect(mat!.recheckId).toBe(r.id);
    const [after] = await h.db.select().from(t.findings).where(eq(t.findings.id, f.id));
    expect(after!.status).toBe('in_progress');
    const audit = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'recheck.request'), eq(t.auditEvents.entityId, f.id)));
    expect(audit).toHaveLength(1);
    const view = await getFindingForOwner(h.db, f.id, users.filer!.id);
    expect(view?.recheck?.state).toBe('pending');
  });

  it('someone else\'s upload cannot be attached as evidence, and nothing is written', async () => {
    const f = await finding('深圳市前海数联信息技术有限公司', 'DOMAIN_OWNER_MISMATCH');
    const foreign = await saveMaterial(h.db, { ownerId: users.filer2!.id, bytes: png({ size: 210 * 1024 }), fileName: 'x.png', kind: 'recheck_evidence' });
    const before = await count(t.rechecks);
    await expect(requestRecheck(h.db, { findingId: f.id, actor: users.filer!, materialId: foreign.id })).rejects.toBeInstanceOf(PublicError);
    expect(await count(t.rechecks)).toBe(before);
    const [after] = await h.db.select().from(t.findings).where(eq(t.findings.id, f.id));
    expect(after!.status).toBe('open');
  });

  it('two concurrent 复核 requests for one finding: one pending row, one clean Chinese error', async () => {
    const f = await finding('杭州云栖科技有限公司', 'DOMAIN_EXPIRED');
    const ask = () => requestRecheck(h.db, { findingId: f.id, actor: users.filer!, actionCode: 'RENEW_DOMAIN' });
    const results = await Promise.allSettled([ask(), ask()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(PublicError);
    expect((failed.reason as Error).message).toMatch(/已有待审核的复核申请/);
    const rows = await h.db.select().from(t.rechecks).where(eq(t.rechecks.findingId, f.id));
    expect(rows).toHaveLength(1);
    const audit = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'recheck.request'), eq(t.auditEvents.entityId, f.id)));
    expect(audit).toHaveLength(1);
  });

  it('整改延期 once per finding: the second request (even concurrent) is refused in Chinese', async () => {
    const f = await finding('杭州云栖科技有限公司', 'DNS_NOT_AT_PROVIDER');
    const ask = () => requestExtension(h.db, { findingId: f.id, actor: users.filer!, reason: '服务器迁移需要协调机房，预计还需两周' });
    const results = await Promise.allSettled([ask(), ask()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as Error).message).toMatch(/只能申请一次/);
    await expect(ask()).rejects.toThrow(/只能申请一次/);
    expect(await h.db.select().from(t.extensionRequests).where(eq(t.extensionRequests.findingId, f.id))).toHaveLength(1);
    const view = await getFindingForOwner(h.db, f.id, users.filer!.id);
    expect(view?.extension?.state).toBe('pending');
    // The one-query view gives the same types as the ORM rows: dates as Date, 日期 as YYYY-MM-DD text.
    expect(view!.extension!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(view!.extension!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(view!.extension!.decidedAt).toBeNull();
    expect(typeof view!.websiteCount).toBe('number');
    expect(view!.websiteCount).toBeGreaterThanOrEqual(1);
  });

  it('a too-short 延期 reason is refused at the field and writes nothing', async () => {
    const f = await finding('杭州云栖科技有限公司', 'SITE_TITLE_MISMATCH');
    const before = await count(t.extensionRequests);
    const err = await requestExtension(h.db, { findingId: f.id, actor: users.filer!, reason: '太忙' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublicError);
    expect((err as PublicError).fieldErrors?.reason?.[0]).toMatch(/至少 10 个字/);
    expect(await count(t.extensionRequests)).toBe(before);
  });

  it('after a returned 复核 the page sees the reviewer\'s reason and the filer may ask again', async () => {
    const f = await finding('北京智源未来科技有限公司', 'SUBJECT_BUSINESS_CLOSED');
    const first = await requestRecheck(h.db, { findingId: f.id, actor: users.filer!, actionCode: 'UPDATE_BUSINESS_REGISTRATION' });
    // What the reviewer's decision writes (the 复核 queue is built elsewhere).
    await h.db.update(t.rechecks).set({ state: 'returned', decisionReason: '公示系统仍显示吊销', decidedBy: users.reviewer!.id, decidedAt: new Date() }).where(eq(t.rechecks.id, first.id));
    const view = await getFindingForOwner(h.db, f.id, users.filer!.id);
    expect(view?.recheck).toMatchObject({ state: 'returned', decisionReason: '公示系统仍显示吊销' });
    expect(view!.recheck!.decidedAt).toBeInstanceOf(Date);
    expect(view!.recheck!.decidedAt!.getTime()).toBeGreaterThanOrEqual(view!.recheck!.createdAt.getTime());
    const second = await requestRecheck(h.db, { findingId: f.id, actor: users.filer!, note: '已重新办理' });
    expect((await getFindingForOwner(h.db, f.id, users.filer!.id))?.recheck?.id).toBe(second.id);
  });

  it('a resolved finding takes no 复核 and no 延期', async () => {
    const f = await finding('北京智源未来科技有限公司', 'SITE_UNREACHABLE');
    await h.db.update(t.findings).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(t.findings.id, f.id));
    await expect(requestRecheck(h.db, { findingId: f.id, actor: users.filer! })).rejects.toThrow(/无需复核/);
    await expect(requestExtension(h.db, { findingId: f.id, actor: users.filer!, reason: '需要更多时间处理这个问题' })).rejects.toThrow(/无需申请延期/);
  });
});
