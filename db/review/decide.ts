import type { Db } from '../client';
import { approveFirstReview } from '../orders/gateway';
import { transitionOrder, type Actor, type OrderRow } from '../orders/transition';
import { NotFoundError, PublicError } from '@/lib/errors';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import type { RejectionEntry } from '@/lib/orders/payload';
import { writeAudit } from '../audit';
import { assertMayDecide, releaseClaim } from './claims';

// The 初审 decisions. Both always expect SUBMITTED: of two reviewers acting at once exactly one decision
// lands, and the other gets transitionOrder's ConflictError naming who decided.

export type StaffActor = Extract<Actor, { id: string }>;

/** Reviewer or admin; a filer learns nothing (404), even before the order is read. */
export function assertStaff(actor: Actor): asserts actor is StaffActor {
  if (actor.role === 'filer') throw new NotFoundError();
  if (actor.role !== 'reviewer' && actor.role !== 'admin') throw new PublicError('您没有执行此操作的权限。');
}

export async function approveOrder(db: Db, input: { orderId: string; actor: Actor; checklist?: readonly string[] }): Promise<OrderRow> {
  assertStaff(input.actor);
  const ticked = REVIEW_CHECKLIST.filter((c) => input.checklist?.includes(c.id)).length;
  await assertMayDecide(db, input.orderId, input.actor);
  const moved = await approveFirstReview(db, {
    orderId: input.orderId,
    actor: input.actor,
    expectedState: 'SUBMITTED',
    reason: `初审通过（核对清单已勾选 ${ticked}/${REVIEW_CHECKLIST.length} 项）`,
  });
  await releaseClaim(db, input.orderId);
  return moved;
}

export async function rejectOrder(
  db: Db,
  input: { orderId: string; actor: Actor; reasons: readonly { code: string; field?: string | null; note?: string | null }[]; note?: string | null },
): Promise<OrderRow> {
  assertStaff(input.actor);
  if (input.reasons.length === 0) throw new PublicError('请至少选择一条驳回原因。', { reasons: ['请至少选择一条驳回原因。'] });
  const rejection: RejectionEntry[] = input.reasons.map((r) => {
    const known = REJECTION_REASONS.find((x) => x.code === r.code);
    if (!known) throw new PublicError('驳回原因无效，请重新选择。');
    return { code: r.code, field: r.field || null, note: r.note?.trim() || null };
  });
  const note = input.note?.trim() || null;
  // The history row says why in words the filer understands.
  const reason = [rejection.map((r) => REJECTION_REASONS.find((x) => x.code === r.code)!.reason).join(''), note].filter(Boolean).join(' ');
  await assertMayDecide(db, input.orderId, input.actor);
  const moved = await transitionOrder(db, {
    orderId: input.orderId,
    event: 'reject_first_review',
    actor: input.actor,
    expectedState: 'SUBMITTED',
    reason,
    patch: { rejection, rejectionNote: note },
  });
  await releaseClaim(db, input.orderId);
  return moved;
}

/** Showing a full 身份证号 on the review page is an access to personal data: recorded, always. */
export async function recordPiiView(db: Db, input: { orderId: string; actor: Actor; subjectId: string | null; fields: string[] }) {
  assertStaff(input.actor);
  await writeAudit(db, {
    actorId: input.actor.id,
    action: 'pii.view',
    entityType: 'order',
    entityId: input.orderId,
    subjectId: input.subjectId,
    details: { fields: input.fields },
  });
}
