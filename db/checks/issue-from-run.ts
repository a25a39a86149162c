import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { assertAdmin, type AdminActor } from '../admin/guard';
import { issueNotice } from '../notices/issue';
import { PublicError } from '@/lib/errors';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { writeAudit } from '../audit';

export type IssueFromRunResult = { notices: number; findings: number; skipped: number };

/**
 * From a finished run's report, one 整改通知 per subject through the ordinary notice path (same checks,
 * same e-mail). Idempotent: a result whose filing already has an unresolved finding of that code is
 * skipped, so issuing twice — or after another run found the same — creates nothing new.
 */
export async function issueNoticesFromRun(db: Db, input: { runId: string; actor: AdminActor; deadline: string; baseUrl?: string }): Promise<IssueFromRunResult> {
  assertAdmin(input.actor);
  const [run] = await db.select().from(t.checkRuns).where(eq(t.checkRuns.id, input.runId));
  if (!run) throw new PublicError('未找到该核查任务。');
  if (run.status !== 'done') throw new PublicError('核查完成后才能下发整改通知。');
  const results = await db.select().from(t.checkResults).where(eq(t.checkResults.runId, run.id));
  const bySubject = new Map<string, typeof results>();
  for (const r of results) bySubject.set(r.subjectId, [...(bySubject.get(r.subjectId) ?? []), r]);
  const key = (r: { code: string; websiteId: string | null; domainId: string | null }) => `${r.code}|${r.websiteId ?? ''}|${r.domainId ?? ''}`;
  const out: IssueFromRunResult = { notices: 0, findings: 0, skipped: 0 };
  for (const [subjectId, rows] of bySubject) {
    const open = await db
      .select({ code: t.findings.code, websiteId: t.findings.websiteId, domainId: t.findings.domainId })
      .from(t.findings)
      .where(and(eq(t.findings.subjectId, subjectId), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
    const taken = new Set(open.map(key));
    const fresh = [...new Map(rows.filter((r) => !taken.has(key(r))).map((r) => [key(r), r])).values()];
    out.skipped += rows.length - fresh.length;
    if (fresh.length === 0) continue;
    try {
      const issued = await issueNotice(db, {
        actor: input.actor,
        subjectId,
        deadline: input.deadline,
        source: 'check',
        baseUrl: input.baseUrl,
        findings: fresh.map((r) => ({ code: r.code, websiteId: r.websiteId, domainId: r.domainId, observedValue: r.observed })),
      });
      out.notices++;
      out.findings += issued.findingIds.length;
    } catch (err) {
      // A filing cancelled or already holding the finding (a race with another operator): skip it, go on.
      if (!(err instanceof PublicError)) throw err;
      out.skipped += fresh.length;
    }
  }
  await db.update(t.checkRuns).set({ noticesIssuedAt: new Date() }).where(eq(t.checkRuns.id, run.id));
  await writeAudit(db, { actorId: input.actor.id, action: 'check.issue_notices', entityType: 'check_run', entityId: run.id, details: { ...out } });
  return out;
}
