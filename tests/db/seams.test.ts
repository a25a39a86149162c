import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, saveDraft, submitOrder } from '@/db/orders/drafts';
import { regulatorDecide, submitSmsCode } from '@/db/orders/gateway';
import { approveOrder, rejectOrder } from '@/db/review/decide';
import { requestRecheck } from '@/db/rechecks/request';
import { decideRecheck } from '@/db/rechecks/decide';
import { requestExtension } from '@/db/extensions/request';
import { decideExtension } from '@/db/extensions/decide';
import { cancelAccess } from '@/db/cancel-access';
import { listPendingRechecks } from '@/db/queries/rechecks';
import { getFindingForOwner } from '@/db/queries/findings';
import { ConflictError, PublicError } from '@/lib/errors';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { STALE_ORDER_MESSAGE } from '@/lib/orders/version';
import { EXTENSION_DECIDED_BY, REACCESS_RECTIFY_DAYS_DEFAULT } from '@/lib/notices/policy';
import { setClock } from '@/lib/clock';
import { addDaysIso, todayIso } from '@/lib/time';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

const HAICHUAN = '青岛海川贸易有限公司';
type U = { id: string; role: 'filer' | 'reviewer' | 'admin' };

// Where two flows meet: each case here was seen leaving contradictory states before it was fixed.
describe.each(TEST_TARGETS)('lifecycle seams on %s', (target) => {
  let h: TestDb;
  let users: Record<string, U>;
  const ALL = REVIEW_CHECKLIST.map((c) => c.id);
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  }, 600_000);
  afterEach(() => setClock(null));
  afterAll(() => h?.close());

  async function finding(subjectName: string, code: (typeof t.findings.$inferSelect)['code']) {
    const [row] = await h.db
      .select({ finding: t.findings, ownerId: t.subjects.ownerId })
      .from(t.findings)
      .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
      .where(and(eq(t.subjects.name, subjectName), eq(t.findings.code, code)));
    return { ...row!.finding, ownerId: row!.ownerId };
  }
  const order = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  const mails = (template: string) => h.db.select().from(t.outbox).where(eq(t.outbox.template, template));
  async function material(ownerId: string, kind: string) {
    const [m] = await h.db
      .insert(t.materials)
      .values({ ownerId, kind, fileName: `${kind}.png`, mime: 'image/png', size: 300_000, sha256: 'f'.repeat(64) })
      .returning({ id: t.materials.id });
    return m!.id;
  }
  async function smsCode(orderId: string) {
    const [m] = await h.db.select().from(t.outbox).where(and(eq(t.outbox.channel, 'sms'), sql`${t.outbox.data}->>'orderId' = ${orderId}`)).orderBy(desc(t.outbox.id)).limit(1);
    return m!.text.match(/短信核验码为 (\d{6})/)![1]!;
  }
  function moveClock(days: number) {
    const at = Date.now() + days * 86400_000;
    setClock(() => new Date(at));
  }

  it('a 复核 and a 延期 pending on a finding end when an approved 注销网站 resolves it, with a mail that says why', async () => {
    const f = await finding('杭州云栖科技有限公司', 'SITE_TITLE_MISMATCH');
    const filer = { id: f.ownerId };
    const recheck = await requestRecheck(h.db, { findingId: f.id, actor: filer, note: '标题已改' });
    const ext = await requestExtension(h.db, { findingId: f.id, actor: filer, reason: '网站改版需要更多时间处理标题问题' });
    const { orderId } = await createDraft(h.db, { ownerId: f.ownerId, type: 'CANCEL_WEBSITE', subjectId: f.subjectId, findingId: f.id });
    await saveDraft(h.db, { ownerId: f.ownerId, orderId, payload: { type: 'CANCEL_WEBSITE', reason: '网站不再使用', confirmed: true }, wizardStep: 1 });
    await submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'DRAFT' });
    // 注销 has no SMS step: neither its mail nor its state text speaks of one.
    const [submitted] = (await mails('order.submit')).filter((m) => (m.data as { orderId?: string }).orderId === orderId);
    expect(submitted!.text).not.toMatch(/短信|初审/);
    await regulatorDecide(h.db, { orderId, actor: users.admin!, approve: true });

    const [after] = await h.db.select().from(t.findings).where(eq(t.findings.id, f.id));
    expect(after!.status).toBe('resolved');
    const [r] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.id, recheck.id));
    expect(r).toMatchObject({ state: 'closed' });
    expect(r!.decisionReason).toMatch(/已办结.*该整改事项已完成/);
    const [e] = await h.db.select().from(t.extensionRequests).where(eq(t.extensionRequests.id, ext.id));
    expect(e!.state).toBe('closed');
    expect((await listPendingRechecks(h.db)).map((x) => x.id)).not.toContain(recheck.id);
    await expect(decideRecheck(h.db, { recheckId: recheck.id, actor: users.reviewer!, decision: 'return', reason: '标题仍不一致' })).rejects.toThrow(/已结束/);
    await expect(decideExtension(h.db, { actor: users.admin!, requestId: ext.id, decision: 'grant', newDeadline: addDaysIso(todayIso(), 30) })).rejects.toBeInstanceOf(ConflictError);
    expect((await mails('recheck.return')).filter((m) => (m.data as { recheckId?: string }).recheckId === recheck.id)).toHaveLength(0);
    const [closedMail] = (await mails('recheck.closed')).filter((m) => (m.data as { requestId?: string }).requestId === recheck.id);
    expect(closedMail!.text).toMatch(/复核申请已结束[\s\S]*原因：注销网站订单 \S+ 已办结/);
    expect((await mails('extension.closed')).filter((m) => (m.data as { requestId?: string }).requestId === ext.id)).toHaveLength(1);
    const view = await getFindingForOwner(h.db, f.id, f.ownerId);
    expect(view!.recheck!.state).toBe('closed');
  });

  it('取消接入 is an operator act with a reason; it ends pending 延期 and 复核, which can no longer be approved', async () => {
    const f = await finding('北京智源未来科技有限公司', 'SUBJECT_BUSINESS_CLOSED');
    const filer = { id: f.ownerId };
    const ext = await requestExtension(h.db, { findingId: f.id, actor: filer, reason: '营业执照正在重新办理，需要延期' });
    const recheck = await requestRecheck(h.db, { findingId: f.id, actor: filer, note: '已恢复经营' });
    moveClock(16); // past the subject-level finding's deadline
    await expect(cancelAccess(h.db, { actor: users.admin! as never, subjectIds: [f.subjectId], reason: ' ' })).rejects.toThrow(/请填写取消接入的原因/);
    const [result] = await cancelAccess(h.db, { actor: users.admin! as never, subjectIds: [f.subjectId], reason: '逾期未整改，多次电话催办未果' });
    expect(result).toMatchObject({ ok: true, scope: 'subject' });

    const [cancel] = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, f.subjectId), eq(t.orders.type, 'CANCEL_ACCESS')));
    expect(cancel!.websiteId).toBeNull();
    const history = await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, cancel!.id)).orderBy(t.orderEvents.id);
    expect(history.map((x) => [x.event, x.fromState, x.toState, x.actorId])).toEqual([
      ['create', null, 'DRAFT', users.admin!.id],
      ['cancel_access', 'DRAFT', 'APPROVED', users.admin!.id],
    ]);
    expect(history[1]!.reason).toBe('逾期未整改，多次电话催办未果');
    const [audit] = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.entityId, cancel!.id), eq(t.auditEvents.action, 'order.cancel_access')));
    expect(audit).toBeDefined();
    const [mail] = (await mails('order.cancel_access')).filter((m) => (m.data as { orderId?: string }).orderId === cancel!.id);
    expect(mail!.subject).toContain('运营人员取消接入');
    expect(mail!.text).toContain('逾期未整改，多次电话催办未果');
    expect(mail!.text).not.toMatch(/审核通过|备案信息已更新/);

    expect((await h.db.select().from(t.extensionRequests).where(eq(t.extensionRequests.id, ext.id)))[0]!.state).toBe('closed');
    expect((await h.db.select().from(t.rechecks).where(eq(t.rechecks.id, recheck.id)))[0]!.state).toBe('closed');
    await expect(decideExtension(h.db, { actor: users.admin!, requestId: ext.id, decision: 'grant', newDeadline: addDaysIso(todayIso(), 30) })).rejects.toThrow(/已结束/);
    expect(await mails('extension.granted')).toHaveLength(0);
    const [extMail] = (await mails('extension.closed')).filter((m) => (m.data as { requestId?: string }).requestId === ext.id);
    expect(extMail!.text).toMatch(/运营人员取消接入：逾期未整改/);
  });

  it('after an approved 接入备案 the findings open again with a deadline from the policy; the re-access tree is gone', async () => {
    moveClock(16);
    const f = await finding('北京智源未来科技有限公司', 'SUBJECT_BUSINESS_CLOSED');
    expect(f.status).toBe('access_cancelled');
    const { orderId } = await createDraft(h.db, { ownerId: f.ownerId, type: 'ACCESS_FILING', subjectId: f.subjectId, findingId: f.id });
    await submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'DRAFT' });
    await approveOrder(h.db, { orderId, actor: users.reviewer!, checklist: ALL });
    expect(await submitSmsCode(h.db, { orderId, code: await smsCode(orderId), actor: { id: f.ownerId, role: 'filer' } })).toEqual({ result: 'verified' });
    await regulatorDecide(h.db, { orderId, actor: users.admin!, approve: true });

    const all = await h.db.select().from(t.findings).where(eq(t.findings.subjectId, f.subjectId));
    expect(all.map((x) => x.status).sort()).toEqual(['open', 'open']);
    for (const x of all) expect(x.deadline).toBe(addDaysIso(todayIso(), REACCESS_RECTIFY_DAYS_DEFAULT));
    const view = await getFindingForOwner(h.db, f.id, f.ownerId);
    expect(view!.subject.status).toBe('active');
    await expect(createDraft(h.db, { ownerId: f.ownerId, type: 'ACCESS_FILING', subjectId: f.subjectId, findingId: f.id })).rejects.toThrow(/只有已取消接入/);
  });

  it('a resubmission restarts the 初审 clock and sends the same 待初审 mail; 初审通过 needs the checklist', async () => {
    const f = await finding('李娜', 'SITE_NAME_VIOLATION');
    const { orderId } = await createDraft(h.db, { ownerId: f.ownerId, type: 'CHANGE_WEBSITE', subjectId: f.subjectId, findingId: f.id });
    const draft = await order(orderId);
    const payload = { ...(draft.payload as object), website: { name: '李娜读书笔记', serviceContent: '个人读书笔记分享' } };
    await saveDraft(h.db, { ownerId: f.ownerId, orderId, payload, wizardStep: 3, materialIds: [await material(f.ownerId, 'verification_form')] });
    await submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'DRAFT' });
    const first = (await order(orderId)).submittedAt!;
    await rejectOrder(h.db, { orderId, actor: users.reviewer!, reasons: [{ code: 'PHONE_PROBLEM' }] });
    moveClock(2);
    await submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'FIRST_REVIEW_REJECTED' });
    const again = await order(orderId);
    expect(again.submittedAt!.getTime() - first.getTime()).toBeGreaterThan(1.9 * 86400_000);
    expect((await mails('order.submit')).filter((m) => (m.data as { orderId?: string }).orderId === orderId)).toHaveLength(2);

    await expect(approveOrder(h.db, { orderId, actor: users.reviewer!, checklist: [] })).rejects.toThrow(/请勾选全部核对项/);
    await expect(approveOrder(h.db, { orderId, actor: users.reviewer!, checklist: ALL.slice(1) })).rejects.toBeInstanceOf(PublicError);
    expect((await order(orderId)).state).toBe('SUBMITTED');
    await approveOrder(h.db, { orderId, actor: users.reviewer!, checklist: ALL.slice(1), unticked: { [ALL[0]!]: '账号实名已在系统中自动核验' } });
    const [last] = await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, orderId)).orderBy(desc(t.orderEvents.id)).limit(1);
    expect(last!.reason).toContain(`已勾选 ${REVIEW_CHECKLIST.length - 1}/${REVIEW_CHECKLIST.length} 项；提交备案的账号已完成实名认证（未勾选，原因：账号实名已在系统中自动核验）`);
  });

  it('a save or submit from a stale tab is refused and overwrites nothing', async () => {
    const f = await finding('王磊', 'FOOTER_ICP_NUMBER_MISSING');
    const { orderId } = await createDraft(h.db, { ownerId: f.ownerId, type: 'CHANGE_WEBSITE', subjectId: f.subjectId, findingId: f.id });
    const loaded = await order(orderId);
    const base = loaded.payload as { website: { name: string; serviceContent: string } };
    const tabA = { ...base, website: { ...base.website, name: '王磊摄影作品集' } };
    const { version } = await saveDraft(h.db, { ownerId: f.ownerId, orderId, payload: tabA, wizardStep: 1, version: loaded.version });
    expect(version).toBe(loaded.version + 1);
    // Tab B still holds the version it loaded.
    const tabB = { ...base, website: { ...base.website, name: '王磊的旧网站名称' } };
    await expect(saveDraft(h.db, { ownerId: f.ownerId, orderId, payload: tabB, wizardStep: 2, version: loaded.version })).rejects.toThrow(STALE_ORDER_MESSAGE);
    await expect(submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'DRAFT', version: loaded.version })).rejects.toThrow(STALE_ORDER_MESSAGE);
    const now = await order(orderId);
    expect(now).toMatchObject({ state: 'DRAFT', version, wizardStep: 1 });
    expect((now.payload as typeof tabA).website.name).toBe('王磊摄影作品集');
  });

  it('a finding stays 整改中 while its 复核 is pending, even when its order is abandoned (found by the model test)', async () => {
    const f = await finding('湖南麓山律师事务所', 'SUBJECT_LEGAL_REP_MISMATCH');
    const [o] = await h.db.select({ id: t.orders.id }).from(t.orders).innerJoin(t.orderFindings, eq(t.orderFindings.orderId, t.orders.id)).where(eq(t.orderFindings.findingId, f.id));
    await rejectOrder(h.db, { orderId: o!.id, actor: users.reviewer!, reasons: [{ code: 'PHONE_PROBLEM' }] });
    const r = await requestRecheck(h.db, { findingId: f.id, actor: { id: f.ownerId }, note: '已更换负责人' });
    const { transitionOrder } = await import('@/db/orders/transition');
    await transitionOrder(h.db, { orderId: o!.id, event: 'abandon', actor: { id: f.ownerId, role: 'filer' }, expectedState: 'FIRST_REVIEW_REJECTED' });
    const status = async () => (await h.db.select().from(t.findings).where(eq(t.findings.id, f.id)))[0]!.status;
    expect(await status()).toBe('in_progress');
    await decideRecheck(h.db, { recheckId: r.id, actor: users.reviewer!, decision: 'return', reason: '负责人仍非法定代表人' });
    expect(await status()).toBe('open');
  });

  it('a filer\'s own 取消接入 of a website closes that website\'s other findings as 已取消接入 (found by the model test)', async () => {
    const f = await finding('杭州云栖科技有限公司', 'FOOTER_ICP_NUMBER_MISSING');
    const other = await finding('杭州云栖科技有限公司', 'DNS_NOT_AT_PROVIDER');
    expect(other.websiteId).toBe(f.websiteId);
    const { orderId } = await createDraft(h.db, { ownerId: f.ownerId, type: 'CANCEL_ACCESS', subjectId: f.subjectId, findingId: f.id });
    await saveDraft(h.db, { ownerId: f.ownerId, orderId, payload: { type: 'CANCEL_ACCESS', reason: '网站已迁移至其他接入商', confirmed: true }, wizardStep: 1 });
    await submitOrder(h.db, { ownerId: f.ownerId, orderId, expectedState: 'DRAFT' });
    expect((await order(orderId)).state).toBe('APPROVED');
    const status = async (id: string) => (await h.db.select().from(t.findings).where(eq(t.findings.id, id)))[0]!.status;
    expect(await status(f.id)).toBe('resolved');
    expect(await status(other.id)).toBe('access_cancelled');
  });

  it('延期 is decided by operators, as the rectification page says; a reviewer is refused', async () => {
    expect(EXTENSION_DECIDED_BY).toEqual({ role: 'admin', label: '运营人员' });
    const target = await finding(HAICHUAN, 'CONTENT_PRE_APPROVAL_REQUIRED');
    const ext = await requestExtension(h.db, { findingId: target.id, actor: { id: target.ownerId }, reason: '前置审批文件正在办理中，需要延期' });
    await expect(decideExtension(h.db, { actor: users.reviewer! as never, requestId: ext.id, decision: 'grant', newDeadline: addDaysIso(todayIso(), 40) })).rejects.toThrow(/没有执行此操作的权限/);
    await decideExtension(h.db, { actor: users.admin!, requestId: ext.id, decision: 'grant', newDeadline: addDaysIso(target.deadline, 10) });
  });
});
