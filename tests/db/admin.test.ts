import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { deliverDue, type Transport } from '@/db/jobs/outbox-worker';
import { issueNotice } from '@/db/notices/issue';
import { decideExtension } from '@/db/extensions/decide';
import { requestExtension } from '@/db/extensions/request';
import { cancelAccess } from '@/db/cancel-access';
import { transitionOrder } from '@/db/orders/transition';
import { changeUserRole, inviteUser, setUserDisabled } from '@/db/admin/users';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES } from '@/lib/domain/codes';
import { addDaysIso, todayIso } from '@/lib/time';
import { addMinutes } from 'date-fns';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

type U = { id: string; role: 'filer' | 'reviewer' | 'admin' };

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';
const csvSource = (text: string) => (async function* () {
  // Split into small pieces so the streaming path (multi-byte characters cut across chunks) is exercised.
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 777) yield bytes.subarray(i, i + 777);
})();

describe.each(TEST_TARGETS)('operator console on %s', (target) => {
  let h: TestDb;
  let users: Record<string, U>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(() => h?.close());

  const count = async (table: typeof t.findings | typeof t.notices | typeof t.outbox | typeof t.auditEvents | typeof t.users | typeof t.importBatches | typeof t.orders | typeof t.extensionRequests) =>
    ((await h.db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }])[0].n;

  /** CSV lines for every website- and domain-scope code on the 数帆 demo subject (none has a finding yet). */
  async function shufanLines(observed: string) {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '杭州数帆网络科技有限公司'));
    const sites = await h.db.select().from(t.websites).where(eq(t.websites.subjectId, s!.id));
    const lines: string[] = [];
    for (const w of sites) {
      const doms = await h.db.select().from(t.domains).where(eq(t.domains.websiteId, w.id));
      for (const code of FINDING_CODES) {
        const scope = FINDING_CATALOGUE[code].scope;
        if (scope === 'website') lines.push(`${s!.icpNumber},${w.icpNumber},,${code},${observed},`);
        if (scope === 'domain') for (const d of doms) lines.push(`${s!.icpNumber},${w.icpNumber},${d.name},${FINDING_CATALOGUE[code].notice},${observed},`);
      }
    }
    return { subject: s!, lines };
  }

  async function importText(text: string, opts: { maxChunks?: number; chunkSize?: number } = {}) {
    const { batchId } = await createImportBatch(h.db, { actor: users.admin!, fileName: 'checks.csv', source: csvSource(text), deadline: addDaysIso(todayIso(), 30) });
    await startImport(h.db, { actor: users.admin!, batchId });
    const outcome = await runImportBatch(h.db, batchId, opts);
    const [batch] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    return { batchId, outcome, batch: batch! };
  }

  it('imports a file, reports its bad rows, and a second import of the same file creates nothing new', async () => {
    const { lines } = await shufanLines('专项核查');
    const some = lines.slice(0, 120);
    const bad = [
      '浙ICP备0000000001号,,,SUBJECT_NAME_MISMATCH,,', // unknown 备案号
      '浙ICP备2019031245号,浙ICP备2019031245号-1,,DOMAIN_EXPIRED,,', // domain code without domain
      '浙ICP备2019031245号,,,SUBJECT_CONTACT_INVALID,,2020-01-01', // date in the past
    ];
    const text = [HEADER, ...some.slice(0, 60), ...bad, ...some.slice(60)].join('\n');
    const before = await count(t.findings);
    const first = await importText(text, { chunkSize: 50 });
    expect(first.outcome).toBe('done');
    expect(first.batch).toMatchObject({ status: 'done', totalRows: 123, processedRows: 123, createdFindings: 120, skippedRows: 3 });
    expect(first.batch.errorRows.map((e) => e.row)).toEqual([61, 62, 63]);
    expect(first.batch.errorRows[0]!.messages[0]).toContain('不存在');
    expect(await count(t.findings)).toBe(before + 120);
    // One notice (one subject), one e-mail listing all 120 findings.
    const notices = await h.db.select().from(t.notices).where(eq(t.notices.source, 'import'));
    expect(notices).toHaveLength(1);
    const mails = await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `notice:${notices[0]!.id}`));
    expect(mails).toHaveLength(1);
    expect((mails[0]!.data as { findingIds: string[] }).findingIds).toHaveLength(120);

    const second = await importText(text, { chunkSize: 50 });
    expect(second.batch).toMatchObject({ status: 'done', createdFindings: 0, skippedRows: 123 });
    expect(await count(t.findings)).toBe(before + 120);
    expect(await h.db.select().from(t.notices).where(eq(t.notices.source, 'import'))).toHaveLength(1);
  });

  it('resumes after a crash mid-import from processedRows, with no duplicates', async () => {
    const { lines } = await shufanLines('复查');
    const fresh = lines.slice(120, 220); // pairs the first test did not import
    const before = await count(t.findings);
    const crashed = await importText([HEADER, ...fresh].join('\n'), { chunkSize: 40, maxChunks: 1 });
    expect(crashed.outcome).toBe('stopped');
    expect(crashed.batch).toMatchObject({ status: 'running', processedRows: 40, createdFindings: 40 });
    expect(await count(t.findings)).toBe(before + 40);
    // No e-mail until the batch is complete.
    const noticeIds = (await h.db.select({ id: t.findings.noticeId }).from(t.findings).where(sql`${t.findings.observedValue} = '复查'`)).map((r) => r.id);
    expect(await h.db.select().from(t.outbox).where(inArray(t.outbox.dedupeKey, noticeIds.map((id) => `notice:${id}`)))).toHaveLength(0);

    expect(await runImportBatch(h.db, crashed.batchId, { chunkSize: 40 })).toBe('done');
    const [after] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, crashed.batchId));
    expect(after).toMatchObject({ status: 'done', processedRows: 100, createdFindings: 100, skippedRows: 0 });
    expect(await count(t.findings)).toBe(before + 100);
    const keys = await h.db.select({ k: t.findings.externalKey }).from(t.findings).where(sql`${t.findings.observedValue} = '复查'`);
    expect(new Set(keys.map((k) => k.k)).size).toBe(100);
    // A finished batch does not run again.
    expect(await runImportBatch(h.db, crashed.batchId)).toBe('not_running');
  });

  it('two runners on one batch apply each chunk once', async () => {
    const { lines } = await shufanLines('并发');
    const rows = lines.slice(220, 300);
    const { batchId } = await createImportBatch(h.db, { actor: users.admin!, fileName: 'twice.csv', source: csvSource([HEADER, ...rows].join('\n')), deadline: addDaysIso(todayIso(), 30) });
    await startImport(h.db, { actor: users.admin!, batchId });
    const before = await count(t.findings);
    const outcomes = await Promise.all([runImportBatch(h.db, batchId, { chunkSize: 20 }), runImportBatch(h.db, batchId, { chunkSize: 20 })]);
    expect(outcomes).toContain('done');
    // The loser may stop at a raced chunk; running again finishes whatever is left.
    await runImportBatch(h.db, batchId, { chunkSize: 20 });
    const [b] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId));
    expect(b).toMatchObject({ status: 'done', processedRows: 80, createdFindings: 80, skippedRows: 0 });
    expect(await count(t.findings)).toBe(before + 80);
  });

  it('an imported notice takes its latest deadline across chunks; its e-mail is rendered by the sender, one link per finding', async () => {
    const { subject, lines } = await shufanLines('渲染');
    const late = addDaysIso(todayIso(), 60);
    // Five rows of one subject in chunks of two; the fourth row carries the latest deadline.
    const rows = lines.slice(300, 305).map((l, i) => (i === 3 ? l.replace(/,$/, `,${late}`) : l));
    const { batch } = await importText([HEADER, ...rows].join('\n'), { chunkSize: 2 });
    expect(batch).toMatchObject({ status: 'done', createdFindings: 5 });
    const [notice] = await h.db.select().from(t.notices).where(eq(t.notices.importBatchId, batch.id));
    expect(notice).toMatchObject({ subjectId: subject.id, deadline: late, source: 'import' });
    const findingIds = (await h.db.select({ id: t.findings.id }).from(t.findings).where(eq(t.findings.noticeId, notice!.id))).map((f) => f.id);
    expect(findingIds).toHaveLength(5);

    // Queued with its recipient and findings; subject, HTML and text wait for the sender.
    const [queued] = await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `notice:${notice!.id}`));
    expect(queued).toMatchObject({ template: 'notice', text: '', status: 'pending' });
    expect(new Set((queued!.data as { findingIds: string[] }).findingIds)).toEqual(new Set(findingIds));
    const sent: { id: number; subject: string; html: string; text: string }[] = [];
    const capture: Transport = { name: 'test', send: async (m) => void sent.push(m) };
    await h.db.update(t.outbox).set({ nextAttemptAt: addMinutes(new Date(), 10) }).where(sql`${t.outbox.id} <> ${queued!.id}`);
    expect(await deliverDue(h.db, { email: capture, sms: capture })).toMatchObject({ claimed: 1, sent: 1 });
    const mail = sent.find((m) => m.id === queued!.id)!;
    expect(mail.subject).toContain(subject.name);
    expect(mail.subject).toContain('5 项');
    for (const id of findingIds) expect(mail.html).toContain(`/rectifications/${id}`);
    expect(mail.text).toContain('查看并办理第 5 项');
    // The row keeps what was sent (the dev mailbox shows it).
    const [after] = await h.db.select().from(t.outbox).where(eq(t.outbox.id, queued!.id));
    expect(after).toMatchObject({ status: 'sent', subject: mail.subject, html: mail.html, text: mail.text });
    expect(after!.data).toEqual({ noticeId: notice!.id, findingIds: (queued!.data as { findingIds: string[] }).findingIds });
  });

  it('reads a GBK-encoded CSV (Excel in a Chinese locale) and refuses a file without the required columns', async () => {
    // "主体备案号,…\r\n沪ICP备2023011156号,,,SUBJECT_NAME_MISMATCH,单位名称已变更,\r\n" encoded as GBK.
    const gbk = Buffer.from(
      'd6f7cce5b1b8b0b8bac52ccdf8d5beb1b8b0b8bac52cd3f2c3fb2cb2bbbacfb8f1cfeeb4fac2eb2cbcecb2e9b7a2cfd62cd5fbb8c4c6dacfde0d0abba6494350b1b832303233303131313536bac52c2c2c5355424a4543545f4e414d455f4d49534d415443482cb5a5cebbc3fbb3c6d2d1b1e4b8fc2c0d0a',
      'hex',
    );
    const { batchId } = await createImportBatch(h.db, { actor: users.admin!, fileName: 'gbk.csv', source: (async function* () { yield gbk; })(), deadline: addDaysIso(todayIso(), 30) });
    await startImport(h.db, { actor: users.admin!, batchId });
    expect(await runImportBatch(h.db, batchId)).toBe('done');
    const [f] = await h.db.select().from(t.findings).where(eq(t.findings.observedValue, '单位名称已变更'));
    expect(f?.code).toBe('SUBJECT_NAME_MISMATCH');

    const batches = await count(t.importBatches);
    await expect(
      createImportBatch(h.db, { actor: users.admin!, fileName: 'bad.csv', source: csvSource('备案号,问题\n浙ICP备1号,X\n'), deadline: addDaysIso(todayIso(), 30) }),
    ).rejects.toThrow(/缺少必填列：主体备案号、不合格项代码/);
    expect(await count(t.importBatches)).toBe(batches);
  });

  it('issues a notice with two findings and refuses a duplicate of an unresolved one', async () => {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '王磊'));
    const [w] = await h.db.select().from(t.websites).where(eq(t.websites.subjectId, s!.id));
    const deadline = addDaysIso(todayIso(), 20);
    const mailsBefore = await count(t.outbox);
    const { findingIds } = await issueNotice(h.db, {
      actor: users.admin!,
      subjectId: s!.id,
      deadline,
      findings: [{ code: 'SUBJECT_CONTACT_INVALID', observedValue: '电话核验：停机' }, { code: 'SITE_UNREACHABLE', websiteId: w!.id }],
    });
    expect(findingIds).toHaveLength(2);
    expect(await count(t.outbox)).toBe(mailsBefore + 1);
    // FOOTER_ICP_NUMBER_MISSING is already unresolved on that website (demo scenario).
    await expect(issueNotice(h.db, { actor: users.admin!, subjectId: s!.id, deadline, findings: [{ code: 'FOOTER_ICP_NUMBER_MISSING', websiteId: w!.id }] })).rejects.toThrow(/尚未解决/);
    await expect(issueNotice(h.db, { actor: users.admin!, subjectId: s!.id, deadline: '2020-01-01', findings: [{ code: 'SUBJECT_NAME_MISMATCH' }] })).rejects.toThrow(/不能早于今天/);
    const [other] = await h.db.select().from(t.websites).where(eq(t.websites.icpNumber, '浙ICP备2019031245号-1'));
    await expect(issueNotice(h.db, { actor: users.admin!, subjectId: s!.id, deadline, findings: [{ code: 'SITE_UNREACHABLE', websiteId: other!.id }] })).rejects.toThrow(/该主体下的网站/);
  });

  it('grants an extension once per finding; an overdue finding is open again', async () => {
    const [f] = await h.db
      .select({ id: t.findings.id, deadline: t.findings.deadline })
      .from(t.findings)
      .where(and(eq(t.findings.code, 'CONTENT_SUBJECT_MISMATCH'), eq(t.findings.status, 'overdue')));
    await expect(requestExtension(h.db, { findingId: f!.id, actor: users.filer2!, reason: '负责人正在修改网站内容' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestExtension(h.db, { findingId: f!.id, actor: users.reviewer!, reason: '代为申请延期一次，网站正在整改' })).rejects.toBeInstanceOf(NotFoundError); // not the owner
    const { id } = await requestExtension(h.db, { findingId: f!.id, actor: users.filer!, reason: '网站内容正在改版，预计两周完成' });
    await expect(requestExtension(h.db, { findingId: f!.id, actor: users.filer!, reason: '再申请一次延期试试，看看是否允许' })).rejects.toThrow(/只能申请一次/);
    await expect(decideExtension(h.db, { actor: users.admin!, requestId: id, decision: 'grant', newDeadline: f!.deadline })).rejects.toThrow(/必须晚于/);
    const newDeadline = addDaysIso(todayIso(), 14);
    await decideExtension(h.db, { actor: users.admin!, requestId: id, decision: 'grant', newDeadline });
    const [after] = await h.db.select().from(t.findings).where(eq(t.findings.id, f!.id));
    expect(after).toMatchObject({ deadline: newDeadline, status: 'open' });
    await expect(decideExtension(h.db, { actor: users.admin!, requestId: id, decision: 'refuse', reason: '重复处理' })).rejects.toBeInstanceOf(ConflictError);
    expect(await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `extension:${id}`))).toHaveLength(1);
    expect(await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.entityId, f!.id), eq(t.auditEvents.action, 'extension.grant')))).toHaveLength(1);
  });

  it('cancels access of the overdue website only: abandons the order on it first, then applies CANCEL_ACCESS atomically', async () => {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '成都锦城物流有限公司'));
    const [draft] = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, s!.id), eq(t.orders.state, 'DRAFT')));
    const [result] = await cancelAccess(h.db, { actor: users.admin!, subjectIds: [s!.id], reason: '整改期限已过仍未完成整改' });
    expect(result).toMatchObject({ ok: true });
    expect((await h.db.select().from(t.orders).where(eq(t.orders.id, draft!.id)))[0]!.state).toBe('ABANDONED');
    const [cancel] = await h.db.select().from(t.orders).where(and(eq(t.orders.subjectId, s!.id), eq(t.orders.type, 'CANCEL_ACCESS')));
    expect(cancel!.state).toBe('APPROVED');
    const history = await h.db.select().from(t.orderEvents).where(inArray(t.orderEvents.orderId, [draft!.id, cancel!.id])).orderBy(t.orderEvents.id);
    expect(history.slice(-3).map((e) => [e.orderId, e.toState])).toEqual([[draft!.id, 'ABANDONED'], [cancel!.id, 'DRAFT'], [cancel!.id, 'APPROVED']]);
    expect(cancel!.websiteId).not.toBeNull();
    expect(history.at(-1)).toMatchObject({ event: 'cancel_access', actorId: users.admin!.id, reason: '整改期限已过仍未完成整改' });
    // Only the website whose own finding is overdue (锦城物流官网) is cut off; the subject and 查件服务 stay.
    expect((await h.db.select().from(t.subjects).where(eq(t.subjects.id, s!.id)))[0]!.status).toBe('active');
    const sites = await h.db.select().from(t.websites).where(eq(t.websites.subjectId, s!.id));
    expect(Object.fromEntries(sites.map((w) => [w.name, w.status]))).toEqual({ 锦城物流官网: 'access_cancelled', 锦城物流查件服务: 'active' });
    const findings = await h.db.select().from(t.findings).where(eq(t.findings.subjectId, s!.id));
    expect(findings.every((f) => f.status === (f.websiteId === cancel!.websiteId ? 'access_cancelled' : f.status))).toBe(true);
    expect(findings.filter((f) => f.status === 'access_cancelled').map((f) => f.websiteId)).toEqual([cancel!.websiteId]);
    // Cancelling again finds nothing to do.
    expect((await cancelAccess(h.db, { actor: users.admin!, subjectIds: [s!.id], reason: '整改期限已过仍未完成整改' }))[0]).toMatchObject({ ok: false });
  });

  it('an operator may stop a filer\'s order only with a reason, and may not submit other orders for them', async () => {
    const [o] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'FIRST_REVIEW_REJECTED')).limit(1);
    await expect(transitionOrder(h.db, { orderId: o!.id, event: 'abandon', actor: users.admin! })).rejects.toThrow(/没有执行此操作的权限/);
    await expect(transitionOrder(h.db, { orderId: o!.id, event: 'resubmit', actor: users.admin!, reason: '代为提交' })).rejects.toThrow(/没有执行此操作的权限/);
    await expect(transitionOrder(h.db, { orderId: o!.id, event: 'abandon', actor: users.reviewer!, reason: '超期' })).rejects.toThrow(/没有执行此操作的权限/);
    expect((await h.db.select().from(t.orders).where(eq(t.orders.id, o!.id)))[0]!.state).toBe('FIRST_REVIEW_REJECTED');
  });

  it('refuses a cancellation while an order is with the 管局, and leaves nothing behind', async () => {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '上海市徐汇区图书馆'));
    await h.db.update(t.findings).set({ deadline: addDaysIso(todayIso(), -1) }).where(eq(t.findings.subjectId, s!.id));
    const orders = await count(t.orders);
    const [result] = await cancelAccess(h.db, { actor: users.admin!, subjectIds: [s!.id], reason: '整改期限已过仍未完成整改' });
    expect(result).toMatchObject({ ok: false });
    expect(result!.message).toMatch(/管局/);
    expect(await count(t.orders)).toBe(orders);
    expect((await h.db.select().from(t.subjects).where(eq(t.subjects.id, s!.id)))[0]!.status).toBe('active');
  });

  it('every operator function called by a filer or a reviewer writes nothing', async () => {
    const tables = [t.findings, t.notices, t.outbox, t.auditEvents, t.users, t.importBatches, t.orders, t.extensionRequests] as const;
    const snapshot = () => Promise.all(tables.map((x) => count(x)));
    const before = await snapshot();
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '陈晓明'));
    const [pending] = await h.db.select().from(t.importBatches).limit(1);
    const deadline = addDaysIso(todayIso(), 10);
    const requestId = '00000000-0000-0000-0000-000000000000';
    for (const actor of [users.filer!, users.reviewer!]) {
      const calls = [
        issueNotice(h.db, { actor, subjectId: s!.id, deadline, findings: [{ code: 'SUBJECT_NAME_MISMATCH' }] }),
        createImportBatch(h.db, { actor, fileName: 'x.csv', source: csvSource(`${HEADER}\n${s!.icpNumber},,,SUBJECT_NAME_MISMATCH,,`), deadline }),
        startImport(h.db, { actor, batchId: pending!.id }),
        decideExtension(h.db, { actor, requestId, decision: 'grant', newDeadline: deadline }),
        cancelAccess(h.db, { actor, subjectIds: [s!.id], reason: '整改期限已过仍未完成整改' }),
        inviteUser(h.db, { actor, name: '新同事', email: 'new@beian.example', role: 'admin' }),
        changeUserRole(h.db, { actor, userId: actor.id, role: 'admin' }),
        setUserDisabled(h.db, { actor, userId: users.admin!.id, disabled: true }),
      ];
      for (const c of await Promise.allSettled(calls)) {
        expect(c.status).toBe('rejected');
        expect((c as PromiseRejectedResult).reason).toBeInstanceOf(PublicError);
        expect(((c as PromiseRejectedResult).reason as Error).message).toBe('您没有执行此操作的权限。');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('invites a user, changes a role and disables, each ending existing sessions; never oneself', async () => {
    const { id } = await inviteUser(h.db, { actor: users.admin!, name: '初审专员 王青', email: 'Wangqing@Beian.example', role: 'reviewer' });
    const [u] = await h.db.select().from(t.users).where(eq(t.users.id, id));
    expect(u).toMatchObject({ email: 'wangqing@beian.example', role: 'reviewer', passwordHash: null, sessionVersion: 0 });
    const [mail] = await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `invite:${id}`));
    expect(mail!.text).toContain('/login');
    expect(mail!.text).toContain('邮箱链接登录');
    await expect(inviteUser(h.db, { actor: users.admin!, name: 'x', email: 'wangqing@beian.example', role: 'filer' })).rejects.toThrow(/已有账号/);
    await changeUserRole(h.db, { actor: users.admin!, userId: id, role: 'admin' });
    await setUserDisabled(h.db, { actor: users.admin!, userId: id, disabled: true });
    const [after] = await h.db.select().from(t.users).where(eq(t.users.id, id));
    expect(after).toMatchObject({ role: 'admin', disabled: true, sessionVersion: 2 });
    await expect(changeUserRole(h.db, { actor: users.admin!, userId: users.admin!.id, role: 'filer' })).rejects.toThrow(/自己/);
    await expect(setUserDisabled(h.db, { actor: users.admin!, userId: users.admin!.id, disabled: true })).rejects.toThrow(/自己/);
    const audit = await h.db.select({ action: t.auditEvents.action }).from(t.auditEvents).where(eq(t.auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['user.invite', 'user.role', 'user.disable']);
  });
});
