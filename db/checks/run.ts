import { and, asc, eq, gt, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import pLimit from 'p-limit';
import type { Db } from '../client';
import * as t from '../schema';
import { buildContactIndex, checkFilingData, type FilingFacts, type PrincipalFacts } from '@/lib/checks/data';
import { checkWebsite, hostsFor, type Probes } from '@/lib/checks/website';
import { createHttpProbes } from '@/lib/checks/http-probe';
import { privateTargetsPolicy } from '@/lib/checks/private-targets';
import { PublicError } from '@/lib/errors';
import type { Role } from '@/lib/domain/codes';
import { config } from '@/lib/config';
import { todayIso } from '@/lib/time';
import { componentLog } from '@/lib/log';
import { writeAudit } from '../audit';
import type { RunControl } from '../jobs/lease';

export type RunFilter = { province?: string; nature?: string; codes?: string[]; website?: boolean };
export type CheckRun = typeof t.checkRuns.$inferSelect;

const BATCH = 1000;

function subjectWhere(filter: RunFilter): SQL | undefined {
  const parts: SQL[] = [ne(t.subjects.status, 'cancelled')];
  if (filter.province) parts.push(eq(t.subjects.provinceCode, filter.province));
  if (filter.nature) parts.push(sql`${t.subjects.nature} = ${filter.nature}`);
  return and(...parts);
}

/** Creates the run row; the caller then drives `executeRun` (under a lease for the UI: db/jobs/runs.ts). */
export async function createCheckRun(db: Db, input: { actor: { id: string; role: Role }; filter: RunFilter }): Promise<CheckRun> {
  if (input.actor.role !== 'admin') throw new PublicError('只有运营管理员可以发起核查。');
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(t.subjects).where(subjectWhere(input.filter))) as [{ n: number }];
  const [run] = await db.insert(t.checkRuns).values({ startedBy: input.actor.id, filter: input.filter, totalSubjects: n }).returning();
  await writeAudit(db, { actorId: input.actor.id, action: 'check.start', entityType: 'check_run', entityId: run!.id, details: input.filter });
  return run!;
}

export async function requestCancel(db: Db, runId: string) {
  await db.update(t.checkRuns).set({ cancelRequested: 1 }).where(and(eq(t.checkRuns.id, runId), eq(t.checkRuns.status, 'running')));
}

/**
 * Works through the run's subjects in keyset batches of 1,000. Each batch's results and the run's progress
 * (cursor, processed count) commit together, conditionally on the cursor the batch started from, so a crash
 * resumes at the last committed batch, two runners never record one batch twice, and the progress bar never
 * shows work that was not saved. With `control` (db/jobs/runs.ts) it stops between batches when asked, and a
 * batch commits only while the lease is held; the run is then returned still `running`, for whoever resumes it.
 */
export async function executeRun(
  db: Db,
  runId: string,
  opts: { probes?: (allowed: Set<string>) => Probes; today?: string; control?: RunControl } = {},
): Promise<CheckRun> {
  const today = opts.today ?? todayIso();
  const allPrincipals = await db
    .select({ id: t.principals.id, name: t.principals.name, idValidUntil: t.principals.idValidUntil, mobile: t.principals.mobile, email: t.principals.email, emergencyMobile: t.principals.emergencyMobile })
    .from(t.principals);
  const contacts = buildContactIndex(allPrincipals);
  const byId = new Map<string, PrincipalFacts>(allPrincipals.map((p) => [p.id, p]));
  const probesFor = opts.probes ?? ((allowed: Set<string>) => createHttpProbes({ allowedHosts: allowed, ...testProbeOverrides() }));
  const running = and(eq(t.checkRuns.id, runId), eq(t.checkRuns.status, 'running'));
  try {
    for (;;) {
      const [run] = await db.select().from(t.checkRuns).where(eq(t.checkRuns.id, runId));
      if (!run || run.status !== 'running') return run!;
      if (opts.control?.shouldStop()) return run;
      if (run.cancelRequested) {
        const [done] = await db.update(t.checkRuns).set({ status: 'cancelled', finishedAt: new Date() }).where(running).returning();
        return done ?? run;
      }
      const filter = run.filter as RunFilter;
      const subjects = await db
        .select({ id: t.subjects.id, nature: t.subjects.nature, provinceCode: t.subjects.provinceCode, legalRepName: t.subjects.legalRepName, principalId: t.subjects.principalId, icpNumber: t.subjects.icpNumber })
        .from(t.subjects)
        .where(and(subjectWhere(filter), run.cursor ? gt(t.subjects.id, run.cursor) : undefined))
        .orderBy(asc(t.subjects.id))
        .limit(BATCH);
      if (subjects.length === 0) {
        const [done] = await db.update(t.checkRuns).set({ status: 'done', finishedAt: new Date() }).where(running).returning();
        return done ?? run;
      }
      const results = await checkBatch(db, subjects, { today, contacts, byId, filter, probesFor });
      const committed = await db
        .transaction(async (tx) => {
          if (opts.control && !(await opts.control.fence(tx))) throw new BatchRaced();
          if (results.length) await tx.insert(t.checkResults).values(results.map((r) => ({ ...r, runId })));
          const [advanced] = await tx
            .update(t.checkRuns)
            .set({ cursor: subjects[subjects.length - 1]!.id, processedSubjects: sql`${t.checkRuns.processedSubjects} + ${subjects.length}`, resultCount: sql`${t.checkRuns.resultCount} + ${results.length}` })
            .where(and(running, run.cursor ? eq(t.checkRuns.cursor, run.cursor) : isNull(t.checkRuns.cursor)))
            .returning({ id: t.checkRuns.id });
          // Another runner recorded this batch first (or cancelled): the results inserted above roll back.
          if (!advanced) throw new BatchRaced();
          return true;
        })
        .catch((err) => {
          if (err instanceof BatchRaced) return false;
          throw err;
        });
      if (!committed) {
        const [now] = await db.select().from(t.checkRuns).where(eq(t.checkRuns.id, runId));
        return now ?? run;
      }
    }
  } catch (err) {
    await db.update(t.checkRuns).set({ status: 'failed', error: (err as Error).message.slice(0, 300), finishedAt: new Date() }).where(running);
    throw err;
  }
}

class BatchRaced extends Error {}

type BatchCtx = {
  today: string;
  contacts: ReturnType<typeof buildContactIndex>;
  byId: Map<string, PrincipalFacts>;
  filter: RunFilter;
  probesFor: (allowed: Set<string>) => Probes;
};
type ResultRow = Omit<typeof t.checkResults.$inferInsert, 'runId'>;

async function checkBatch(db: Db, subjects: { id: string; nature: FilingFacts['subject']['nature']; provinceCode: string; legalRepName: string | null; principalId: string; icpNumber: string }[], ctx: BatchCtx): Promise<ResultRow[]> {
  const ids = subjects.map((s) => s.id);
  const websites = await db
    .select({ id: t.websites.id, subjectId: t.websites.subjectId, name: t.websites.name, principalId: t.websites.principalId, icpNumber: t.websites.icpNumber, ips: t.accessRecords.ips })
    .from(t.websites)
    .leftJoin(t.accessRecords, and(eq(t.accessRecords.websiteId, t.websites.id), eq(t.accessRecords.active, true)))
    .where(and(inArray(t.websites.subjectId, ids), ne(t.websites.status, 'cancelled')));
  const domains = websites.length
    ? await db.select({ id: t.domains.id, websiteId: t.domains.websiteId, name: t.domains.name, expiresOn: t.domains.expiresOn }).from(t.domains).where(and(inArray(t.domains.websiteId, websites.map((w) => w.id)), isNull(t.domains.removedAt)))
    : [];
  const domainsOf = groupBy(domains, (d) => d.websiteId);
  const sitesOf = groupBy(websites, (w) => w.subjectId);
  const wanted = ctx.filter.codes?.length ? new Set(ctx.filter.codes) : null;
  const out: ResultRow[] = [];
  for (const s of subjects) {
    const facts: FilingFacts = {
      subject: { id: s.id, nature: s.nature, provinceCode: s.provinceCode, legalRepName: s.legalRepName, principal: ctx.byId.get(s.principalId)! },
      websites: (sitesOf.get(s.id) ?? []).map((w) => ({ id: w.id, name: w.name, principal: ctx.byId.get(w.principalId)!, domains: domainsOf.get(w.id) ?? [] })),
    };
    for (const f of checkFilingData(facts, { today: ctx.today, contacts: ctx.contacts })) {
      if (!wanted || wanted.has(f.code)) out.push({ subjectId: s.id, websiteId: f.websiteId ?? null, domainId: f.domainId ?? null, code: f.code, observed: f.observed, filed: f.filed ?? null });
    }
  }
  if (ctx.filter.website) {
    const limit = pLimit(config().CHECK_CONCURRENCY);
    const subjectById = new Map(subjects.map((s) => [s.id, s]));
    const checked = await Promise.all(
      websites.map((w) =>
        limit(async () => {
          const ds = domainsOf.get(w.id) ?? [];
          const allowed = new Set(ds.flatMap((d) => hostsFor(d.name)));
          const s = subjectById.get(w.subjectId)!;
          const { findings } = await checkWebsite(
            { websiteId: w.id, domains: ds, filedIps: w.ips ?? [], siteIcpNumber: w.icpNumber, subjectIcpNumber: s.icpNumber, siteName: w.name, province: s.provinceCode },
            ctx.probesFor(allowed),
          );
          return findings.map((f) => ({ subjectId: w.subjectId, websiteId: w.id, domainId: f.domainId ?? null, code: f.code, observed: f.observed, filed: null }));
        }),
      ),
    );
    for (const rows of checked) for (const r of rows) if (!wanted || wanted.has(r.code)) out.push(r);
  }
  return out;
}

/**
 * Tests and the demo pin the probes to a local server: CHECK_RESOLVE_TO=127.0.0.1 CHECK_HTTP_PORT=8080, with
 * CHECK_ALLOW_PRIVATE=1 to let them reach it (honoured only on a loopback PUBLIC_BASE_URL, with a warning:
 * lib/checks/private-targets.ts). Without it, loopback and private addresses are refused like any other.
 */
export function testProbeOverrides(env: Readonly<Record<string, string | undefined>> = process.env): { resolve?: (h: string) => Promise<string[]>; port?: number; timeoutMs?: number; allowPrivate?: boolean } {
  const to = env.CHECK_RESOLVE_TO;
  const policy = privateTargetsPolicy(env);
  if (policy.log) logOnce(policy.log.level, policy.log.message);
  return {
    ...(to ? { resolve: async () => [to] } : {}),
    ...(env.CHECK_HTTP_PORT ? { port: Number(env.CHECK_HTTP_PORT) } : {}),
    ...(env.CHECK_TIMEOUT_MS ? { timeoutMs: Number(env.CHECK_TIMEOUT_MS) } : {}),
    ...(policy.allowed ? { allowPrivate: true } : {}),
  };
}

const LOGGED = Symbol.for('beian.checks.privateTargetsLogged');
function logOnce(level: 'warn' | 'error', message: string) {
  const g = globalThis as typeof globalThis & { [LOGGED]?: Set<string> };
  const seen = (g[LOGGED] ??= new Set());
  if (seen.has(message)) return;
  seen.add(message);
  componentLog('checks')[level](message);
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The report: counts per code and a few examples each. */
export async function runReport(db: Db, runId: string) {
  const counts = await db
    .select({ code: t.checkResults.code, n: sql<number>`count(*)::int` })
    .from(t.checkResults)
    .where(eq(t.checkResults.runId, runId))
    .groupBy(t.checkResults.code)
    .orderBy(sql`count(*) desc`);
  const examples = await db.execute(sql`
    select code, subject_name, website_name, observed from (
      select r.code, s.name as subject_name, w.name as website_name, r.observed,
             row_number() over (partition by r.code order by r.id) as rn
      from check_results r join subjects s on s.id = r.subject_id left join websites w on w.id = r.website_id
      where r.run_id = ${runId}) x
    where rn <= 3`);
  const rows = (Array.isArray(examples) ? examples : (examples as { rows: unknown[] }).rows) as { code: string; subject_name: string; website_name: string | null; observed: string }[];
  return counts.map((c) => ({ ...c, examples: rows.filter((r) => r.code === c.code) }));
}
