import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { approveOrder, recordPiiView, rejectOrder } from '@/db/review/decide';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { decideRecheck } from '@/db/rechecks/decide';
import { countReviewQueue, listReviewQueue } from '@/db/queries/review-queue';
import { runReviewJobs } from '@/db/jobs/review-jobs';
import { regulatorDecide } from '@/db/orders/gateway';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { slaCutoff } from '@/lib/review/sla';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

type U = { id: string; role: 'filer' | 'reviewer' | 'admin' };

describe.each(TEST_TARGETS)('初审 and 复核 decisions on %s', (target) => {
  let h: TestDb;
  let users: Record<string, U>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(() => h?.close());

  const submitted = async () => h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).orderBy(t.orders.submittedAt);
  const snapshot = async () => {
    const [n] = await h.db.select({
      events: sql<number>`(select count(*)::int from order_events)`,
      audit: sql<number>`(select count(*)::int from audit_events)`,
      outbox: sql<number>`(select count(*)::int from outbox)`,
      rechecks: sql<string>`(select string_agg(state::text, ',' order by id) from rechecks)`,
      orders: sql<string>`(select string_agg(state::text, ',' order by id) from orders)`,
    }).from(sql`(select 1) x`);
    return n;
  };

  it('refuses every reviewer decision from a filer, writing nothing', async () => {
    const [o] = await submitted();
    const [r] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.state, 'pending')).limit(1);
    const before = await snapshot();
    for (const filer of [users.filer!, users.filer3!]) {
      await expect(approveOrder(h.db, { orderId: o!.id, actor: filer })).rejects.toBeInstanceOf(NotFoundError);
      await expect(rejectOrder(h.db, { orderId: o!.id, actor: filer, reasons: [{ code: 'PHONE_PROBLEM', field: 'principal.mobile' }] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(decideRecheck(h.db, { recheckId: r!.id, actor: filer, decision: 'accept' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordPiiView(h.db, { orderId: o!.id, actor: filer, subjectId: null, fields: ['principal.idNumber'] })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('only an admin stands in for the 管局: a reviewer or filer deciding is refused, nothing written', async () => {
    const [o] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'REGULATOR_REVIEW')).limit(1);
    const before = await snapshot();
    await expect(regulatorDecide(h.db, { orderId: o!.id, actor: users.reviewer!, approve: true })).rejects.toBeInstanceOf(PublicError);
    await expect(regulatorDecide(h.db, { orderId: o!.id, actor: users.filer2!, approve: false, reason: 'x' })).rejects.toBeInstanceOf(PublicError);
    expect(await snapshot()).toEqual(before);
  });

  it('20 concurrent approve/reject calls on one order leave exactly one decision and one history row', async () => {
    const [o] = await submitted();
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? approveOrder(h.db, { orderId: o!.id, actor: i % 3 ? users.reviewer! : users.reviewer2!, checklist: REVIEW_CHECKLIST.map((c) => c.id) })
        : rejectOrder(h.db, { orderId: o!.id, actor: i % 3 ? users.reviewer! : users.reviewer2!, reasons: [{ code: 'PHONE_PROBLEM', field: 'principal.mobile' }], note: '电话无人接听' }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((loser.reason as Error).message).toMatch(/初审专员 (许晴|韩冰)已处理/);
    const events = await h.db.select().from(t.orderEvents).where(and(eq(t.orderEvents.orderId, o!.id), sql`${t.orderEvents.fromState} = 'SUBMITTED'`));
    expect(events).toHaveLength(1);
    const [after] = await h.db.select().from(t.orders).where(eq(t.orders.id, o!.id));
    expect(after!.state).toBe(events[0]!.toState);
    if (after!.state === 'FIRST_REVIEW_REJECTED') {
      expect(after!.rejection).toEqual([{ code: 'PHONE_PROBLEM', field: 'principal.mobile', note: null }]);
      expect(after!.rejectionNote).toBe('电话无人接听');
    } else {
      expect(after!.state).toBe('PENDING_SMS');
      const sms = await h.db.select().from(t.outbox).where(and(eq(t.outbox.channel, 'sms'), sql`${t.outbox.data}->>'orderId' = ${o!.id}`));
      expect(sms).toHaveLength(1);
    }
    const decisions = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.entityId, o!.id), inArray(t.auditEvents.action, ['order.approve_first_review', 'order.reject_first_review'])));
    expect(decisions).toHaveLength(1);
  });

  it('a stale tab is told who decided before it is asked for the checklist or a reason', async () => {
    const [decided] = await h.db.select().from(t.orders).where(inArray(t.orders.state, ['PENDING_SMS', 'FIRST_REVIEW_REJECTED'])).limit(1);
    const before = await snapshot();
    await expect(approveOrder(h.db, { orderId: decided!.id, actor: users.reviewer! })).rejects.toThrow(/已处理（当前状态：/);
    await expect(rejectOrder(h.db, { orderId: decided!.id, actor: users.reviewer!, reasons: [] })).rejects.toThrow(/已处理（当前状态：/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects with field-attached reasons and refuses unknown reason codes', async () => {
    const [o] = await submitted();
    await expect(rejectOrder(h.db, { orderId: o!.id, actor: users.reviewer!, reasons: [{ code: 'NOT_A_REASON' }] })).rejects.toThrow('驳回原因无效');
    await expect(rejectOrder(h.db, { orderId: o!.id, actor: users.reviewer!, reasons: [] })).rejects.toThrow('至少选择一条');
    const moved = await rejectOrder(h.db, {
      orderId: o!.id,
      actor: users.admin!,
      reasons: [{ code: 'PRINCIPAL_NOT_LEGAL_REP', field: 'principal.name', note: '应为邓建国' }, { code: 'DOCUMENTS_INCOMPLETE' }],
      note: '请补充执业许可证。',
    });
    expect(moved.state).toBe('FIRST_REVIEW_REJECTED');
    expect(moved.rejection).toEqual([
      { code: 'PRINCIPAL_NOT_LEGAL_REP', field: 'principal.name', note: '应为邓建国' },
      { code: 'DOCUMENTS_INCOMPLETE', field: null, note: null },
    ]);
    const mail = await h.db.select().from(t.outbox).where(and(eq(t.outbox.template, 'order.reject_first_review'), sql`${t.outbox.data}->>'orderId' = ${o!.id}`));
    expect(mail).toHaveLength(1);
  });

  it('records a full view of an ID number as an audit event', async () => {
    const [o] = await h.db.select().from(t.orders).limit(1);
    await recordPiiView(h.db, { orderId: o!.id, actor: users.reviewer!, subjectId: o!.subjectId, fields: ['principal.idNumber'] });
    const rows = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'pii.view'), eq(t.auditEvents.entityId, o!.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: 'order', actorId: users.reviewer!.id });
  });

  it('keyset pagination returns every submitted order exactly once, in both directions and with filters', async () => {
    const subjects = await h.db.select().from(t.subjects);
    const base = Date.now() - 10 * 86400_000;
    // 250 orders; some share a submitted_at to the microsecond, so the id tie-breaker is exercised. The one-open-order
    // index allows one per subject, so these are first filings (no subject yet).
    const values = Array.from({ length: 250 }, (_, i) => ({
      number: `Q${String(i).padStart(5, '0')}`,
      type: 'FIRST_FILING' as const,
      ownerId: subjects[i % subjects.length]!.ownerId,
      provinceCode: i % 3 ? '33' : '44',
      state: 'SUBMITTED' as const,
      payload: { type: 'FIRST_FILING', subject: { name: `测试主体${i}` } } as never,
      submittedAt: new Date(base + Math.floor(i / 3) * 3600_000),
    }));
    await h.db.insert(t.orders).values(values);
    await h.db.execute(sql`update orders set submitted_at = submitted_at + interval '123 microseconds' where number like 'Q%' and (substring(number from 2)::int % 3) = 0`);
    const all = (await submitted()).map((o) => o.id);
    expect(all.length).toBeGreaterThanOrEqual(250);

    for (const sort of ['oldest', 'newest'] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await listReviewQueue(h.db, { sort, after, limit: 40 });
        seen.push(...page.rows.map((r) => r.id));
        after = page.next;
        pages++;
      } while (after && pages < 100);
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen)).toEqual(new Set(all));
      const times = (await h.db.select({ id: t.orders.id, at: t.orders.submittedAt }).from(t.orders).where(inArray(t.orders.id, seen))).reduce(
        (m, r) => m.set(r.id, r.at!.getTime()),
        new Map<string, number>(),
      );
      const ordered = seen.map((id) => times.get(id)!);
      for (let i = 1; i < ordered.length; i++) expect(sort === 'oldest' ? ordered[i]! >= ordered[i - 1]! : ordered[i]! <= ordered[i - 1]!).toBe(true);
    }

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await listReviewQueue(h.db, { province: '44', after, limit: 25 });
      expect(page.rows.every((r) => r.provinceCode === '44')).toBe(true);
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength((await countReviewQueue(h.db, { province: '44' })).n);
    expect(new Set(seen).size).toBe(seen.length);

    const now = new Date();
    const overdue = await listReviewQueue(h.db, { overdueOnly: true, limit: 200, now });
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.submittedAt < slaCutoff(now))).toBe(true);
    expect(await listReviewQueue(h.db, { after: 'not-a-cursor', limit: 5 })).toMatchObject({ rows: expect.any(Array) });
  });

  it('two staff deciding one 复核 request at once: one decision, the other told who decided', async () => {
    const [r] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.state, 'pending')).orderBy(t.rechecks.createdAt).limit(1);
    const results = await Promise.allSettled([
      decideRecheck(h.db, { recheckId: r!.id, actor: users.reviewer!, decision: 'accept' }),
      decideRecheck(h.db, { recheckId: r!.id, actor: users.reviewer2!, decision: 'return', reason: '网站仍无法访问' }),
      decideRecheck(h.db, { recheckId: r!.id, actor: users.admin!, decision: 'accept' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    expect((loser.reason as Error).message).toMatch(/已由.+处理/);
    const [after] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.id, r!.id));
    const [finding] = await h.db.select().from(t.findings).where(eq(t.findings.id, r!.findingId));
    expect(finding!.status).toBe(after!.state === 'accepted' ? 'resolved' : 'open');
    const audit = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.entityType, 'recheck'), eq(t.auditEvents.entityId, r!.id)));
    expect(audit).toHaveLength(1);
    const mails = await h.db.select().from(t.outbox).where(sql`${t.outbox.data}->>'recheckId' = ${r!.id}`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/rectifications/${r!.findingId}`);
  });

  it('sending a 复核 back after the deadline leaves the finding overdue', async () => {
    const [r] = await h.db.select().from(t.rechecks).where(eq(t.rechecks.state, 'pending')).limit(1);
    await h.db.update(t.findings).set({ deadline: '2020-01-01' }).where(eq(t.findings.id, r!.findingId));
    const out = await decideRecheck(h.db, { recheckId: r!.id, actor: users.reviewer!, decision: 'return', reason: '备案号仍未链接' });
    expect(out.recheck.state).toBe('returned');
    expect(out.finding!.status).toBe('overdue');
  });

  it('the review jobs return stale SMS orders and expire orders past 45 days, and are safe to run twice', async () => {
    const later = new Date(Date.now() + 60 * 86400_000);
    const expirable = await h.db.select({ id: t.orders.id }).from(t.orders).where(and(inArray(t.orders.state, ['SUBMITTED', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED']), sql`${t.orders.expiresAt} < ${later.toISOString()}::timestamptz`));
    const [a, b] = await Promise.all([runReviewJobs(h.db, later), runReviewJobs(h.db, later)]);
    expect(a!.smsReturned + b!.smsReturned).toBeGreaterThanOrEqual(1);
    const returned = await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.event, 'sms_return'));
    const returnedIds = returned.map((e) => e.orderId);
    expect(new Set(returnedIds).size).toBe(returnedIds.length);
    expect(a!.expired + b!.expired).toBeGreaterThanOrEqual(expirable.length);
    const expiredEvents = await h.db.select().from(t.orderEvents).where(and(eq(t.orderEvents.event, 'expire'), sql`${t.orderEvents.actorId} is null`));
    const ids = expiredEvents.map((e) => e.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await runReviewJobs(h.db, later)).toEqual({ smsReturned: 0, expired: 0 });
  });
});
