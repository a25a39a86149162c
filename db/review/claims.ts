import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { writeAudit } from '../audit';
import { PublicError } from '@/lib/errors';

// Claims steer reviewers apart: opening a waiting order claims it for CLAIM_MINUTES; while the claim runs,
// others see who holds it and may take it over explicitly. A decision ends the claim. Which decision lands
// is still settled by the order's conditional state update (db/orders/transition.ts).

export const CLAIM_MINUTES = 15;
const CLAIM_MS = CLAIM_MINUTES * 60_000;

export type Claim = { reviewerId: string; reviewerName: string; expiresAt: Date; mine: boolean };

type Staff = { id: string };

async function holder(tx: Tx, orderId: string, actor: Staff, now: Date): Promise<Claim | null> {
  const [row] = await tx
    .select({ reviewerId: t.reviewClaims.reviewerId, reviewerName: t.users.name, expiresAt: t.reviewClaims.expiresAt })
    .from(t.reviewClaims)
    .innerJoin(t.users, eq(t.users.id, t.reviewClaims.reviewerId))
    .where(and(eq(t.reviewClaims.orderId, orderId), gt(t.reviewClaims.expiresAt, now)));
  return row ? { ...row, mine: row.reviewerId === actor.id } : null;
}

/**
 * Opening a waiting order: claims it (or extends the actor's own claim) unless another reviewer's claim still
 * runs. Returns whoever holds it afterwards.
 */
export async function claimOrder(db: Db, input: { orderId: string; actor: Staff; now?: Date }): Promise<Claim | null> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + CLAIM_MS);
  await db
    .insert(t.reviewClaims)
    .values({ orderId: input.orderId, reviewerId: input.actor.id, claimedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: t.reviewClaims.orderId,
      set: { reviewerId: input.actor.id, claimedAt: now, expiresAt },
      setWhere: sql`${t.reviewClaims.expiresAt} <= ${now.toISOString()}::timestamptz or ${t.reviewClaims.reviewerId} = ${input.actor.id}::uuid`,
    });
  return holder(db, input.orderId, input.actor, now);
}

/** Taking over another reviewer's claim, on purpose: the claim moves and the takeover is audited. */
export async function takeOverClaim(db: Db, input: { orderId: string; actor: Staff; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    const [order] = await tx.select({ number: t.orders.number, state: t.orders.state, subjectId: t.orders.subjectId }).from(t.orders).where(eq(t.orders.id, input.orderId));
    if (!order) throw new PublicError('未找到该订单。');
    if (order.state !== 'SUBMITTED') throw new PublicError('该订单已不在待初审状态，无需接手。');
    const before = await holder(tx, input.orderId, input.actor, now);
    await tx
      .insert(t.reviewClaims)
      .values({ orderId: input.orderId, reviewerId: input.actor.id, claimedAt: now, expiresAt: new Date(now.getTime() + CLAIM_MS) })
      .onConflictDoUpdate({ target: t.reviewClaims.orderId, set: { reviewerId: input.actor.id, claimedAt: now, expiresAt: new Date(now.getTime() + CLAIM_MS) } });
    if (before && !before.mine) {
      await writeAudit(tx, { action: 'review.takeover', actorId: input.actor.id, entityType: 'order', entityId: input.orderId, subjectId: order.subjectId, details: { number: order.number, from: before.reviewerName } });
    }
  });
}

/** A decision by someone other than the running claim's holder is refused: they must take it over first. */
export async function assertMayDecide(tx: Tx, orderId: string, actor: Staff, now = new Date()): Promise<void> {
  const claim = await holder(tx, orderId, actor, now);
  if (claim && !claim.mine) throw new PublicError(`${claim.reviewerName}正在审核此订单（剩余 ${minutesLeft(claim, now)} 分钟），如需处理请先点击“接手审核”。`);
}

export async function releaseClaim(tx: Tx, orderId: string): Promise<void> {
  await tx.delete(t.reviewClaims).where(eq(t.reviewClaims.orderId, orderId));
}

export function minutesLeft(claim: { expiresAt: Date }, now = new Date()): number {
  return Math.max(1, Math.ceil((claim.expiresAt.getTime() - now.getTime()) / 60_000));
}
