import type { Db } from '../client';
import { approveFirstReview } from '../orders/gateway';
import { assertOrderStillIn, transitionOrder, type Actor, type OrderRow } from '../orders/transition';
import { NotFoundError, PublicError } from '@/lib/errors';
import { REJECTION_REASONS } from '@/lib/remediation/rejection-reasons';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import type { RejectionEntry } from '@/lib/orders/payload';
import { mayRejectForPhone } from '@/lib/orders/phone-check';
import { phoneAttemptsOf } from './phone';
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

/**
 * 初审通过 needs every checklist item ticked, or a written reason for each one left unticked (not applicable,
 * checked another way): a silent approval with nothing checked is refused here, whatever the form sent.
 */
export async function approveOrder(
  db: Db,
  input: { orderId: string; actor: Actor; checklist?: readonly string[]; unticked?: Readonly<Record<string, string | null | undefined>> },
): Promise<OrderRow> {
  assertStaff(input.actor);
  await assertOrderStillIn(db, input.orderId, 'SUBMITTED');
  // Someone else's claim is said first: their review, not this checklist, is what stands in the way.
  await assertMayDecide(db, input.orderId, input.actor);
  const ticked = REVIEW_CHECKLIST.filter((c) => input.checklist?.includes(c.id));
  const skipped = REVIEW_CHECKLIST.filter((c) => !input.checklist?.includes(c.id)).map((c) => ({ item: c, why: input.unticked?.[c.id]?.trim() ?? '' }));
  const missing = skipped.filter((s) => s.why.length < UNTICKED_REASON_MIN);
  if (missing.length > 0) {
    throw new PublicError(
      `初审通过前请勾选全部核对项，或为每个未勾选的项填写原因（还有 ${missing.length} 项）。`,
      Object.fromEntries(missing.map((s) => [`unticked.${s.item.id}`, [`未勾选“${s.item.label}”：请填写原因。`]])),
    );
  }
  const notes = skipped.map((s) => `${s.item.label}（未勾选，原因：${s.why}）`);
  const moved = await approveFirstReview(db, {
    orderId: input.orderId,
    actor: input.actor,
    expectedState: 'SUBMITTED',
    reason: `初审通过（核对清单已勾选 ${ticked.length}/${REVIEW_CHECKLIST.length} 项${notes.length ? `；${notes.join('；')}` : ''}）`,
  });
  await releaseClaim(db, input.orderId);
  return moved;
}

/** A reason for an unticked checklist item is at least this long (a word, not a stray character). */
export const UNTICKED_REASON_MIN = 2;

export async function rejectOrder(
  db: Db,
  input: { orderId: string; actor: Actor; reasons: readonly { code: string; field?: string | null; note?: string | null }[]; note?: string | null },
): Promise<OrderRow> {
  assertStaff(input.actor);
  await assertOrderStillIn(db, input.orderId, 'SUBMITTED');
  if (input.reasons.length === 0) throw new PublicError('请至少选择一条驳回原因。', { reasons: ['请至少选择一条驳回原因。'] });
  const rejection: RejectionEntry[] = input.reasons.map((r) => {
    const known = REJECTION_REASONS.find((x) => x.code === r.code);
    if (!known) throw new PublicError('驳回原因无效，请重新选择。');
    return { code: r.code, field: r.field || null, note: r.note?.trim() || null };
  });
  // 001 2.2: 驳回 for an unreachable phone only after the whole procedure (retry after an hour, 应急联系电话).
  if (rejection.some((r) => r.code === 'FIRST_REVIEW_PHONE_UNREACHABLE') && !mayRejectForPhone(await phoneAttemptsOf(db, input.orderId), new Date())) {
    throw new PublicError('请先按电话核验规程拨打并记录：首次未接通 1 小时后再拨，仍未接通再拨打应急联系电话；均无人接听后才能以“初审电话无法接通”驳回。');
  }
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
