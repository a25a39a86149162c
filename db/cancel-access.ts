import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { newOrderNumber } from '@/lib/orders/number';
import type { Db, Tx } from './client';
import * as t from './schema';
import { assertAdmin, type AdminActor } from './admin/guard';
import { transitionOrder } from './orders/transition';
import { PublicError } from '@/lib/errors';
import { OPEN_ORDER_STATES, UNRESOLVED_FINDING_STATUSES, type OrderState } from '@/lib/domain/codes';
import { ORDER_STATE_LABELS } from '@/lib/orders/state-machine';
import { todayIso } from '@/lib/time';
import { byIcpNumber } from '@/lib/filings/sort';
import { endPendingRequests } from './findings/end-pending';
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
  /** 'subject' when a subject-level finding is overdue; otherwise only the websites whose own findings are. */
  scope: 'subject' | 'website';
  websites: { id: string; name: string; icpNumber: string; domains: string[] }[];
  openOrders: { id: string; number: string; type: string; state: OrderState; stop: 'abandon' | 'withdraw' | null }[];
  unresolvedFindings: number;
};

/** Exactly what a cancellation will touch, for the confirmation step (and re-checked when it runs). */
export async function cancelAccessImpact(tx: Tx, subjectIds: string[]): Promise<CancelAccessImpact[]> {
  if (subjectIds.length === 0) return [];
  const eligible = await listOverdueFilings(tx);
  const out: CancelAccessImpact[] = [];
  for (const s of eligible.filter((e) => subjectIds.includes(e.subjectId))) {
    const overdue = await tx
      .select({ websiteId: t.findings.websiteId })
      .from(t.findings)
      .where(and(eq(t.findings.subjectId, s.subjectId), overdueFinding()));
    const scope = overdue.some((f) => f.websiteId === null) ? 'subject' : 'website';
    const overdueSites = new Set(overdue.map((f) => f.websiteId));
    const sites = byIcpNumber(
      await tx
        .select({ id: t.websites.id, name: t.websites.name, icpNumber: t.websites.icpNumber })
        .from(t.websites)
        .where(and(eq(t.websites.subjectId, s.subjectId), eq(t.websites.status, 'active'))),
    ).filter((w) => scope === 'subject' || overdueSites.has(w.id));
    if (sites.length === 0 && scope === 'website') continue;
    const siteIds = sites.map((w) => w.id);
    const doms = sites.length
      ? await tx.select({ websiteId: t.domains.websiteId, name: t.domains.name }).from(t.domains).where(and(inArray(t.domains.websiteId, siteIds), isNull(t.domains.removedAt)))
      : [];
    // The findings that close with the access: all of the subject's, or those of the websites cut off.
    const closing = scope === 'subject' ? undefined : siteIds.length ? inArray(t.findings.websiteId, siteIds) : sql`false`;
    const affected = and(eq(t.findings.subjectId, s.subjectId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES), closing);
    // Orders stop when they work on what is cut off: every open order for the whole subject; for some websites,
    // the orders on those websites or for their findings. An order on another website goes on.
    const orders = await tx
      .selectDistinct({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state })
      .from(t.orders)
      .leftJoin(t.orderFindings, eq(t.orderFindings.orderId, t.orders.id))
      .leftJoin(t.findings, eq(t.findings.id, t.orderFindings.findingId))
      .where(
        and(
          eq(t.orders.subjectId, s.subjectId),
          inArray(t.orders.state, OPEN_ORDER_STATES),
          scope === 'subject' ? undefined : or(siteIds.length ? inArray(t.orders.websiteId, siteIds) : sql`false`, and(isNotNull(t.findings.id), affected)),
        ),
      );
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(t.findings).where(affected)) as [{ n: number }];
    out.push({
      subjectId: s.subjectId,
      name: s.name,
      icpNumber: s.icpNumber,
      scope,
      websites: sites.map((w) => ({ id: w.id, name: w.name, icpNumber: w.icpNumber, domains: doms.filter((d) => d.websiteId === w.id).map((d) => d.name) })),
      openOrders: orders.map((o) => ({ ...o, stop: stopEvent(o.state) })),
      unresolvedFindings: n,
    });
  }
  return out;
}

/** How an open order is stopped first: 放弃 where the filer could, 撤销 before the 管局 has it; never once with the 管局. */
function stopEvent(state: OrderState): 'abandon' | 'withdraw' | null {
  if (state === 'DRAFT' || state === 'FIRST_REVIEW_REJECTED' || state === 'RETURNED' || state === 'REGULATOR_REJECTED') return 'abandon';
  if (state === 'SUBMITTED') return 'withdraw';
  return null;
}

/** The operator's reason is required: it goes into the history, the audit log and the filer's e-mail. */
export const CANCEL_ACCESS_REASON_MIN = 4;

export type CancelAccessResult = { subjectId: string; ok: boolean; message: string; scope?: 'subject' | 'website'; websites?: number };

/**
 * Cancels access for each subject, one transaction per subject: stop the open orders working on what is cut
 * off, create and apply a CANCEL_ACCESS order per scope (the whole subject when a subject-level finding is
 * overdue, else one per website whose own findings are), move the affected unresolved findings to
 * access_cancelled, end their pending 复核 and 延期, audit. A subject that fails (no longer overdue, order with
 * the 管局) is reported and leaves nothing behind; the others still go through.
 */
export async function cancelAccess(
  db: Db,
  input: { actor: AdminActor; subjectIds: string[]; reason: string; baseUrl?: string },
): Promise<CancelAccessResult[]> {
  assertAdmin(input.actor);
  const reason = input.reason?.trim() ?? '';
  if (reason.length < CANCEL_ACCESS_REASON_MIN) {
    const msg = `请填写取消接入的原因（至少 ${CANCEL_ACCESS_REASON_MIN} 个字），它将写入订单记录并通知备案用户。`;
    throw new PublicError(msg, { reason: [msg] });
  }
  const results: CancelAccessResult[] = [];
  for (const subjectId of [...new Set(input.subjectIds)]) {
    try {
      const done = await db.transaction((tx) => cancelOne(tx, input.actor, subjectId, reason, input.baseUrl));
      const what = done.scope === 'subject' ? '已取消接入' : `已取消 ${done.websites} 个逾期网站的接入`;
      results.push({ subjectId, ok: true, message: `${what}（订单 ${done.numbers.join('、')}）。`, scope: done.scope, websites: done.websites });
    } catch (err) {
      if (!(err instanceof PublicError)) throw err;
      results.push({ subjectId, ok: false, message: err.message });
    }
  }
  return results;
}

async function cancelOne(tx: Tx, actor: AdminActor, subjectId: string, reason: string, baseUrl?: string) {
  // Lock the subject so two operators cancelling at once serialise; the second finds it no longer eligible.
  await tx.execute(sql`select id from subjects where id = ${subjectId} for update`);
  const [impact] = await cancelAccessImpact(tx, [subjectId]);
  if (!impact) throw new PublicError('该主体当前没有逾期未整改的不合格项，或已取消接入。');
  const db = tx as unknown as Db; // transitionOrder nests as a savepoint inside this transaction
  const why = `运营人员取消接入：${reason}`;
  for (const o of impact.openOrders) {
    if (!o.stop) throw new PublicError(`${impact.name}的订单 ${o.number}${ORDER_STATE_LABELS[o.state]}，管局处理期间不能取消接入。`);
    await transitionOrder(db, { orderId: o.id, event: o.stop, actor, expectedState: o.state, reason: `${why}（取消接入前由运营人员终止此订单）`, baseUrl });
  }
  // The findings close first, so their pending 复核 and 延期 end with the operator's reason, not the order's.
  const siteIds = impact.websites.map((w) => w.id);
  await tx
    .update(t.findings)
    .set({ status: 'access_cancelled' })
    .where(
      and(
        eq(t.findings.subjectId, subjectId),
        inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES),
        impact.scope === 'subject' ? undefined : siteIds.length ? inArray(t.findings.websiteId, siteIds) : sql`false`,
      ),
    );
  await endPendingRequests(tx, { cause: why, actorId: actor.id, subjectId, baseUrl });
  const [subject] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  const targets = impact.scope === 'subject' ? [null] : impact.websites.map((w) => w.id);
  const numbers: string[] = [];
  for (const websiteId of targets) {
    const [order] = await tx
      .insert(t.orders)
      .values({
        number: newOrderNumber(),
        type: 'CANCEL_ACCESS',
        ownerId: subject!.ownerId,
        subjectId,
        websiteId,
        provinceCode: subject!.provinceCode,
        payload: { type: 'CANCEL_ACCESS', reason, confirmed: true },
      })
      .returning();
    // The one history row written outside transitionOrder: it creates the order rather than moving it.
    await tx.insert(t.orderEvents).values({ orderId: order!.id, actorId: actor.id, event: 'create', fromState: null, toState: 'DRAFT', reason: why });
    await transitionOrder(db, { orderId: order!.id, event: 'cancel_access', actor, expectedState: 'DRAFT', reason, baseUrl });
    numbers.push(order!.number);
  }
  await writeAudit(tx, {
    actorId: actor.id,
    action: 'subject.cancel_access',
    entityType: 'subject',
    entityId: subjectId,
    subjectId,
    details: {
      number: numbers.join('、'),
      scope: impact.scope,
      reason,
      websites: impact.websites.map((w) => w.icpNumber),
      stoppedOrders: impact.openOrders.map((o) => o.number),
      findings: impact.unresolvedFindings,
    },
  });
  return { scope: impact.scope, websites: impact.websites.length, numbers };
}
