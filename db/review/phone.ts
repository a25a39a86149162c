import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { assertStaff } from './decide';
import type { Actor } from '../orders/transition';
import { NotFoundError, PublicError } from '@/lib/errors';
import { attemptRefusal, type PhoneAttempt, type PhoneTarget } from '@/lib/orders/phone-check';

// The 初审 phone procedure's record (001 2.2): each call is written on the order, in order, while the order
// waits for 初审. lib/orders/phone-check decides which call may come next.

export async function phoneAttemptsOf(tx: Db | Tx, orderId: string): Promise<(PhoneAttempt & { id: number; reviewerId: string })[]> {
  const rows = await tx.select().from(t.orderPhoneAttempts).where(eq(t.orderPhoneAttempts.orderId, orderId)).orderBy(asc(t.orderPhoneAttempts.id));
  return rows.map((r) => ({ id: r.id, reviewerId: r.reviewerId, at: r.createdAt, target: r.target, reached: r.reached }));
}

export async function recordPhoneAttempt(db: Db, input: { orderId: string; actor: Actor; target: PhoneTarget; reached: boolean; now?: Date }) {
  assertStaff(input.actor);
  const actor = input.actor;
  return db.transaction(async (tx) => {
    // The order row is locked so two reviewers cannot both record "the second call".
    const [order] = await tx.select({ id: t.orders.id, state: t.orders.state, subjectId: t.orders.subjectId }).from(t.orders).where(eq(t.orders.id, input.orderId)).for('update');
    if (!order) throw new NotFoundError();
    if (order.state !== 'SUBMITTED') throw new PublicError('只有待初审的订单需要电话核验。');
    const now = input.now ?? new Date();
    const refusal = attemptRefusal(await phoneAttemptsOf(tx, order.id), input.target, now);
    if (refusal) throw new PublicError(refusal);
    await tx.insert(t.orderPhoneAttempts).values({ orderId: order.id, reviewerId: actor.id, target: input.target, reached: input.reached, createdAt: now });
    await tx.insert(t.auditEvents).values({
      actorId: actor.id,
      action: 'order.phone_attempt',
      entityType: 'order',
      entityId: order.id,
      subjectId: order.subjectId,
      details: { target: input.target, reached: input.reached },
    });
    return { recorded: true as const, at: now };
  });
}
