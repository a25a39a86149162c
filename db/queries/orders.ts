import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import type { FindingCodeValue, OrderState } from '@/lib/domain/codes';
import { OPEN_ORDER_STATES } from '@/lib/domain/codes';

/** 我的订单 filters: 进行中 (open), 已完成 (approved), 已关闭 (stopped without effect). */
export const ORDER_GROUPS = {
  open: { label: '进行中', states: [...OPEN_ORDER_STATES] as OrderState[] },
  done: { label: '已完成', states: ['APPROVED'] as OrderState[] },
  closed: { label: '已关闭', states: ['ABANDONED', 'WITHDRAWN', 'EXPIRED'] as OrderState[] },
} as const;
export type OrderGroup = keyof typeof ORDER_GROUPS;

export async function listOrdersForOwner(tx: Tx, ownerId: string, group?: OrderGroup) {
  const where = group ? and(eq(t.orders.ownerId, ownerId), inArray(t.orders.state, ORDER_GROUPS[group].states)) : eq(t.orders.ownerId, ownerId);
  return tx
    .select({
      id: t.orders.id,
      number: t.orders.number,
      type: t.orders.type,
      state: t.orders.state,
      updatedAt: t.orders.updatedAt,
      subjectName: t.subjects.name,
      websiteName: t.websites.name,
      payload: t.orders.payload,
    })
    .from(t.orders)
    .leftJoin(t.subjects, eq(t.subjects.id, t.orders.subjectId))
    .leftJoin(t.websites, eq(t.websites.id, t.orders.websiteId))
    .where(where)
    .orderBy(desc(t.orders.updatedAt));
}

export type TimelineEntry = { id: number; event: string; fromState: OrderState | null; toState: OrderState; reason: string | null; at: Date; actorRole: 'filer' | 'reviewer' | 'admin' | null };

/** The order's whole history, oldest first, with the acting user's role (null = the system). */
export async function orderTimeline(tx: Tx, orderId: string): Promise<TimelineEntry[]> {
  const rows = await tx
    .select({ id: t.orderEvents.id, event: t.orderEvents.event, fromState: t.orderEvents.fromState, toState: t.orderEvents.toState, reason: t.orderEvents.reason, at: t.orderEvents.createdAt, actorRole: t.users.role })
    .from(t.orderEvents)
    .leftJoin(t.users, eq(t.users.id, t.orderEvents.actorId))
    .where(eq(t.orderEvents.orderId, orderId))
    .orderBy(asc(t.orderEvents.id));
  return rows;
}

export async function orderFindingCodes(tx: Tx, orderId: string): Promise<{ id: string; code: FindingCodeValue }[]> {
  return tx
    .select({ id: t.findings.id, code: t.findings.code })
    .from(t.orderFindings)
    .innerJoin(t.findings, eq(t.findings.id, t.orderFindings.findingId))
    .where(eq(t.orderFindings.orderId, orderId));
}

export async function orderLabels(tx: Tx, order: { subjectId: string | null; websiteId: string | null }) {
  const [s] = order.subjectId ? await tx.select({ name: t.subjects.name, icpNumber: t.subjects.icpNumber }).from(t.subjects).where(eq(t.subjects.id, order.subjectId)) : [];
  const [w] = order.websiteId ? await tx.select({ name: t.websites.name, icpNumber: t.websites.icpNumber }).from(t.websites).where(eq(t.websites.id, order.websiteId)) : [];
  return { subject: s ?? null, website: w ?? null };
}
