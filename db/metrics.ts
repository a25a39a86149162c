import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Handle } from './client';
import { rowsOf } from './raw-sql';
import { ownerCachesIfStarted } from './owner-cache';
import { sessionUserCacheIfStarted } from './session-users';
import type { NotifiedCache } from '@/lib/cache/notified-cache';
import { PROCESS_HOLDER } from './jobs/lease';
import { statusClass } from '@/lib/http/route-label';
import type { RequestDone } from '@/lib/http/request-observer';

// What an operator watches (GET /metrics, Prometheus text format): the outbox, the work queues, imports and
// check runs in progress, who holds the job leases, the page caches and the listener that keeps them exact,
// and how long requests take by route. Counts, ages and durations only — never a name, address or id. The database figures are read at each scrape through indexes (partial on
// outbox status), so a scrape every 15 s costs a few milliseconds whatever the table sizes.

type Figures = {
  outbox_pending: number;
  outbox_parked: number;
  outbox_oldest_due_seconds: number;
  review_queue: number;
  recheck_queue: number;
  extension_queue: number;
  imports_running: number;
  import_rows_processed: number;
  import_rows_total: number;
  check_runs_running: number;
  check_subjects_processed: number;
  check_subjects_total: number;
};

export async function databaseFigures(db: Handle['db']): Promise<Figures> {
  const result = await db.execute(sql`select
    (select count(*) from outbox where status = 'pending')::int as outbox_pending,
    (select count(*) from outbox where status = 'parked')::int as outbox_parked,
    coalesce((select extract(epoch from now() - min(next_attempt_at)) from outbox where status = 'pending'), 0)::float8 as outbox_oldest_due_seconds,
    (select count(*) from orders where state = 'SUBMITTED')::int as review_queue,
    (select count(*) from rechecks where state = 'pending')::int as recheck_queue,
    (select count(*) from extension_requests where state = 'pending')::int as extension_queue,
    (select count(*) from import_batches where status = 'running')::int as imports_running,
    (select coalesce(sum(processed_rows), 0) from import_batches where status = 'running')::int as import_rows_processed,
    (select coalesce(sum(total_rows), 0) from import_batches where status = 'running')::int as import_rows_total,
    (select count(*) from check_runs where status = 'running')::int as check_runs_running,
    (select coalesce(sum(processed_subjects), 0) from check_runs where status = 'running')::int as check_subjects_processed,
    (select coalesce(sum(total_subjects), 0) from check_runs where status = 'running')::int as check_subjects_total`);
  const row = rowsOf<Record<keyof Figures, number | string>>(result)[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Figures;
}

/** The job leases: per scheduled job whether this process holds it and whether anyone does; run leases counted. */
export type LeaseFigures = { jobs: { job: string; mine: boolean; live: boolean }[]; runs: { kind: string; mine: number; others: number }[] };

export async function leaseFigures(db: Handle['db'], holder = PROCESS_HOLDER): Promise<LeaseFigures> {
  const jobs = rowsOf<{ job: string; mine: boolean; live: boolean }>(
    await db.execute(sql`select name as job, (holder = ${holder} and lease_until > now()) as mine, (lease_until > now()) as live
      from job_leases where name not like '%:%' order by name`),
  );
  // Run leases are named <kind>:<id>: only the kind and the counts leave the database.
  const runs = rowsOf<{ kind: string; mine: number | string; others: number | string }>(
    await db.execute(sql`select split_part(name, ':', 1) as kind, count(*) filter (where holder = ${holder})::int as mine,
      count(*) filter (where holder <> ${holder})::int as others
      from job_leases where name like '%:%' and lease_until > now() group by 1 order by 1`),
  );
  return { jobs: jobs.map((j) => ({ job: j.job, mine: j.mine === true || String(j.mine) === 'true', live: j.live === true || String(j.live) === 'true' })), runs: runs.map((r) => ({ kind: r.kind, mine: Number(r.mine), others: Number(r.others) })) };
}

type ProcessMetrics = { registry: Registry; requests: Histogram; routes: Set<string> };
const PROCESS = Symbol.for('beian.metrics.process');
/** Distinct route labels kept per process; any further one counts as "other" (a bound on the series). */
export const MAX_ROUTE_LABELS = 100;

/** Process metrics (CPU, memory, event loop, GC) and request durations, in a registry kept for the life of the process. */
function processMetrics(): ProcessMetrics {
  const g = globalThis as typeof globalThis & { [PROCESS]?: ProcessMetrics };
  if (!g[PROCESS]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'beian_' });
    const requests = new Histogram({
      name: 'beian_http_request_duration_seconds',
      help: '请求耗时（秒），按路由模式、方法与状态类别',
      labelNames: ['route', 'method', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    g[PROCESS] = { registry, requests, routes: new Set() };
  }
  return g[PROCESS];
}

/**
 * One finished request (lib/http/request-observer.ts, installed by instrumentation.ts). `route` is already a
 * pattern (ids replaced); past MAX_ROUTE_LABELS distinct routes the rest count as "other".
 */
export function observeRequest(r: RequestDone): void {
  const m = processMetrics();
  let route = r.route;
  if (!m.routes.has(route)) {
    if (m.routes.size >= MAX_ROUTE_LABELS) route = 'other';
    else m.routes.add(route);
  }
  m.requests.labels(route, r.method, statusClass(r.status)).observe(r.seconds);
}

/** The whole scrape: database figures, caches and listener of this process, and process metrics. */
export async function renderMetrics(handle: Pick<Handle, 'db'>): Promise<{ body: string; contentType: string }> {
  const scrape = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name: `beian_${name}`, help, labelNames, registers: [scrape] });
  /** One gauge with a value per label: `{ pending: 3, parked: 0 }` → `name{label="pending"} 3` … */
  const byLabel = (name: string, help: string, label: string, values: Record<string, number>) => {
    const g = gauge(name, help, [label]);
    for (const [value, n] of Object.entries(values)) g.labels(value).set(n);
  };
  let up = 1;
  const f = await databaseFigures(handle.db).catch(() => ((up = 0), null));
  const leases = up ? await leaseFigures(handle.db).catch(() => null) : null;
  gauge('database_up', '数据库是否可查询（1 可用，0 不可用）').set(up);
  if (f) {
    byLabel('outbox_messages', '发件箱中的消息数，按状态', 'status', { pending: f.outbox_pending, parked: f.outbox_parked });
    gauge('outbox_oldest_due_seconds', '最早到期而未发出的消息已等待的秒数').set(f.outbox_oldest_due_seconds);
    byLabel('queue_depth', '待处理的工作，按队列', 'queue', { first_review: f.review_queue, recheck: f.recheck_queue, extension: f.extension_queue });
    gauge('imports_running', '正在运行的导入批次数').set(f.imports_running);
    byLabel('import_rows', '正在运行的导入的行数', 'state', { processed: f.import_rows_processed, total: f.import_rows_total });
    gauge('check_runs_running', '正在运行的专项核查数').set(f.check_runs_running);
    byLabel('check_run_subjects', '正在运行的核查的主体数', 'state', { processed: f.check_subjects_processed, total: f.check_subjects_total });
  }
  if (leases) {
    const held = gauge('job_lease_held', '本进程是否持有该定时任务的租约（1 是，0 否）', ['job']);
    const live = gauge('job_lease_live', '该定时任务的租约是否有进程持有且未到期', ['job']);
    for (const j of leases.jobs) {
      held.labels(j.job).set(j.mine ? 1 : 0);
      live.labels(j.job).set(j.live ? 1 : 0);
    }
    const runs = gauge('run_leases', '持有中的导入与核查租约数，按类型与持有者（本进程 / 其他进程）', ['kind', 'holder']);
    for (const r of leases.runs) {
      runs.labels(r.kind, 'this_process').set(r.mine);
      runs.labels(r.kind, 'other').set(r.others);
    }
  }
  const owner = ownerCachesIfStarted(handle);
  const caches: [string, NotifiedCache<unknown> | undefined][] = [
    ['session_user', sessionUserCacheIfStarted(handle) as NotifiedCache<unknown> | undefined],
    ['dashboard', owner?.dashboard as NotifiedCache<unknown> | undefined],
    ['rectification', owner?.rectification as NotifiedCache<unknown> | undefined],
  ];
  const entries = gauge('cache_entries', '本进程缓存的条目数', ['cache']);
  const live = gauge('cache_listener_up', '缓存的数据库监听是否在线（在线时才从内存读取）', ['cache']);
  const hits = new Counter({ name: 'beian_cache_hits_total', help: '从内存读取的次数', labelNames: ['cache'], registers: [scrape] });
  const misses = new Counter({ name: 'beian_cache_misses_total', help: '从数据库读取的次数', labelNames: ['cache'], registers: [scrape] });
  const ratio = gauge('cache_hit_ratio', '自进程启动以来从内存读取的比例（命中 /（命中 + 未命中）；尚无读取时为 0）', ['cache']);
  for (const [name, cache] of caches) {
    entries.labels(name).set(cache?.size ?? 0);
    live.labels(name).set(cache?.live ? 1 : 0);
    hits.labels(name).inc(cache?.hits ?? 0);
    misses.labels(name).inc(cache?.misses ?? 0);
    const reads = (cache?.hits ?? 0) + (cache?.misses ?? 0);
    ratio.labels(name).set(reads ? (cache?.hits ?? 0) / reads : 0);
  }
  const merged = Registry.merge([processMetrics().registry, scrape]);
  return { body: await merged.metrics(), contentType: merged.contentType };
}
