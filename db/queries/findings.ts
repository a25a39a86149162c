import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { isUuid } from './filings';
import { prepared } from '../prepared';
import { sqlLiterals } from '../raw-sql';
import { OPEN_ORDER_STATES, type FindingStatus } from '@/lib/domain/codes';

export type RectificationView = {
  finding: typeof t.findings.$inferSelect;
  notice: typeof t.notices.$inferSelect;
  subject: typeof t.subjects.$inferSelect;
  website: (typeof t.websites.$inferSelect) | null;
  domain: { id: string; name: string; expiresOn: string } | null;
  /** Facts planRemediation needs: websites still filed under the subject, domains still on the website. */
  websiteCount: number;
  domainCount: number;
  openOrder: Pick<typeof t.orders.$inferSelect, 'id' | 'number' | 'type' | 'state'> | null;
  recheck: Pick<typeof t.rechecks.$inferSelect, 'id' | 'state' | 'note' | 'actionCode' | 'decisionReason' | 'createdAt' | 'decidedAt'> | null;
  extension: Pick<typeof t.extensionRequests.$inferSelect, 'id' | 'state' | 'reason' | 'newDeadline' | 'createdAt' | 'decidedAt'> | null;
};

const openStates = sqlLiterals(OPEN_ORDER_STATES);

function rectificationQuery(tx: Tx) {
  return tx
    .select({
      finding: t.findings,
      notice: t.notices,
      subject: t.subjects,
      website: t.websites,
      domain: { id: t.domains.id, name: t.domains.name, expiresOn: t.domains.expiresOn },
      websiteCount: sql<number>`(select count(*)::int from websites w where w.subject_id = ${t.subjects.id} and w.status <> 'cancelled')`,
      domainCount: sql<number>`(select count(*)::int from domains d where d.website_id = ${t.findings.websiteId} and d.removed_at is null)`,
      openOrder: sql<Json>`(select json_build_object('id', o.id, 'number', o.number, 'type', o.type, 'state', o.state)
        from orders o where o.subject_id = ${t.subjects.id} and o.state in (${openStates}) limit 1)`,
      recheck: sql<Json>`(select json_build_object('id', r.id, 'state', r.state, 'note', r.note, 'actionCode', r.action_code,
          'decisionReason', r.decision_reason, 'createdAt', r.created_at, 'decidedAt', r.decided_at)
        from rechecks r where r.finding_id = ${t.findings.id} order by r.created_at desc limit 1)`,
      extension: sql<Json>`(select json_build_object('id', e.id, 'state', e.state, 'reason', e.reason, 'newDeadline', e.new_deadline,
          'createdAt', e.created_at, 'decidedAt', e.decided_at)
        from extension_requests e where e.finding_id = ${t.findings.id})`,
    })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .innerJoin(t.notices, eq(t.notices.id, t.findings.noticeId))
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .leftJoin(t.domains, eq(t.domains.id, t.findings.domainId))
    .where(and(eq(t.findings.id, sql.placeholder('findingId')), eq(t.subjects.ownerId, sql.placeholder('ownerId'))))
    .prepare('rectification');
}

/**
 * One finding with everything its rectification page needs, only when its subject belongs to `ownerId`, in
 * one query (the lookups are correlated subqueries on their indexes: six round trips and result mappings
 * were a third of the page's server CPU). A foreign id and a missing id both give undefined, so
 * the page answers 404 either way.
 */
export async function getFindingForOwner(tx: Tx, findingId: string, ownerId: string): Promise<RectificationView | undefined> {
  if (!isUuid(findingId)) return undefined;
  const [row] = await prepared(tx, 'rectification', rectificationQuery).execute({ findingId, ownerId });
  if (!row) return undefined;
  const recheck = json<RectificationView['recheck'] & object>(row.recheck);
  const extension = json<RectificationView['extension'] & object>(row.extension);
  return {
    finding: row.finding,
    notice: row.notice,
    subject: row.subject,
    website: row.website,
    domain: row.domain?.id ? row.domain : null,
    websiteCount: Number(row.websiteCount ?? 0),
    domainCount: Number(row.domainCount ?? 0),
    openOrder: json<NonNullable<RectificationView['openOrder']>>(row.openOrder),
    recheck: recheck && { ...recheck, createdAt: new Date(recheck.createdAt), decidedAt: recheck.decidedAt && new Date(recheck.decidedAt) },
    extension: extension && { ...extension, createdAt: new Date(extension.createdAt), decidedAt: extension.decidedAt && new Date(extension.decidedAt) },
  };
}

/** A json column as the drivers give it: postgres.js and PGlite parse it; a text value is parsed here. */
type Json = unknown;
function json<T>(v: Json): T | null {
  if (v === null || v === undefined) return null;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export type NoticeListItem = typeof t.notices.$inferSelect & {
  subjectName: string;
  subjectIcpNumber: string;
  findings: (Pick<typeof t.findings.$inferSelect, 'id' | 'code' | 'status' | 'deadline' | 'websiteId'> & { websiteName: string | null })[];
};

/**
 * The owner's 整改通知 with their findings, newest notice first, in two queries. `status` keeps only
 * findings in that status (and the notices that still have one).
 */
export async function listNoticesForOwner(tx: Tx, ownerId: string, status?: FindingStatus): Promise<NoticeListItem[]> {
  const notices = await tx
    .select({ notice: t.notices, subjectName: t.subjects.name, subjectIcpNumber: t.subjects.icpNumber })
    .from(t.notices)
    .innerJoin(t.subjects, eq(t.subjects.id, t.notices.subjectId))
    .where(eq(t.subjects.ownerId, ownerId))
    .orderBy(desc(t.notices.createdAt), asc(t.subjects.icpNumber));
  if (notices.length === 0) return [];
  const findings = await tx
    .select({ id: t.findings.id, code: t.findings.code, status: t.findings.status, deadline: t.findings.deadline, websiteId: t.findings.websiteId, noticeId: t.findings.noticeId, websiteName: t.websites.name })
    .from(t.findings)
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .where(and(inArray(t.findings.noticeId, notices.map((n) => n.notice.id)), status ? eq(t.findings.status, status) : undefined))
    .orderBy(asc(t.findings.deadline), asc(t.findings.createdAt));
  return notices
    .map(({ notice, subjectName, subjectIcpNumber }) => ({
      ...notice,
      subjectName,
      subjectIcpNumber,
      findings: findings.filter((f) => f.noticeId === notice.id).map(({ noticeId: _n, ...f }) => f),
    }))
    .filter((n) => n.findings.length > 0);
}
