import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { checkWebsite, FAILURE_TEXT, hostsFor, type Probes } from '@/lib/checks/website';
import { createHttpProbes } from '@/lib/checks/http-probe';
import { NotFoundError, PublicError } from '@/lib/errors';
import { testProbeOverrides } from './run';
import { SELF_CHECK_WINDOW_MINUTES, SELF_CHECKS_PER_WINDOW, selfCheckLimitMessage } from '@/lib/checks/self-check-limit';

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
  await reserveSelfCheck(db, input.actor.id);
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

/**
 * Records one 立即自查 for `userId`, or refuses with a Chinese message when the user already asked for
 * SELF_CHECKS_PER_WINDOW in the window. A per-user transaction lock makes count-then-insert exact, so
 * parallel requests cannot slip past the limit together.
 */
export async function reserveSelfCheck(db: Db, userId: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`self-check:${userId}`}, 0))`);
    const since = new Date(now.getTime() - SELF_CHECK_WINDOW_MINUTES * 60_000);
    const recent = await tx
      .select({ createdAt: t.selfCheckRequests.createdAt })
      .from(t.selfCheckRequests)
      .where(and(eq(t.selfCheckRequests.userId, userId), gt(t.selfCheckRequests.createdAt, since)))
      .orderBy(t.selfCheckRequests.createdAt);
    if (recent.length >= SELF_CHECKS_PER_WINDOW) throw new PublicError(selfCheckLimitMessage(recent[0]!.createdAt, now));
    await tx.insert(t.selfCheckRequests).values({ userId, createdAt: now });
  });
}
