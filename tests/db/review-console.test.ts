import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { approveOrder, rejectOrder } from '@/db/review/decide';
import { claimOrder, takeOverClaim } from '@/db/review/claims';
import { listReviewQueue, queueNeighbours } from '@/db/queries/review-queue';
import { PublicError } from '@/lib/errors';
import { ORDER_NUMBER_PATTERN } from '@/lib/orders/number';
import { findInternalKeys } from '../support/key-scan';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

type U = { id: string; role: 'filer' | 'reviewer' | 'admin'; name: string };

describe.each(TEST_TARGETS)('初审 console on %s', (target) => {
  let h: TestDb;
  let users: Record<string, U>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role, name: u.name }]));
  });
  afterAll(() => h?.close());

  const waiting = () => h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).orderBy(asc(t.orders.submittedAt), asc(t.orders.id));

  it('the next order follows the queue order under the same filter, and wraps to the head at the end', async () => {
    const all = await waiting();
    expect(all.length).toBeGreaterThanOrEqual(2);
    const { prev, next } = await queueNeighbours(h.db, { sort: 'oldest' }, { submittedAt: all[0]!.submittedAt!, id: all[0]!.id });
    expect(prev).toBeNull();
    expect(next).toBe(all[1]!.id);
    const last = all[all.length - 1]!;
    expect((await queueNeighbours(h.db, { sort: 'oldest' }, { submittedAt: last.submittedAt!, id: last.id })).next).toBe(all[0]!.id);
    const newest = await queueNeighbours(h.db, { sort: 'newest' }, { submittedAt: last.submittedAt!, id: last.id });
    expect(newest.next).toBe(all[all.length - 2]!.id);
    const typed = await queueNeighbours(h.db, { sort: 'oldest', type: all[0]!.type }, { submittedAt: all[0]!.submittedAt!, id: all[0]!.id });
    if (typed.next) {
      const [n] = await h.db.select({ type: t.orders.type }).from(t.orders).where(eq(t.orders.id, typed.next));
      expect(n!.type).toBe(all[0]!.type);
    }
  });

  it('opening claims an order; a second reviewer sees who holds it and must take it over to decide', async () => {
    const [o] = await waiting();
    const now = new Date();
    const first = await claimOrder(h.db, { orderId: o!.id, actor: users.reviewer!, now });
    expect(first).toMatchObject({ reviewerId: users.reviewer!.id, mine: true });
    const seen = await claimOrder(h.db, { orderId: o!.id, actor: users.reviewer2!, now });
    expect(seen).toMatchObject({ reviewerName: users.reviewer!.name, mine: false });

    const page = await listReviewQueue(h.db, { now });
    expect(page.rows.find((r) => r.id === o!.id)?.claimedBy).toBe(users.reviewer!.name);

    const refused = approveOrder(h.db, { orderId: o!.id, actor: users.reviewer2! });
    await expect(refused).rejects.toThrow(PublicError);
    await expect(refused).rejects.toThrow(`${users.reviewer!.name}正在审核`);
    const [still] = await h.db.select({ state: t.orders.state }).from(t.orders).where(eq(t.orders.id, o!.id));
    expect(still!.state).toBe('SUBMITTED');

    await takeOverClaim(h.db, { orderId: o!.id, actor: users.reviewer2! });
    const audit = await h.db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'review.takeover'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ from: users.reviewer!.name });

    // Now the first reviewer is the one refused; the holder decides and the claim ends.
    await expect(rejectOrder(h.db, { orderId: o!.id, actor: users.reviewer!, reasons: [{ code: 'PHONE_PROBLEM' }] })).rejects.toThrow(PublicError);
    await rejectOrder(h.db, { orderId: o!.id, actor: users.reviewer2!, reasons: [{ code: 'PHONE_PROBLEM' }] });
    expect(await h.db.select().from(t.reviewClaims).where(eq(t.reviewClaims.orderId, o!.id))).toHaveLength(0);
  });

  it('an expired claim is taken by whoever opens the order next', async () => {
    const [o] = await waiting();
    const then = new Date(Date.now() - 60 * 60_000);
    await claimOrder(h.db, { orderId: o!.id, actor: users.reviewer!, now: then });
    const now = await claimOrder(h.db, { orderId: o!.id, actor: users.reviewer2! });
    expect(now).toMatchObject({ reviewerId: users.reviewer2!.id, mine: true });
  });

  it('demo data: one order-number format, 提交时间 equals the history\'s 提交订单, no key in SMS texts', async () => {
    const orders = await h.db.select().from(t.orders);
    for (const o of orders) expect(o.number, o.number).toMatch(ORDER_NUMBER_PATTERN);
    const events = await h.db.select().from(t.orderEvents).orderBy(asc(t.orderEvents.id));
    for (const o of orders.filter((x) => x.submittedAt)) {
      const submit = events.find((e) => e.orderId === o.id && e.fromState === 'DRAFT' && e.toState !== 'DRAFT');
      if (submit) expect(submit.createdAt.getTime(), o.number).toBe(o.submittedAt!.getTime());
    }
    const sms = await h.db.select({ text: t.outbox.text }).from(t.outbox).where(eq(t.outbox.channel, 'sms'));
    expect(sms.length).toBeGreaterThan(0);
    for (const m of sms) expect(findInternalKeys(m.text), m.text).toEqual([]);
  });
});
