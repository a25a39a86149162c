import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { databaseFigures, leaseFigures, MAX_ROUTE_LABELS, observeRequest, renderMetrics } from '@/db/metrics';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { claimJobLease, PROCESS_HOLDER } from '@/db/jobs/lease';
import { tickReminders } from '@/db/jobs/reminders';
import { tickHousekeeping } from '@/db/jobs/housekeeping';
import { runLeaseName } from '@/db/jobs/runs';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES } from '@/lib/domain/codes';
import { addDaysIso, todayIso } from '@/lib/time';
import { ownerDashboard } from '@/db/owner-cache';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';


describe.each(TEST_TARGETS)('metrics on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
  });
  afterAll(() => h?.close());

  it('reports the outbox, the queues and the caches as the database and this process have them', async () => {
    const figures = await databaseFigures(h.db);
    const submitted = await h.db.select({ id: t.orders.id }).from(t.orders).where(eq(t.orders.state, 'SUBMITTED'));
    const pendingRechecks = await h.db.select({ id: t.rechecks.id }).from(t.rechecks).where(eq(t.rechecks.state, 'pending'));
    const pendingMail = await h.db.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.status, 'pending'));
    const parked = await h.db.select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.status, 'parked'));
    expect(figures).toMatchObject({ review_queue: submitted.length, recheck_queue: pendingRechecks.length, outbox_pending: pendingMail.length, outbox_parked: parked.length });
    expect(submitted.length).toBeGreaterThan(0);

    const [filer] = await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    await ownerDashboard(h, filer!.id);
    await ownerDashboard(h, filer!.id);
    const { body, contentType } = await renderMetrics(h);
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('beian_database_up 1');
    expect(body).toContain(`beian_queue_depth{queue="first_review"} ${submitted.length}`);
    expect(body).toContain(`beian_outbox_messages{status="pending"} ${pendingMail.length}`);
    expect(body).toContain(`beian_outbox_messages{status="parked"} ${parked.length}`);
    expect(body).toMatch(/beian_cache_misses_total\{cache="dashboard"\} [1-9]/);
    expect(body).toMatch(/beian_process_cpu_seconds_total/);
    // Counts only: no address, name or id of anyone.
    expect(body).not.toMatch(/@beian\.example|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  /** The value of one series in the scrape, by its name and labels as printed. */
  const value = (body: string, series: string) => {
    const line = body.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('reports each cache\'s hit ratio from its hits and misses', async () => {
    const [filer] = await h.db.select().from(t.users).where(eq(t.users.email, 'filer@beian.example'));
    for (let i = 0; i < 3; i++) await ownerDashboard(h, filer!.id);
    const { body } = await renderMetrics(h);
    const hits = value(body, 'beian_cache_hits_total{cache="dashboard"}')!;
    const misses = value(body, 'beian_cache_misses_total{cache="dashboard"}')!;
    expect(hits + misses).toBeGreaterThanOrEqual(3);
    expect(value(body, 'beian_cache_hit_ratio{cache="dashboard"}')).toBeCloseTo(hits / (hits + misses), 6);
    // No reads yet: 0, not NaN.
    expect(body).not.toMatch(/beian_cache_hit_ratio\{[^}]*\} NaN/);
  });

  it('reports an import in progress, its rows, and who holds the job and run leases', async () => {
    const [a] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    const admin = { id: a!.id, role: 'admin' as const };
    const sites = await h.db.select({ s: t.subjects.icpNumber, w: t.websites.icpNumber }).from(t.websites).innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId));
    const codes = FINDING_CODES.filter((c) => FINDING_CATALOGUE[c].scope === 'website');
    const lines = sites.flatMap(({ s, w }) => codes.map((c) => `${s},${w},,${c},指标,`)).slice(0, 30);
    const text = ['主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限', ...lines].join('\n');
    const { batchId } = await createImportBatch(h.db, { actor: admin, fileName: 'metrics.csv', source: (async function* () { yield new TextEncoder().encode(text); })(), deadline: addDaysIso(todayIso(), 30) });
    await startImport(h.db, { actor: admin, batchId });
    expect(await runImportBatch(h.db, batchId, { chunkSize: 10, maxChunks: 1 })).toBe('stopped');
    expect(await claimJobLease(h.db, runLeaseName({ kind: 'import', id: batchId }), 60_000)).toBe(true);
    expect(await claimJobLease(h.db, 'check-run:00000000-0000-4000-8000-000000000000', 60_000, 'web-2')).toBe(true);
    // This process runs the reminders; another has the clean-up.
    expect(await tickReminders(h.db, 3600_000)).not.toBeNull();
    expect(await tickHousekeeping(h.db, 3600_000, 'web-2')).not.toBeNull();

    const { body } = await renderMetrics(h);
    expect(value(body, 'beian_imports_running')).toBe(1);
    expect(value(body, 'beian_import_rows{state="processed"}')).toBe(10);
    expect(value(body, 'beian_import_rows{state="total"}')).toBe(30);
    expect(value(body, 'beian_check_runs_running')).toBe(0);
    expect(value(body, 'beian_job_lease_held{job="reminders"}')).toBe(1);
    expect(value(body, 'beian_job_lease_held{job="housekeeping"}')).toBe(0);
    expect(value(body, 'beian_job_lease_live{job="housekeeping"}')).toBe(1);
    expect(value(body, 'beian_run_leases{kind="import",holder="this_process"}')).toBe(1);
    expect(value(body, 'beian_run_leases{kind="check-run",holder="other"}')).toBe(1);
    expect((await leaseFigures(h.db, PROCESS_HOLDER)).jobs.map((j) => j.job)).toEqual(['housekeeping', 'reminders']);
    // The run's id stays in the database.
    expect(body).not.toContain(batchId);
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('times requests by route pattern, method and status class, with a bounded number of routes', async () => {
    // The histogram lives as long as the process (and this file runs once per database): compare before and after.
    const series = 'beian_http_request_duration_seconds';
    const watched = [
      `${series}_count{route="/admin/checks/[id]",method="GET",status_class="2xx"}`,
      `${series}_bucket{le="0.05",route="/admin/checks/[id]",method="GET",status_class="2xx"}`,
      `${series}_count{route="/admin/checks/[id]",method="POST",status_class="3xx"}`,
      `${series}_count{route="unmatched",method="GET",status_class="4xx"}`,
    ];
    const before = (await renderMetrics(h)).body;
    observeRequest({ route: '/admin/checks/[id]', method: 'GET', status: 200, seconds: 0.04 });
    observeRequest({ route: '/admin/checks/[id]', method: 'GET', status: 200, seconds: 0.3 });
    observeRequest({ route: '/admin/checks/[id]', method: 'POST', status: 303, seconds: 0.02 });
    observeRequest({ route: 'unmatched', method: 'GET', status: 404, seconds: 0.001 });
    for (let i = 0; i < MAX_ROUTE_LABELS + 20; i++) observeRequest({ route: `/r${i}`, method: 'GET', status: 500, seconds: 0.001 });
    const { body } = await renderMetrics(h);
    expect(watched.map((w) => value(body, w)! - (value(before, w) ?? 0))).toEqual([2, 1, 1, 1]);
    const routes = new Set([...body.matchAll(/beian_http_request_duration_seconds_count\{route="([^"]*)"/g)].map((m) => m[1]));
    expect(routes.size).toBeLessThanOrEqual(MAX_ROUTE_LABELS + 1);
    expect(routes).toContain('other');
  });

  it('says the database is down instead of failing the scrape', async () => {
    const broken = { db: { execute: async () => Promise.reject(new Error('connection refused')) } } as unknown as Pick<TestDb, 'db'>;
    const { body } = await renderMetrics(broken);
    expect(body).toContain('beian_database_up 0');
  });
});
