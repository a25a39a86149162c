import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createDraft, submitOrder } from '@/db/orders/drafts';
import { approveFirstReview, submitSmsCode } from '@/db/orders/gateway';
import { transitionOrder } from '@/db/orders/transition';
import { rejectOrder } from '@/db/review/decide';
import { phoneAttemptsOf, recordPhoneAttempt } from '@/db/review/phone';
import { PublicError } from '@/lib/errors';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Order rules of 001 that the database carries out: the sixth SMS attempt (4.6), no withdrawal once with the
// 管局 (4.7 备案审核FAQ), a returned order edited and sent through 初审 again (4.6), 45 days from the day of
// submission (4.10), and the 初审 phone procedure recorded on the order (2.2).
describe.each(TEST_TARGETS)('order rules from the seeds on %s', (target) => {
  let h: TestDb;
  let users: Record<string, { id: string; role: 'filer' | 'reviewer' | 'admin' }>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    const rows = await h.db.select().from(t.users);
    users = Object.fromEntries(rows.map((u) => [u.email.split('@')[0]!, { id: u.id, role: u.role }]));
  });
  afterAll(() => h?.close());

  const orderRow = async (id: string) => (await h.db.select().from(t.orders).where(eq(t.orders.id, id)))[0]!;
  async function submitted(): Promise<string> {
    const [s] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '陈晓明'));
    const [w] = await h.db.select().from(t.websites).where(eq(t.websites.name, '晓明的技术随笔'));
    const { orderId } = await createDraft(h.db, { ownerId: users.filer!.id, type: 'CHANGE_ACCESS', subjectId: s!.id, websiteId: w!.id });
    await submitOrder(h.db, { ownerId: users.filer!.id, orderId, expectedState: 'DRAFT' });
    return orderId;
  }
  const endOrder = (orderId: string, state: string) =>
    state === 'SUBMITTED'
      ? transitionOrder(h.db, { orderId, event: 'withdraw', actor: users.filer!, expectedState: 'SUBMITTED' })
      : transitionOrder(h.db, { orderId, event: 'abandon', actor: users.filer!, expectedState: state as 'RETURNED' });

  it('45 days count from the Shanghai day of submission; withdrawal stops once 初审 hands the order to the 管局', async () => {
    const orderId = await submitted();
    const o = await orderRow(orderId);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(o.submittedAt!);
    const lapse = new Date(`${day}T00:00:00+08:00`);
    lapse.setUTCDate(lapse.getUTCDate() + 45);
    expect(o.expiresAt!.toISOString()).toBe(lapse.toISOString());

    await approveFirstReview(h.db, { orderId, actor: users.reviewer!, expectedState: 'SUBMITTED' });
    await expect(transitionOrder(h.db, { orderId, event: 'withdraw', actor: users.filer!, expectedState: 'PENDING_SMS' })).rejects.toBeInstanceOf(PublicError);
    expect((await orderRow(orderId)).state).toBe('PENDING_SMS');

    // 5 wrong codes are tolerated; the 6th attempt returns the order even with the right code.
    const code = '123456';
    await h.db.update(t.orders).set({ smsCodeHash: createHash('sha256').update(`${orderId}:${code}`).digest('hex') }).where(eq(t.orders.id, orderId));
    for (let i = 0; i < 5; i++) expect((await submitSmsCode(h.db, { orderId, code: '000000', actor: users.filer! })).result).toBe('wrong');
    expect(await submitSmsCode(h.db, { orderId, code, actor: users.filer! })).toEqual({ result: 'returned', why: 'too_many' });
    expect((await orderRow(orderId)).state).toBe('RETURNED');

    // From 已退回 the filer may edit and go through 初审 again.
    await transitionOrder(h.db, { orderId, event: 'resubmit', actor: users.filer!, expectedState: 'RETURNED' });
    expect((await orderRow(orderId)).state).toBe('SUBMITTED');
    await endOrder(orderId, 'SUBMITTED');
  });

  it('records the 初审 calls in order and allows 驳回 for an unreachable phone only after the procedure', async () => {
    const orderId = await submitted();
    const reviewer = users.reviewer!;
    const t0 = new Date();
    const reject = () => rejectOrder(h.db, { orderId, actor: reviewer, reasons: [{ code: 'FIRST_REVIEW_PHONE_UNREACHABLE' }] });
    await expect(reject()).rejects.toThrow(/电话核验规程/);
    await expect(recordPhoneAttempt(h.db, { orderId, actor: reviewer, target: 'emergency', reached: false, now: t0 })).rejects.toThrow('现在应拨打联系方式1。');
    await recordPhoneAttempt(h.db, { orderId, actor: reviewer, target: 'contact', reached: false, now: new Date(t0.getTime() - 2 * 3600_000) });
    await expect(recordPhoneAttempt(h.db, { orderId, actor: users.filer!, target: 'contact', reached: false })).rejects.toThrow();
    await recordPhoneAttempt(h.db, { orderId, actor: reviewer, target: 'contact', reached: false, now: new Date(t0.getTime() - 3600_000) });
    await expect(reject()).rejects.toThrow(/电话核验规程/);
    await recordPhoneAttempt(h.db, { orderId, actor: reviewer, target: 'emergency', reached: false, now: new Date(t0.getTime() - 60_000) });
    expect((await phoneAttemptsOf(h.db, orderId)).map((a) => a.target)).toEqual(['contact', 'contact', 'emergency']);
    await reject();
    expect((await orderRow(orderId)).state).toBe('FIRST_REVIEW_REJECTED');
    await expect(recordPhoneAttempt(h.db, { orderId, actor: reviewer, target: 'contact', reached: true })).rejects.toThrow('只有待初审的订单需要电话核验。');
    await transitionOrder(h.db, { orderId, event: 'abandon', actor: users.filer!, expectedState: 'FIRST_REVIEW_REJECTED' });
  });
});
