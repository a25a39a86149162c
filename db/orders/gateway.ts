import { createHash, randomInt } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import type { OutboxMessage } from '../queries/outbox';
import { transitionOrder, type Actor, type OrderRow } from './transition';
import { NotFoundError, PublicError } from '@/lib/errors';
import { SMS_MAX_FAILURES, SMS_TOLERATED_FAILURES, SMS_WINDOW_HOURS, smsAttemptOutcome } from '@/lib/orders/state-machine';
import { smsCodeText } from '@/lib/notify/sms-text';
import { now as clockNow } from '@/lib/clock';

/**
 * The regulator gateway (提交管局, 短信核验, 管局审核). No real MIIT gateway is reachable from here, so this is
 * the simulated implementation: the SMS code goes to the principal's mobile through the SMS outbox (the dev
 * SMS inbox shows it), and an admin stands in for the 管局 on the 管局模拟 screen.
 */

const hashCode = (orderId: string, code: string) => createHash('sha256').update(`${orderId}:${code}`).digest('hex');

/** The principal who verifies: the website's for website orders, else the subject's (payload for new filings). */
async function verifyingMobile(tx: Tx, order: OrderRow): Promise<string | null> {
  const p = order.payload;
  if (p.type === 'FIRST_FILING' || p.type === 'NEW_WEBSITE') return p.website.principal.mobile;
  if (p.type === 'CHANGE_WEBSITE' || p.type === 'CHANGE_SUBJECT') return p.principal.mobile;
  const principalId = order.websiteId
    ? (await tx.select({ id: t.websites.principalId }).from(t.websites).where(eq(t.websites.id, order.websiteId)))[0]?.id
    : order.subjectId
      ? (await tx.select({ id: t.subjects.principalId }).from(t.subjects).where(eq(t.subjects.id, order.subjectId)))[0]?.id
      : undefined;
  if (!principalId) return null;
  const [row] = await tx.select({ mobile: t.principals.mobile }).from(t.principals).where(eq(t.principals.id, principalId));
  return row?.mobile ?? null;
}

/** Hands an order to the 管局 (初审通过 or 重新提交管局) and sends a fresh SMS code, in the same transaction. */
async function handToRegulator(db: Db, input: { orderId: string; actor: Actor; event: 'approve_first_review' | 'resubmit_to_regulator'; expectedState?: OrderRow['state']; reason?: string | null }) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return transitionOrder(db, {
    ...input,
    patch: { smsCodeHash: hashCode(input.orderId, code), smsSentAt: clockNow(), smsFailures: 0 },
    alsoInTx: async (tx, order): Promise<OutboxMessage[]> => {
      const mobile = await verifyingMobile(tx, order);
      if (!mobile) return [];
      return [
        {
          channel: 'sms',
          recipient: mobile,
          template: 'sms_code',
          text: smsCodeText(order, code),
          data: { orderId: order.id },
        },
      ];
    },
  });
}

export function approveFirstReview(db: Db, input: { orderId: string; actor: Actor; expectedState?: OrderRow['state']; reason?: string | null }) {
  return handToRegulator(db, { ...input, event: 'approve_first_review' });
}

export function resubmitToRegulator(db: Db, input: { orderId: string; actor: Actor }) {
  return handToRegulator(db, { ...input, event: 'resubmit_to_regulator', expectedState: 'RETURNED' });
}

export type SmsResult = { result: 'verified' } | { result: 'wrong'; attemptsLeft: number } | { result: 'returned'; why: 'expired' | 'too_many' };

/**
 * The filer types the code from the SMS. Five wrong answers are tolerated; the sixth attempt, right or wrong, or an
 * answer after the 24-hour window, returns the order to the provider (RETURNED).
 */
export async function submitSmsCode(db: Db, input: { orderId: string; code: string; actor: Actor; now?: Date }): Promise<SmsResult> {
  const now = input.now ?? clockNow();
  const [order] = await db.select().from(t.orders).where(eq(t.orders.id, input.orderId));
  if (!order || (input.actor.role === 'filer' && order.ownerId !== input.actor.id)) throw new NotFoundError();
  if (order.state !== 'PENDING_SMS') throw new PublicError('该订单当前不需要短信核验。');
  if (!order.smsSentAt || now.getTime() - order.smsSentAt.getTime() > SMS_WINDOW_HOURS * 3600_000) {
    await returnOrder(db, order.id, '超过24小时未完成短信核验');
    return { result: 'returned', why: 'expired' };
  }
  const correct = Boolean(order.smsCodeHash) && hashCode(order.id, input.code.trim()) === order.smsCodeHash;
  const outcome = smsAttemptOutcome(order.smsFailures, correct);
  if (outcome === 'returned') {
    await returnOrder(db, order.id, `短信验证信息累计输错${SMS_TOLERATED_FAILURES}次，第${SMS_MAX_FAILURES}次验证时退回`);
    return { result: 'returned', why: 'too_many' };
  }
  if (outcome === 'verified') {
    await transitionOrder(db, { orderId: order.id, event: 'sms_verified', actor: input.actor, expectedState: 'PENDING_SMS' });
    return { result: 'verified' };
  }
  const [counted] = await db
    .update(t.orders)
    .set({ smsFailures: sql`${t.orders.smsFailures} + 1` })
    .where(and(eq(t.orders.id, order.id), eq(t.orders.state, 'PENDING_SMS')))
    .returning({ failures: t.orders.smsFailures });
  if (!counted) throw new PublicError('订单状态已变化，请刷新页面。');
  return { result: 'wrong', attemptsLeft: Math.max(0, SMS_TOLERATED_FAILURES - counted.failures) };
}

async function returnOrder(db: Db, orderId: string, reason: string) {
  await transitionOrder(db, { orderId, event: 'sms_return', actor: { id: null, role: 'system' }, expectedState: 'PENDING_SMS', reason }).catch((err) => {
    // Someone (the scheduler, another tab) returned it first: the outcome is the same.
    if (!(err instanceof PublicError)) throw err;
  });
}

/** Scheduler job: return every order whose SMS window has passed. Safe to run twice. */
export async function returnExpiredSmsOrders(db: Db, now = clockNow()): Promise<number> {
  const cutoff = new Date(now.getTime() - SMS_WINDOW_HOURS * 3600_000);
  const due = await db.select({ id: t.orders.id }).from(t.orders).where(and(eq(t.orders.state, 'PENDING_SMS'), lt(t.orders.smsSentAt, cutoff)));
  for (const o of due) await returnOrder(db, o.id, '超过24小时未完成短信核验');
  return due.length;
}

/** 管局模拟: an admin decides for the regulator. */
export function regulatorDecide(db: Db, input: { orderId: string; actor: Actor; approve: boolean; reason?: string | null; rejection?: OrderRow['rejection'] }) {
  return transitionOrder(db, {
    orderId: input.orderId,
    actor: input.actor,
    event: input.approve ? 'regulator_approve' : 'regulator_reject',
    expectedState: 'REGULATOR_REVIEW',
    reason: input.reason ?? null,
    patch: input.approve ? undefined : { rejection: input.rejection ?? null, rejectionNote: input.reason ?? null },
  });
}
