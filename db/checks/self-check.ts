import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { checkWebsite, FAILURE_TEXT, hostsFor, type Probes } from '@/lib/checks/website';
import { createHttpProbes } from '@/lib/checks/http-probe';
import { NotFoundError, PublicError } from '@/lib/errors';
import { testProbeOverrides } from './run';

export type SelfCheck = typeof t.selfChecks.$inferSelect;

/**
 * 立即自查: the website checks for one of the filer's own sites, now. Only the site's filed domains are
 * contacted. The result is stored so the next 复核 request can show it to the reviewer.
 */
export async function runSelfCheck(db: Db, input: { websiteId: string; actor: { id: string }; probes?: (allowed: Set<string>) => Probes }): Promise<SelfCheck> {
  const [site] = await db
    .select({ w: t.websites, s: t.subjects, ips: t.accessRecords.ips })
    .from(t.websites)
    .innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId))
    .leftJoin(t.accessRecords, and(eq(t.accessRecords.websiteId, t.websites.id), eq(t.accessRecords.active, true)))
    .where(and(eq(t.websites.id, input.websiteId), eq(t.subjects.ownerId, input.actor.id)));
  if (!site) throw new NotFoundError();
  if (site.w.status === 'cancelled') throw new PublicError('该网站已注销，无需自查。');
  const domains = await db.select({ id: t.domains.id, name: t.domains.name }).from(t.domains).where(and(eq(t.domains.websiteId, site.w.id), isNull(t.domains.removedAt)));
  const allowed = new Set(domains.flatMap((d) => hostsFor(d.name)));
  const probes = input.probes ? input.probes(allowed) : createHttpProbes({ allowedHosts: allowed, timeoutMs: 4000, ...testProbeOverrides() });
  const result = await checkWebsite(
    { websiteId: site.w.id, domains, filedIps: site.ips ?? [], siteIcpNumber: site.w.icpNumber, subjectIcpNumber: site.s.icpNumber, siteName: site.w.name, province: site.s.provinceCode },
    probes,
  );
  const [row] = await db
    .insert(t.selfChecks)
    .values({
      websiteId: site.w.id,
      requestedBy: input.actor.id,
      findings: result.findings.map((f) => ({ code: f.code, domainId: f.domainId, observed: f.observed })),
      domains: result.domains.map((d) => ({
        domain: d.domain,
        addresses: d.addresses,
        reachable: Boolean(d.fetched?.ok),
        detail: d.fetched ? (d.fetched.ok ? `HTTP ${d.fetched.status}` : `${FAILURE_TEXT[d.fetched.reason]}（${d.fetched.detail}）`) : '未访问',
      })),
    })
    .returning();
  return row!;
}

/** The latest self-check of a website within the last day, for the 复核 request and the page. */
export async function latestSelfCheck(tx: Tx, websiteId: string): Promise<SelfCheck | undefined> {
  const [row] = await tx
    .select()
    .from(t.selfChecks)
    .where(and(eq(t.selfChecks.websiteId, websiteId), gt(t.selfChecks.createdAt, new Date(Date.now() - 86400_000))))
    .orderBy(desc(t.selfChecks.createdAt))
    .limit(1);
  return row;
}
