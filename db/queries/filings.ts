import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../client';
import { isUuid } from '@/lib/domain/ids';
import * as t from '../schema';
import { OPEN_ORDER_STATES, UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { compareIcpNumbers } from '@/lib/filings/sort';

export type SubjectRow = typeof t.subjects.$inferSelect;
export type WebsiteRow = typeof t.websites.$inferSelect;
export type FindingRow = typeof t.findings.$inferSelect;

export type WebsiteView = WebsiteRow & {
  domains: { id: string; name: string; expiresOn: string }[];
  ips: string[];
  provider: string | null;
};

export type FilingView = SubjectRow & {
  websites: WebsiteView[];
  findings: FindingRow[];
  openOrder: Pick<typeof t.orders.$inferSelect, 'id' | 'number' | 'type' | 'state' | 'websiteId' | 'submittedAt' | 'expiresAt'> | null;
};

/** One subject, only when it belongs to `ownerId` (undefined otherwise: the caller answers 404). */
export async function getFilingForOwner(tx: Tx, subjectId: string, ownerId: string): Promise<FilingView | undefined> {
  if (!isUuid(subjectId)) return undefined;
  const subjects = await tx.select().from(t.subjects).where(and(eq(t.subjects.id, subjectId), eq(t.subjects.ownerId, ownerId)));
  return (await assemble(tx, subjects))[0];
}

/** Active domain names of a subject's active websites (the 注销 warnings name them). */
export async function subjectDomainNames(tx: Tx, subjectId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: t.domains.name })
    .from(t.domains)
    .innerJoin(t.websites, eq(t.websites.id, t.domains.websiteId))
    .where(and(eq(t.websites.subjectId, subjectId), isNull(t.domains.removedAt)));
  return rows.map((r) => r.name);
}

export async function getFilingById(tx: Tx, subjectId: string): Promise<FilingView | undefined> {
  if (!isUuid(subjectId)) return undefined;
  const subjects = await tx.select().from(t.subjects).where(eq(t.subjects.id, subjectId));
  return (await assemble(tx, subjects))[0];
}

async function assemble(tx: Tx, subjects: SubjectRow[]): Promise<FilingView[]> {
  if (subjects.length === 0) return [];
  const subjectIds = subjects.map((s) => s.id);
  const [websites, findings, orders] = await Promise.all([
    tx
      .select({ website: t.websites, ips: t.accessRecords.ips, provider: t.accessRecords.provider })
      .from(t.websites)
      .leftJoin(t.accessRecords, and(eq(t.accessRecords.websiteId, t.websites.id), eq(t.accessRecords.active, true)))
      .where(inArray(t.websites.subjectId, subjectIds)),
    tx
      .select()
      .from(t.findings)
      .where(and(inArray(t.findings.subjectId, subjectIds), inArray(t.findings.status, [...UNRESOLVED_FINDING_STATUSES, 'access_cancelled'])))
      .orderBy(asc(t.findings.deadline)),
    tx
      .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, state: t.orders.state, websiteId: t.orders.websiteId, submittedAt: t.orders.submittedAt, expiresAt: t.orders.expiresAt, subjectId: t.orders.subjectId })
      .from(t.orders)
      .where(and(inArray(t.orders.subjectId, subjectIds), inArray(t.orders.state, [...OPEN_ORDER_STATES]))),
  ]);
  const websiteIds = websites.map((w) => w.website.id);
  const domains = websiteIds.length
    ? await tx
        .select({ id: t.domains.id, name: t.domains.name, expiresOn: t.domains.expiresOn, websiteId: t.domains.websiteId })
        .from(t.domains)
        .where(and(inArray(t.domains.websiteId, websiteIds), isNull(t.domains.removedAt)))
        .orderBy(asc(t.domains.createdAt), asc(t.domains.name))
    : [];
  return subjects.map((s) => ({
    ...s,
    websites: websites
      .filter((w) => w.website.subjectId === s.id)
      .sort((a, b) => compareIcpNumbers(a.website.icpNumber, b.website.icpNumber))
      .map((w) => ({
        ...w.website,
        ips: w.ips ?? [],
        provider: w.provider,
        domains: domains.filter((d) => d.websiteId === w.website.id).map(({ websiteId: _w, ...d }) => d),
      })),
    findings: findings.filter((f) => f.subjectId === s.id),
    openOrder: orders.find((o) => o.subjectId === s.id) ?? null,
  }));
}

export { isUuid } from '@/lib/domain/ids';
