import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { isUuid } from './filings';
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

/**
 * One finding with everything its rectification page needs, only when its subject belongs to `ownerId`.
 * A foreign id and a missing id both give undefined, so the page answers 404 either way.
 */
export async function getFindingForOwner(tx: Tx, findingId: string, ownerId: string): Promise<RectificationView | undefined> {
  if (!isUuid(findingId)) return undefined;
  const [row] = await tx
    .select({ finding: t.findings, notice: t.notices, subject: t.subjects, website: t.websites, domain: { id: t.domains.id, name: t.domains.name, expiresOn: t.domains.expiresOn } })
    .from(t.findings)
    .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
    .innerJoin(t.notices, eq(t.notices.id, t.findings.noticeId))
    .leftJoin(t.websites, eq(t.websites.id, t.findings.websiteId))
    .leftJoin(t.domains, eq(t.domains.id, t.findings.domainId))
    .where(and(eq(t.findings.id, findingId), eq(t.subjects.ownerId, ownerId)));
  if (!row) return undefined;
  const { finding, subject, website } = row;

  const [[sites], [doms], [openOrder], [recheck], [extension]] = await Promise.all([
    tx.select({ n: count() }).from(t.websites).where(and(eq(t.websites.subjectId, subject.id), ne(t.websites.status, 'cancelled'))),
    website
      ? tx.select({ n: count() }).from(t.domains).where(and(eq(t.domains.websiteId, website.id), isNull(t.domains.removedAt)))
      : Promise.resolve([{ n: 0 }]),
    tx
      .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state })
      .from(t.orders)
      .where(and(eq(t.orders.subjectId, subject.id), inArray(t.orders.state, [...OPEN_ORDER_STATES])))
      .limit(1),
    tx
      .select({ id: t.rechecks.id, state: t.rechecks.state, note: t.rechecks.note, actionCode: t.rechecks.actionCode, decisionReason: t.rechecks.decisionReason, createdAt: t.rechecks.createdAt, decidedAt: t.rechecks.decidedAt })
      .from(t.rechecks)
      .where(eq(t.rechecks.findingId, finding.id))
      .orderBy(desc(t.rechecks.createdAt))
      .limit(1),
    tx
      .select({ id: t.extensionRequests.id, state: t.extensionRequests.state, reason: t.extensionRequests.reason, newDeadline: t.extensionRequests.newDeadline, createdAt: t.extensionRequests.createdAt, decidedAt: t.extensionRequests.decidedAt })
      .from(t.extensionRequests)
      .where(eq(t.extensionRequests.findingId, finding.id)),
  ]);
  return {
    finding,
    notice: row.notice,
    subject,
    website,
    domain: row.domain?.id ? row.domain : null,
    websiteCount: Number(sites?.n ?? 0),
    domainCount: Number(doms?.n ?? 0),
    openOrder: openOrder ?? null,
    recheck: recheck ?? null,
    extension: extension ?? null,
  };
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
