import 'server-only';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { isUuid } from './filings';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { addDaysIso, startOfDayShanghai, todayIso } from '@/lib/time';
import { byIcpNumber } from '@/lib/filings/sort';

// Read models of the operator console. Every function is called from pages that already required role admin.

const subjectMatches = (q: string) => or(ilike(t.subjects.name, `%${q}%`), ilike(t.subjects.icpNumber, `%${q}%`));

export async function searchSubjects(tx: Tx, q: string) {
  if (!q.trim()) return [];
  return tx
    .select({ id: t.subjects.id, name: t.subjects.name, icpNumber: t.subjects.icpNumber, status: t.subjects.status })
    .from(t.subjects)
    .where(subjectMatches(q.trim()))
    .orderBy(asc(t.subjects.icpNumber))
    .limit(20);
}

/** A subject with its active websites and their domains: the objects a finding may name. */
export async function subjectTargets(tx: Tx, subjectId: string) {
  const [subject] = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  if (!subject) return null;
  const sites = byIcpNumber(
    await tx
      .select({ id: t.websites.id, name: t.websites.name, icpNumber: t.websites.icpNumber })
      .from(t.websites)
      .where(and(eq(t.websites.subjectId, subjectId), eq(t.websites.status, 'active'))),
  );
  const doms = sites.length
    ? await tx
        .select({ id: t.domains.id, name: t.domains.name, websiteId: t.domains.websiteId })
        .from(t.domains)
        .where(and(inArray(t.domains.websiteId, sites.map((s) => s.id)), isNull(t.domains.removedAt)))
        .orderBy(asc(t.domains.name))
    : [];
  return { subject, websites: sites.map((s) => ({ ...s, domains: doms.filter((d) => d.websiteId === s.id) })) };
}

export type NoticeFilters = { q?: string; source?: 'manual' | 'import' | 'check'; from?: string; to?: string; before?: string };
export const NOTICE_PAGE = 50;

/** Notices newest first, keyset-paged on (createdAt, id) encoded as `iso|id`. */
export async function listNotices(tx: Tx, f: NoticeFilters) {
  const where: (SQL | undefined)[] = [];
  if (f.q?.trim()) where.push(subjectMatches(f.q.trim()));
  if (f.source) where.push(eq(t.notices.source, f.source));
  if (f.from) where.push(gte(t.notices.createdAt, startOfDayShanghai(f.from)));
  if (f.to) where.push(lt(t.notices.createdAt, startOfDayShanghai(addDaysIso(f.to, 1))));
  if (f.before) {
    const [iso, id] = f.before.split('|');
    // A hand-edited cursor is ignored rather than turned into a database error.
    if (iso && id && !Number.isNaN(Date.parse(iso)) && /^[0-9a-f-]{36}$/.test(id)) where.push(sql`(${t.notices.createdAt}, ${t.notices.id}) < (${new Date(iso)}, ${id}::uuid)`);
  }
  const rows = await tx
    .select({
      id: t.notices.id,
      subjectId: t.subjects.id,
      subjectName: t.subjects.name,
      icpNumber: t.subjects.icpNumber,
      deadline: t.notices.deadline,
      source: t.notices.source,
      createdAt: t.notices.createdAt,
      findings: sql<number>`(select count(*)::int from findings f where f.notice_id = ${t.notices.id})`,
      unresolved: sql<number>`(select count(*)::int from findings f where f.notice_id = ${t.notices.id} and f.status in ('open','in_progress','overdue'))`,
    })
    .from(t.notices)
    .innerJoin(t.subjects, eq(t.subjects.id, t.notices.subjectId))
    .where(and(...where))
    .orderBy(desc(t.notices.createdAt), desc(t.notices.id))
    .limit(NOTICE_PAGE + 1);
  const more = rows.length > NOTICE_PAGE;
  const page = rows.slice(0, NOTICE_PAGE);
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}

/** Unresolved findings due within 7 days or overdue, for the deadlines view. */
export async function upcomingDeadlines(tx: Tx) {
  const limit = addDaysIso(todayIso(), 7);
  return tx
    .select({
      id: t.findings.id,
      code: t.findings.code,
      status: t.findings.status,
      deadline: t.findings.deadline,
      subjectId: t.subjects.id,
      subjectName: t.subjects.name,
      subjectIcp: t.subjects.icpNumber,
      websiteName: t.websites.name,
      websiteIcp: t.websites.icpNumber,
      domain: t.domains.name,
    })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .leftJoin(t.domains, eq(t.domains.id, t.findings.domainId))
    .where(and(inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES), lte(t.findings.deadline, limit)))
    .orderBy(asc(t.findings.deadline), asc(t.subjects.name))
    .limit(2000);
}

export async function extensionRequests(tx: Tx, state: 'pending' | 'decided') {
  return tx
    .select({
      id: t.extensionRequests.id,
      reason: t.extensionRequests.reason,
      state: t.extensionRequests.state,
      newDeadline: t.extensionRequests.newDeadline,
      createdAt: t.extensionRequests.createdAt,
      decidedAt: t.extensionRequests.decidedAt,
      findingId: t.findings.id,
      code: t.findings.code,
      deadline: t.findings.deadline,
      findingStatus: t.findings.status,
      subjectId: t.subjects.id,
      subjectName: t.subjects.name,
      subjectIcp: t.subjects.icpNumber,
      websiteIcp: t.websites.icpNumber,
      requester: t.users.name,
    })
    .from(t.extensionRequests)
    .innerJoin(t.findings, eq(t.findings.id, t.extensionRequests.findingId))
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .innerJoin(t.users, eq(t.users.id, t.extensionRequests.requestedBy))
    .where(state === 'pending' ? eq(t.extensionRequests.state, 'pending') : sql`${t.extensionRequests.state} <> 'pending'`)
    .orderBy(state === 'pending' ? asc(t.extensionRequests.createdAt) : desc(t.extensionRequests.decidedAt))
    .limit(state === 'pending' ? 500 : 20);
}

export async function listUsers(tx: Tx) {
  return tx
    .select({ id: t.users.id, name: t.users.name, email: t.users.email, role: t.users.role, disabled: t.users.disabled, hasPassword: sql<boolean>`${t.users.passwordHash} is not null`, createdAt: t.users.createdAt })
    .from(t.users)
    .orderBy(asc(t.users.role), asc(t.users.email))
    .limit(1000);
}

export async function listImportBatches(tx: Tx) {
  return tx
    .select({ batch: t.importBatches, by: t.users.name })
    .from(t.importBatches)
    .innerJoin(t.users, eq(t.users.id, t.importBatches.createdBy))
    .orderBy(desc(t.importBatches.createdAt))
    .limit(20);
}

export async function getImportBatch(tx: Tx, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.select().from(t.importBatches).where(eq(t.importBatches.id, id));
  if (!row) return undefined;
  const [earlier] = await tx
    .select({ id: t.importBatches.id, createdAt: t.importBatches.createdAt })
    .from(t.importBatches)
    .where(and(eq(t.importBatches.fileSha256, row.fileSha256), eq(t.importBatches.status, 'done'), sql`${t.importBatches.id} <> ${row.id}`))
    .orderBy(desc(t.importBatches.createdAt))
    .limit(1);
  return { ...row, sameFileImportedAt: earlier?.createdAt ?? null };
}

export type AuditFilters = { subject?: string; order?: string; actor?: string; action?: string; from?: string; to?: string; before?: number };
export const AUDIT_PAGE = 50;

/** Audit events newest first, keyset-paged on id (stays fast however long the log grows). */
export async function auditPage(tx: Tx, f: AuditFilters) {
  const where: (SQL | undefined)[] = [];
  if (f.subject?.trim()) where.push(inArray(t.auditEvents.subjectId, tx.select({ id: t.subjects.id }).from(t.subjects).where(subjectMatches(f.subject.trim()))));
  if (f.order?.trim()) {
    const ids = tx.select({ id: sql`${t.orders.id}::text` }).from(t.orders).where(eq(t.orders.number, f.order.trim()));
    where.push(or(inArray(t.auditEvents.entityId, ids), sql`${t.auditEvents.details}->>'number' = ${f.order.trim()}`));
  }
  if (f.actor?.trim()) where.push(inArray(t.auditEvents.actorId, tx.select({ id: t.users.id }).from(t.users).where(or(ilike(t.users.name, `%${f.actor.trim()}%`), ilike(t.users.email, `%${f.actor.trim()}%`)))));
  if (f.action) where.push(eq(t.auditEvents.action, f.action));
  if (f.from) where.push(gte(t.auditEvents.createdAt, startOfDayShanghai(f.from)));
  if (f.to) where.push(lt(t.auditEvents.createdAt, startOfDayShanghai(addDaysIso(f.to, 1))));
  if (f.before) where.push(lt(t.auditEvents.id, f.before));
  const rows = await tx
    .select({
      id: t.auditEvents.id,
      action: t.auditEvents.action,
      entityType: t.auditEvents.entityType,
      entityId: t.auditEvents.entityId,
      details: t.auditEvents.details,
      createdAt: t.auditEvents.createdAt,
      actorName: t.users.name,
      actorEmail: t.users.email,
      subjectId: t.subjects.id,
      subjectName: t.subjects.name,
      subjectIcp: t.subjects.icpNumber,
    })
    .from(t.auditEvents)
    .leftJoin(t.users, eq(t.users.id, t.auditEvents.actorId))
    .leftJoin(t.subjects, eq(t.subjects.id, t.auditEvents.subjectId))
    .where(and(...where))
    .orderBy(desc(t.auditEvents.id))
    .limit(AUDIT_PAGE + 1);
  const page = rows.slice(0, AUDIT_PAGE);
  return { rows: page, next: rows.length > AUDIT_PAGE ? (page[page.length - 1]?.id ?? null) : null };
}

/** The overview: unresolved findings by code, orders by state, and how long SUBMITTED orders have waited. */
export async function overviewStats(tx: Tx) {
  const byCode = await tx
    .select({ code: t.findings.code, n: sql<number>`count(*)::int` })
    .from(t.findings)
    .where(inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES))
    .groupBy(t.findings.code)
    .orderBy(sql`count(*) desc`, asc(t.findings.code));
  const byState = await tx.select({ state: t.orders.state, n: sql<number>`count(*)::int` }).from(t.orders).groupBy(t.orders.state);
  const [wait] = (await tx
    .select({
      lt4: sql<number>`count(*) filter (where now() - ${t.orders.submittedAt} < interval '4 hours')::int`,
      h4to8: sql<number>`count(*) filter (where now() - ${t.orders.submittedAt} >= interval '4 hours' and now() - ${t.orders.submittedAt} < interval '8 hours')::int`,
      h8to24: sql<number>`count(*) filter (where now() - ${t.orders.submittedAt} >= interval '8 hours' and now() - ${t.orders.submittedAt} < interval '24 hours')::int`,
      gt24: sql<number>`count(*) filter (where now() - ${t.orders.submittedAt} >= interval '24 hours')::int`,
    })
    .from(t.orders)
    .where(eq(t.orders.state, 'SUBMITTED'))) as [{ lt4: number; h4to8: number; h8to24: number; gt24: number }];
  return { byCode, byState, wait };
}

/** A subject's orders, newest first, for the operator's subject page. */
export async function subjectOrders(tx: Tx, subjectId: string) {
  return tx
    .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state, createdAt: t.orders.createdAt })
    .from(t.orders)
    .where(eq(t.orders.subjectId, subjectId))
    .orderBy(desc(t.orders.createdAt))
    .limit(50);
}
