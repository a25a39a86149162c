import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { transitionOrder } from '@/db/orders/transition';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import { freshDb, pgCode, TEST_TARGETS, type TestDb } from '../support/db';

describe.each(TEST_TARGETS)('order transitions on %s', (target) => {
  let h: TestDb;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin' }>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(() => h?.close());

  async function draftFor(subjectName: string, payload: typeof t.orders.$inferInsert['payload'], websiteId: string | null = null) {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, subjectName));
    const [o] = await h.db
      .insert(t.orders)
      .values({ number: `T${Math.random().toString(36).slice(2, 10)}`, type: payload.type, ownerId: s!.ownerId, subjectId: s!.id, websiteId, provinceCode: s!.provinceCode, payload })
      .returning();
    return { order: o!, subject: s! };
  }

  it('two concurrent submits of one draft: exactly one SUBMITTED, one clean conflict', async () => {
    const { order } = await draftFor('杭州云栖科技有限公司', { type: 'CHANGE_ACCESS', ips: ['47.96.12.99'] });
    const submit = () => transitionOrder(h.db, { orderId: order.id, event: 'submit', actor: users.filer!, expectedState: 'DRAFT' });
    const results = await Promise.allSettled([submit(), submit()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    const events = await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, order.id));
    expect(events.map((e) => e.toState)).toEqual(['SUBMITTED']);
    const mails = await h.db.select().from(t.outbox).where(sql`${t.outbox.data}->>'orderId' = ${order.id}`);
    expect(mails).toHaveLength(1);
  });

  it('20 concurrent approve/reject calls leave exactly one decision and one history row', async () => {
    const [o] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).limit(1);
    const calls = Array.from({ length: 20 }, (_, i) =>
      transitionOrder(h.db, {
        orderId: o!.id,
        event: i % 2 ? 'approve_first_review' : 'reject_first_review',
        actor: i % 3 ? users.reviewer! : users.reviewer2!,
        expectedState: 'SUBMITTED',
        reason: i % 2 ? null : '材料不清晰',
      }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    const events = await h.db.select().from(t.orderEvents).where(and(eq(t.orderEvents.orderId, o!.id), sql`${t.orderEvents.fromState} = 'SUBMITTED'`));
    expect(events).toHaveLength(1);
    // The loser is told who decided.
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((loser.reason as Error).message).toMatch(/初审专员/);
  });

  it('a filer cannot act on another filer\'s order (404), and a filer cannot approve', async () => {
    const { order } = await draftFor('深圳市前海数联信息技术有限公司', { type: 'CHANGE_ACCESS', ips: ['1.1.1.1'] }).catch(async () => {
      const [o] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'DRAFT')).limit(1);
      return { order: o! };
    });
    await expect(transitionOrder(h.db, { orderId: order.id, event: 'submit', actor: users.filer2! })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionOrder(h.db, { orderId: order.id, event: 'approve_first_review', actor: users.filer! })).rejects.toBeInstanceOf(PublicError);
    const [after] = await h.db.select().from(t.orders).where(eq(t.orders.id, order.id));
    expect(after!.state).toBe(order.state);
  });

  it('the whole lifecycle applies a change to the filing and resolves the finding in one go', async () => {
    const [sub] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '北京智源未来科技有限公司'));
    const [finding] = await h.db.select().from(t.findings).where(and(eq(t.findings.subjectId, sub!.id), eq(t.findings.code, 'SUBJECT_BUSINESS_CLOSED')));
    const [principal] = await h.db.select().from(t.principals).where(eq(t.principals.id, sub!.principalId));
    const { order } = await draftFor(sub!.name, {
      type: 'CHANGE_SUBJECT',
      subject: { name: sub!.name, nature: sub!.nature, certType: sub!.certType, certNumber: sub!.certNumber, certAddress: '北京市朝阳区望京街10号2层', provinceCode: sub!.provinceCode, mailingAddress: sub!.mailingAddress },
      principal: { ...principal!, mobile: '13601019999' },
    });
    await h.db.insert(t.orderFindings).values({ orderId: order.id, findingId: finding!.id });
    const step = (event: Parameters<typeof transitionOrder>[1]['event'], actor: { id: string; role: 'filer' | 'reviewer' | 'admin' }) =>
      transitionOrder(h.db, { orderId: order.id, event, actor });
    await step('submit', users.filer!);
    expect((await h.db.select().from(t.findings).where(eq(t.findings.id, finding!.id)))[0]!.status).toBe('in_progress');
    await step('approve_first_review', users.reviewer!);
    await step('sms_verified', users.filer!);
    await step('regulator_approve', users.admin!);
    const [s2] = await h.db.select().from(t.subjects).where(eq(t.subjects.id, sub!.id));
    expect(s2!.certAddress).toBe('北京市朝阳区望京街10号2层');
    const [p2] = await h.db.select().from(t.principals).where(eq(t.principals.id, s2!.principalId));
    expect(p2!.mobile).toBe('13601019999');
    expect((await h.db.select().from(t.findings).where(eq(t.findings.id, finding!.id)))[0]!.status).toBe('resolved');
    const history = await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, order.id));
    expect(history.map((e) => e.toState)).toEqual(['SUBMITTED', 'PENDING_SMS', 'REGULATOR_REVIEW', 'APPROVED']);
  });

  it('refuses moving a filing to another province, deleting the last domain, and rewriting history', async () => {
    const [s] = await h.db.select().from(t.subjects).limit(1);
    expect(pgCode(await h.db.update(t.subjects).set({ provinceCode: '99' }).where(eq(t.subjects.id, s!.id)).catch((e) => e))).toBe('23514');
    const [single] = await h.db.select().from(t.domains).where(eq(t.domains.name, 'linareads.cn'));
    expect(pgCode(await h.db.update(t.domains).set({ removedAt: new Date() }).where(eq(t.domains.id, single!.id)).catch((e) => e))).toBe('23514');
    const [multi] = await h.db.select().from(t.domains).where(eq(t.domains.name, 'qhsl.net.cn'));
    await h.db.update(t.domains).set({ removedAt: new Date() }).where(eq(t.domains.id, multi!.id));
    const left = await h.db.select().from(t.domains).where(and(eq(t.domains.websiteId, multi!.websiteId), isNull(t.domains.removedAt)));
    expect(left.length).toBe(2);
    expect(pgCode(await h.db.execute(sql`delete from order_events where id = (select min(id) from order_events)`).catch((e) => e))).toBe('23514');
  });
});
