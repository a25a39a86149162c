import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { enqueue, type OutboxMessage } from '../queries/outbox';
import { applyApprovedOrder } from './apply';
import { ConflictError, NotFoundError, PublicError } from '@/lib/errors';
import {
  EVENT_ACTORS,
  ORDER_STATE_LABELS,
  operatorMayAct,
  orderExpiresAt,
  nextState,
  type OrderEvent,
} from '@/lib/orders/state-machine';
import { ORDER_TYPE_NAMES, orderEventEmail } from '@/lib/notify/order-emails';
import { endPendingRequests } from '../findings/end-pending';
import { settleFindings } from '../findings/settle';
import { STALE_ORDER_MESSAGE } from '@/lib/orders/version';
import type { OrderState, Role } from '@/lib/domain/codes';
import { maskPersonalText } from '@/lib/privacy/mask';
import { now as clockNow } from '@/lib/clock';
import { writeAudit } from '../audit';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

export type OrderRow = typeof t.orders.$inferSelect;
export type Actor = { id: string; role: Role } | { id: null; role: 'system' };

export type TransitionInput = {
  orderId: string;
  event: OrderEvent;
  actor: Actor;
  /** The state the caller saw. A stale tab or a second reviewer gets a ConflictError, never a double move. */
  expectedState?: OrderState;
  reason?: string | null;
  /** Extra columns written with the move (rejection reasons, SMS code hash, …). */
  patch?: Partial<Pick<OrderRow, 'rejection' | 'rejectionNote' | 'smsCodeHash' | 'smsSentAt' | 'smsFailures' | 'payload'>>;
  /** The order version the caller saw (a wizard tab): an older one is refused as a stale tab, nothing written. */
  expectedVersion?: number;
  /** Further writes inside the same transaction (e.g. the simulated gateway's SMS), given the moved order. */
  alsoInTx?: (tx: Tx, order: OrderRow) => Promise<OutboxMessage[] | void>;
  baseUrl?: string;
};

/**
 * The one function through which every order changes state. In one transaction it checks the transition
 * against the state machine and the actor, writes the new state conditionally on the old one (zero rows =
 * someone else moved first), appends the history row, applies an approval's effects to the filing, moves
 * linked findings, writes the audit event and queues the e-mails.
 */
export async function transitionOrder(db: Db, input: TransitionInput): Promise<OrderRow> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(t.orders).where(eq(t.orders.id, input.orderId));
    if (!order) throw new NotFoundError();
    authorise(order, input.actor, input.event, input.reason);
    if (input.expectedState && order.state !== input.expectedState) throw await movedFirst(tx, order);
    if (input.expectedVersion !== undefined && order.version !== input.expectedVersion) throw new ConflictError(STALE_ORDER_MESSAGE);
    const to = nextState(order.type, order.state, input.event);
    if (!to) throw new PublicError(`订单当前状态为“${ORDER_STATE_LABELS[order.state]}”，无法执行此操作。`);

    const now = clockNow();
    const submitting = input.event === 'submit' || input.event === 'resubmit';
    const [moved] = await tx
      .update(t.orders)
      .set({
        ...input.patch,
        state: to,
        updatedAt: now,
        version: sql`${t.orders.version} + 1`,
        ...(input.event === 'submit'
          ? { submittedAt: now, expiresAt: orderExpiresAt(now) }
          : {}),
        // The 初审 clock runs from the latest submission; the 45-day validity still counts from the first.
        ...(input.event === 'resubmit' ? { submittedAt: now } : {}),
        ...(submitting ? { rejection: null, rejectionNote: null } : {}),
        ...(input.actor.role === 'reviewer' || input.actor.role === 'admin' ? { decidedBy: input.actor.id } : {}),
      })
      .where(and(eq(t.orders.id, order.id), eq(t.orders.state, order.state)))
      .returning();
    if (!moved) throw await movedFirst(tx, order);

    await tx.insert(t.orderEvents).values({
      orderId: order.id,
      actorId: input.actor.id,
      event: input.event,
      fromState: order.state,
      toState: to,
      reason: input.reason ?? null,
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: `order.${input.event}`,
      entityType: 'order',
      entityId: order.id,
      subjectId: order.subjectId,
      // The audit log is a log: a reviewer's note keeps its words, not a whole 身份证号 or mobile (SECURITY.md).
      details: { number: order.number, from: order.state, to, reason: maskPersonalText(input.reason ?? null) },
    });

    await moveLinkedFindings(tx, order.id, to, submitting);
    if (to === 'APPROVED') {
      await applyApprovedOrder(tx, moved);
      // Findings this order closed take their pending 复核 and 延期 with them.
      const cause = input.event === 'cancel_access' ? `运营人员取消接入：${input.reason ?? ''}` : `${ORDER_TYPE_NAMES[order.type]}订单 ${order.number} 已办结`;
      await endPendingRequests(tx, { cause, actorId: input.actor.id, baseUrl: input.baseUrl });
    }

    const extra = (await input.alsoInTx?.(tx, moved)) ?? [];
    const [owner] = await tx.select({ email: t.users.email, name: t.users.name }).from(t.users).where(eq(t.users.id, order.ownerId));
    const mail = await orderEventEmail({ order: moved, event: input.event, to, reason: input.reason ?? null, baseUrl: input.baseUrl });
    await enqueue(tx, [...(mail && owner ? [{ channel: 'email' as const, recipient: owner.email, ...mail }] : []), ...extra]);
    return moved;
  });
}

function authorise(order: OrderRow, actor: Actor, event: OrderEvent, reason?: string | null) {
  const need = EVENT_ACTORS[event];
  const ok =
    (actor.role === 'admin' && operatorMayAct(order.type, event, reason)) ||
    (need === 'owner' && actor.role === 'filer' && actor.id === order.ownerId) ||
    (need === 'reviewer' && (actor.role === 'reviewer' || actor.role === 'admin')) ||
    (need === 'regulator' && actor.role === 'admin') ||
    (need === 'system' && actor.role === 'system');
  // A filer touching someone else's order learns nothing about it.
  if (!ok) throw actor.role === 'filer' ? new NotFoundError() : new PublicError('您没有执行此操作的权限。');
}

/**
 * Says who moved first before any other check of a decision: a stale tab is told the order was decided,
 * not asked to finish a checklist for a decision that can no longer land.
 */
export async function assertOrderStillIn(db: Db | Tx, orderId: string, expected: OrderState): Promise<void> {
  const [order] = await db.select().from(t.orders).where(eq(t.orders.id, orderId));
  if (!order) throw new NotFoundError();
  if (order.state !== expected) throw await movedFirst(db, order);
}

async function movedFirst(tx: Db | Tx, order: OrderRow): Promise<ConflictError> {
  const [latest] = await tx
    .select({ toState: t.orderEvents.toState, name: t.users.name, at: t.orderEvents.createdAt })
    .from(t.orderEvents)
    .leftJoin(t.users, eq(t.users.id, t.orderEvents.actorId))
    .where(eq(t.orderEvents.orderId, order.id))
    .orderBy(desc(t.orderEvents.id))
    .limit(1);
  const who = latest?.name ? `${latest.name}已` : '已有人';
  return new ConflictError(`该订单${who}处理（当前状态：${ORDER_STATE_LABELS[latest?.toState ?? order.state]}），请刷新后查看。`);
}

/** Findings follow their order: in progress while it runs, resolved when approved, open again if it stops. */
async function moveLinkedFindings(tx: Tx, orderId: string, to: OrderState, submitting: boolean) {
  const linked = tx.select({ id: t.orderFindings.findingId }).from(t.orderFindings).where(eq(t.orderFindings.orderId, orderId));
  if (to === 'APPROVED') {
    await tx
      .update(t.findings)
      .set({ status: 'resolved', resolvedAt: clockNow() })
      .where(and(inArray(t.findings.id, linked), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
  } else if (submitting) {
    await tx.update(t.findings).set({ status: 'in_progress' }).where(and(inArray(t.findings.id, linked), eq(t.findings.status, 'open')));
  } else if (to === 'ABANDONED' || to === 'WITHDRAWN' || to === 'EXPIRED') {
    // Back to open (or overdue) unless a 复核 still works on it.
    const ids = (await linked).map((r) => r.id);
    await settleFindings(tx, ids);
  }
}
