import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { newOrderNumber } from '@/lib/orders/number';
import type { Db, Tx } from './client';
import * as t from './schema';
import { assertAdmin, type AdminActor } from './admin/guard';
import { transitionOrder } from './orders/transition';
import { PublicError } from '@/lib/errors';
import { OPEN_ORDER_STATES, UNRESOLVED_FINDING_STATUSES, type OrderState } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { todayIso } from '@/lib/time';
import { writeAudit } from './audit';

// 取消接入 for filings whose 整改期 passed (SPEC 4 T3, 5): it takes effect at once and cannot be undone.

/** A finding is overdue when marked so, or when its deadline passed while still unresolved. */
const overdueFinding = () =>
  and(
    inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES),
    or(eq(t.findings.status, 'overdue'), sql`${t.findings.deadline} < ${todayIso()}`),
  );

export type OverdueFiling = { subjectId: string; name: string; icpNumber: string; overdue: number; earliest: string };

export async function listOverdueFilings(tx: Tx): Promise<OverdueFiling[]> {
  return tx
    .select({
      subjectId: t.subjects.id,
      name: t.subjects.name,
      icpNumber: t.subjects.icpNumber,
      overdue: sql<number>`count(*)::int`,
      earliest: sql<string>`min(${t.findings.deadline})::text`,
    })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .where(and(eq(t.subjects.status, 'active'), overdueFinding()))
    .groupBy(t.subjects.id)
    .orderBy(sql`min(${t.findings.deadline})`, asc(t.subjects.name));
}

export type CancelAccessImpact = {
  subjectId: string;
  name: string;
  icpNumber: string;
  websites: { name: string; icpNumber: string; domains: string[] }[];
  openOrders: { id: string; number: string; type: string; state: OrderState; stop: 'abandon' | 'withdraw' | null }[];
  unresolvedFindings: number;
};

/** Exactly what a cancellation will touch, for the confirmation step (and re-checked when it runs). */
export async function cancelAccessImpact(tx: Tx, subjectIds: string[]): Promise<CancelAccessImpact[]> {
  if (subjectIds.length === 0) return [];
  const eligible = await listOverdueFilings(tx);
  const out: CancelAccessImpact[] = [];
  for (const s of eligible.filter((e) => subjectIds.includes(e.subjectId))) {
    const sites = await tx
      .select({ id: t.websites.id, name: t.websites.name, icpNumber: t.websites.icpNumber })
      .from(t.websites)
      .where(and(eq(t.websites.subjectId, s.subjectId), eq(t.websites.status, 'active')))
      .orderBy(asc(t.websites.icpNumber));
    const doms = sites.length
      ? await tx.select({ websiteId: t.domains.websiteId, name: t.domains.name }).from(t.domains).where(and(inArray(t.domains.websiteId, sites.map((w) => w.id)), isNull(t.domains.removedAt)))
      : [];
    const orders = await tx
      .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state })
      .from(t.orders)
      .where(and(eq(t.orders.subjectId, s.subjectId), inArray(t.orders.state, OPEN_ORDER_STATES)));
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(t.findings)
      .where(and(eq(t.findings.subjectId, s.subjectId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)))) as [{ n: number }];
    out.push({
      subjectId: s.subjectId,
      name: s.name,
      icpNumber: s.icpNumber,
      websites: sites.map((w) => ({ name: w.name, icpNumber: w.icpNumber, domains: doms.filter((d) => d.websiteId === w.id).map((d) => d.name) })),
      openOrders: orders.map((o) => ({ ...o, stop: stopEvent(o.state) })),
      unresolvedFindings: n,
    });
  }
  return out;
}

/** How an open order is stopped first: 放弃 where the filer could, 撤销 before the 管局 has it; never once with the 管局. */
function stopEvent(state: OrderState): 'abandon' | 'withdraw' | null {
  if (state === 'DRAFT' || state === 'FIRST_REVIEW_REJECTED' || state === 'RETURNED' || state === 'REGULATOR_REJECTED') return 'abandon';
  if (state === 'SUBMITTED' || state === 'PENDING_SMS') return 'withdraw';
  return null;
}

export const CANCEL_ACCESS_REASON = '整改期限已过仍未完成整改，接入商取消接入。';

/**
 * Cancels access for each subject, one transaction per subject: stop its open order, create and submit a
 * CANCEL_ACCESS order (APPROVED at once; the filing becomes 已取消接入), move its unresolved findings to
 * access_cancelled, audit. A subject that fails (no longer overdue, order with the 管局) is reported and
 * leaves nothing behind; the others still go through.
 */
export async function cancelAccess(
  db: Db,
  input: { actor: AdminActor; subjectIds: string[]; baseUrl?: string },
): Promise<{ subjectId: string; ok: boolean; message: string }[]> {
  assertAdmin(input.actor);
  const results: { subjectId: string; ok: boolean; message: string }[] = [];
  for (const subjectId of [...new Set(input.subjectIds)]) {
    try {
      const number = await db.transaction((tx) => cancelOne(tx, input.actor, subjectId, input.baseUrl));
      results.push({ subjectId, ok: true, message: `已取消接入（订单 ${number}）。` });
    } catch (err) {
      if (!(err instanceof PublicError)) throw err;
      results.push({ subjectId, ok: false, message: err.message });
    }
  }
  return results;
}

async function cancelOne(tx: Tx, actor: AdminActor, subjectId: string, baseUrl?: string): Promise<string> {
  // Lock the subject so two operators cancelling at once serialise; the second finds it no longer eligible.
  await tx.execute(sql`select id from subjects where id = ${subjectId} for update`);
  const [impact] = await cancelAccessImpact(tx, [subjectId]);
  if (!impact) throw new PublicError('该主体当前没有逾期未整改的不合格项，或已取消接入。');
  const db = tx as unknown as Db; // transitionOrder nests as a savepoint inside this transaction
  for (const o of impact.openOrders) {
    if (!o.stop) throw new PublicError(`${impact.name}的订单 ${o.number}${ORDER_STATE_LABELS[o.state]}，管局处理期间不能取消接入。`);
    await transitionOrder(db, { orderId: o.id, event: o.stop, actor, expectedState: o.state, reason: `${CANCEL_ACCESS_REASON}取消接入前由运营人员终止此订单。`, baseUrl });
  }
  const [subject] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  const [order] = await tx
    .insert(t.orders)
    .values({
      number: newOrderNumber(),
      type: 'CANCEL_ACCESS',
      ownerId: subject!.ownerId,
      subjectId,
      provinceCode: subject!.provinceCode,
      payload: { type: 'CANCEL_ACCESS', reason: CANCEL_ACCESS_REASON, confirmed: true },
    })
    .returning();
  await transitionOrder(db, { orderId: order!.id, event: 'submit', actor, expectedState: 'DRAFT', reason: CANCEL_ACCESS_REASON, baseUrl });
  await tx
    .update(t.findings)
    .set({ status: 'access_cancelled' })
    .where(and(eq(t.findings.subjectId, subjectId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
  await writeAudit(tx, {
    actorId: actor.id,
    action: 'subject.cancel_access',
    entityType: 'subject',
    entityId: subjectId,
    subjectId,
    details: {
      number: order!.number,
      websites: impact.websites.map((w) => w.icpNumber),
      stoppedOrders: impact.openOrders.map((o) => o.number),
      findings: impact.unresolvedFindings,
    },
  });
  return order!.number;
}
