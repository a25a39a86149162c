import 'server-only';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { isUuid } from './filings';
import type { CurrentFiling } from '@/lib/orders/diff';
import type { PrincipalData } from '@/lib/orders/payload';

// Everything the reviewer's order page shows, read in one place: the order, the filing as it stands (for the
// before → after), the materials, the linked findings and the subject's history.

type PrincipalRow = typeof t.principals.$inferSelect;
const asPrincipal = (p: PrincipalRow | undefined): PrincipalData | null =>
  p
    ? { name: p.name, idType: p.idType, idNumber: p.idNumber, idValidUntil: p.idValidUntil, mobile: p.mobile, landline: p.landline, emergencyMobile: p.emergencyMobile, email: p.email }
    : null;

async function principal(tx: Tx, id: string | undefined) {
  if (!id) return null;
  const [p] = await tx.select().from(t.principals).where(eq(t.principals.id, id));
  return asPrincipal(p);
}

export async function currentFilingFor(tx: Tx, subjectId: string | null, websiteId: string | null): Promise<CurrentFiling> {
  const [s] = subjectId ? await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId)) : [];
  const [w] = websiteId ? await tx.select().from(t.websites).where(eq(t.websites.id, websiteId)) : [];
  const domains = w
    ? await tx.select({ id: t.domains.id, name: t.domains.name }).from(t.domains).where(and(eq(t.domains.websiteId, w.id), isNull(t.domains.removedAt))).orderBy(asc(t.domains.createdAt), asc(t.domains.name))
    : [];
  const [access] = w
    ? await tx.select({ ips: t.accessRecords.ips }).from(t.accessRecords).where(and(eq(t.accessRecords.websiteId, w.id), eq(t.accessRecords.active, true)))
    : [];
  return {
    subject: s
      ? { name: s.name, nature: s.nature, certType: s.certType, certNumber: s.certNumber, certAddress: s.certAddress, provinceCode: s.provinceCode, mailingAddress: s.mailingAddress, legalRepName: s.legalRepName, status: s.status }
      : null,
    subjectPrincipal: await principal(tx, s?.principalId),
    website: w
      ? { name: w.name, serviceContent: w.serviceContent, status: w.status, principal: await principal(tx, w.principalId), domains, ips: access?.ips ?? [] }
      : null,
  };
}

export async function getOrderForReview(tx: Tx, orderId: string) {
  if (!isUuid(orderId)) return null;
  const [order] = await tx.select().from(t.orders).where(eq(t.orders.id, orderId));
  if (!order) return null;
  const [owner] = await tx.select({ name: t.users.name, email: t.users.email }).from(t.users).where(eq(t.users.id, order.ownerId));
  const [subject] = order.subjectId
    ? await tx.select({ id: t.subjects.id, name: t.subjects.name, icpNumber: t.subjects.icpNumber }).from(t.subjects).where(eq(t.subjects.id, order.subjectId))
    : [];
  const [website] = order.websiteId
    ? await tx.select({ name: t.websites.name, icpNumber: t.websites.icpNumber }).from(t.websites).where(eq(t.websites.id, order.websiteId))
    : [];
  const findings = await tx
    .select({ id: t.findings.id, code: t.findings.code, status: t.findings.status, deadline: t.findings.deadline, observedValue: t.findings.observedValue })
    .from(t.orderFindings)
    .innerJoin(t.findings, eq(t.findings.id, t.orderFindings.findingId))
    .where(eq(t.orderFindings.orderId, order.id));
  const materials = await tx
    .select({ id: t.materials.id, kind: t.materials.kind, fileName: t.materials.fileName, createdAt: t.materials.createdAt })
    .from(t.materials)
    .where(eq(t.materials.orderId, order.id))
    .orderBy(t.materials.createdAt);
  const events = await eventsOf(tx, [order.id]);
  return {
    order,
    owner: owner ?? null,
    subject: subject ?? null,
    website: website ?? null,
    findings,
    materials,
    events: events.get(order.id) ?? [],
    current: await currentFilingFor(tx, order.subjectId, order.websiteId),
    history: order.subjectId ? await subjectHistory(tx, order.subjectId, order.id) : { orders: [], audit: [] },
  };
}
export type ReviewOrder = NonNullable<Awaited<ReturnType<typeof getOrderForReview>>>;

async function eventsOf(tx: Tx, orderIds: string[]) {
  const out = new Map<string, { id: number; event: string; fromState: string | null; toState: string; reason: string | null; actor: string | null; at: Date }[]>();
  if (orderIds.length === 0) return out;
  const rows = await tx
    .select({ id: t.orderEvents.id, orderId: t.orderEvents.orderId, event: t.orderEvents.event, fromState: t.orderEvents.fromState, toState: t.orderEvents.toState, reason: t.orderEvents.reason, actor: t.users.name, at: t.orderEvents.createdAt })
    .from(t.orderEvents)
    .leftJoin(t.users, eq(t.users.id, t.orderEvents.actorId))
    .where(inArray(t.orderEvents.orderId, orderIds))
    .orderBy(t.orderEvents.id);
  for (const { orderId, ...e } of rows) out.set(orderId, [...(out.get(orderId) ?? []), e]);
  return out;
}

/** The subject's other orders with their events, and its most recent audit events. */
async function subjectHistory(tx: Tx, subjectId: string, exceptOrderId: string) {
  const orders = await tx
    .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state, createdAt: t.orders.createdAt })
    .from(t.orders)
    .where(and(eq(t.orders.subjectId, subjectId), ne(t.orders.id, exceptOrderId)))
    .orderBy(desc(t.orders.createdAt))
    .limit(20);
  const events = await eventsOf(tx, orders.map((o) => o.id));
  const audit = await tx
    .select({ id: t.auditEvents.id, action: t.auditEvents.action, entityType: t.auditEvents.entityType, details: t.auditEvents.details, actor: t.users.name, at: t.auditEvents.createdAt })
    .from(t.auditEvents)
    .leftJoin(t.users, eq(t.users.id, t.auditEvents.actorId))
    .where(eq(t.auditEvents.subjectId, subjectId))
    .orderBy(desc(t.auditEvents.id))
    .limit(15);
  return { orders: orders.map((o) => ({ ...o, events: events.get(o.id) ?? [] })), audit };
}
