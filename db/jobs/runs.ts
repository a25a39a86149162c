import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../raw-sql';
import { executeRun } from '../checks/run';
import { failImportBatch, runImportBatch } from '../imports/runner';
import { claimJobLease, dropJobLease, everyInterval, holdsLeaseFor, PROCESS_HOLDER, releaseJobLease, runLeased, type Repeating, type RunControl } from './lease';
import { config } from '@/lib/config';
import { componentLog } from '@/lib/log';

// Imports and check runs are long: minutes of chunks, each its own transaction. Any web process or worker
// may run one, but only the one holding its lease (a job_leases row named `import:<id>` / `check-run:<id>`,
// renewed while it runs). A process that dies stops renewing; the resume scheduler (one process per tick,
// under its own lease) finds the running batch or run whose lease lapsed and another process finishes it
// from its last committed chunk. Each chunk commits only while its runner holds the lease (the lease row is
// locked in the chunk's transaction) and only from the progress it started at, so nothing is applied twice.

const log = componentLog('runs');

type RunKind = 'import' | 'check';
export type RunRef = { kind: RunKind; id: string };
/** finished: done, failed or cancelled (its lease row removed); stopped: this process is shutting down
 *  (lease handed back); busy: another process holds the lease; lost: the lease went elsewhere mid-run. */
export type LeasedOutcome = 'finished' | 'stopped' | 'busy' | 'lost';

/** A live runner renews three times per lease, so a slow chunk or a busy event loop does not lose it. */
const RUN_LEASE_MS = 30_000;

export function runLeaseName(run: RunRef): string {
  return `${run.kind === 'import' ? 'import' : 'check-run'}:${run.id}`;
}

export type RunLeaseOptions = {
  holder?: string;
  leaseMs?: number;
  /** Set by shutdown: the run stops after the chunk in flight and hands its lease back. */
  stop?: { readonly stopped: boolean };
  /** Test seams for the runners. */
  importOptions?: { chunkSize?: number; baseUrl?: string };
  checkOptions?: Omit<NonNullable<Parameters<typeof executeRun>[2]>, 'control'>;
};

/** One pass of the run under `control`: true once it has nothing left to do (done, failed, cancelled). */
async function runOnce(db: Db, run: RunRef, control: RunControl, opts: RunLeaseOptions): Promise<boolean> {
  if (run.kind === 'import') {
    try {
      const r = await runImportBatch(db, run.id, { ...opts.importOptions, control });
      return r === 'done' || r === 'not_running';
    } catch (err) {
      log.error({ err, kind: run.kind, runId: run.id }, '导入批次出错，已标记为中断 / import batch failed');
      await failImportBatch(db, run.id);
      return true;
    }
  }
  try {
    const r = await executeRun(db, run.id, { ...opts.checkOptions, control });
    return !r || r.status !== 'running';
  } catch (err) {
    // executeRun has marked the run failed.
    log.error({ err, kind: run.kind, runId: run.id }, '专项核查出错，已标记为中断 / check run failed');
    return true;
  }
}

/**
 * Claims the run's lease and runs it to the end in this process, renewing the lease as it goes; 'busy'
 * without doing anything when another process holds it. When the run races another runner (whose lease
 * this one had taken over, say) it carries on from the committed progress for as long as it keeps the lease.
 */
export async function runWithLease(db: Db, run: RunRef, opts: RunLeaseOptions = {}): Promise<LeasedOutcome> {
  const holder = opts.holder ?? PROCESS_HOLDER;
  const leaseMs = opts.leaseMs ?? RUN_LEASE_MS;
  const name = runLeaseName(run);
  if (!(await claimJobLease(db, name, leaseMs, holder))) return 'busy';
  log.info({ kind: run.kind, runId: run.id }, '开始运行（已取得租约）/ run claimed');
  let lost = false;
  let beat: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | undefined;
  const startBeat = () => {
    timer = setInterval(() => {
      beat = claimJobLease(db, name, leaseMs, holder).then(
        (held) => (lost ||= !held),
        (err) => log.warn({ err, lease: name }, '续约失败，稍后重试 / lease renewal failed'),
      );
    }, Math.max(20, Math.floor(leaseMs / 3)));
    timer.unref?.();
  };
  const stopBeat = async () => {
    clearInterval(timer);
    await beat;
  };
  const stopping = () => opts.stop?.stopped === true;
  const control: RunControl = { shouldStop: () => lost || stopping(), fence: (tx) => holdsLeaseFor(tx, name, holder) };
  try {
    // A few rounds at most: a round ends early only when another runner committed a chunk first.
    for (let round = 0; round < 5; round++) {
      startBeat();
      const finished = await runOnce(db, run, control, opts);
      await stopBeat();
      if (finished) {
        await dropJobLease(db, name, holder);
        log.info({ kind: run.kind, runId: run.id }, '运行结束 / run finished');
        return 'finished';
      }
      if (stopping()) {
        await releaseJobLease(db, name, holder);
        log.info({ kind: run.kind, runId: run.id }, '进程停止，已交还租约 / run handed back on shutdown');
        return 'stopped';
      }
      if (lost || !(await claimJobLease(db, name, leaseMs, holder))) {
        log.warn({ kind: run.kind, runId: run.id }, '租约已由其他进程接手，本进程停止运行 / lease taken over, run left to its new holder');
        return 'lost';
      }
    }
    await releaseJobLease(db, name, holder);
    return 'lost';
  } catch (err) {
    await stopBeat();
    await releaseJobLease(db, name, holder).catch(() => {});
    throw err;
  }
}

type Registry = { runs: Map<string, Promise<LeasedOutcome | 'failed'>>; stop: { stopped: boolean } };
const REGISTRY = Symbol.for('beian.leasedRuns');

function registry(): Registry {
  const g = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (g[REGISTRY] ??= { runs: new Map(), stop: { stopped: false } });
}

/**
 * Runs an import batch or check run in the background of this process, under its lease (once per run
 * per process). Nothing starts once the process is shutting down: the run stays for another process.
 */
export function startLeasedRun(db: Db, run: RunRef, opts: Omit<RunLeaseOptions, 'stop'> = {}): Promise<LeasedOutcome | 'failed'> | null {
  const reg = registry();
  const key = runLeaseName(run);
  const existing = reg.runs.get(key);
  if (existing) return existing;
  if (reg.stop.stopped) return null;
  const done = runWithLease(db, run, { ...opts, stop: reg.stop })
    .catch((err): 'failed' => {
      log.error({ err, lease: key }, '后台任务出错 / leased run failed');
      return 'failed';
    })
    .finally(() => reg.runs.delete(key));
  reg.runs.set(key, done);
  return done;
}

/** Shutdown: no new runs; each run in flight finishes its chunk and hands its lease back. */
export async function stopLeasedRuns(): Promise<void> {
  const reg = registry();
  reg.stop.stopped = true;
  await Promise.allSettled([...reg.runs.values()]);
}

/** Running batches and runs nobody holds a live lease on: their process died (or never started them). */
async function orphanedRuns(db: Db): Promise<RunRef[]> {
  const result = await db.execute(sql`
    select 'import' as kind, b.id::text as id from import_batches b
    where b.status = 'running'
      and not exists (select 1 from job_leases l where l.name = 'import:' || b.id::text and l.lease_until > now())
    union all
    select 'check' as kind, r.id::text as id from check_runs r
    where r.status = 'running'
      and not exists (select 1 from job_leases l where l.name = 'check-run:' || r.id::text and l.lease_until > now())`);
  return rowsOf<RunRef>(result).map((r) => ({ kind: r.kind, id: r.id }));
}

export const RESUME_RUNS_JOB = 'resume-runs';

/**
 * One scheduler tick, when this process holds the resume lease for the interval (else null): every
 * orphaned run is started here (`start`, by default in the background of this process). Lease rows of
 * runs that ended without removing theirs (their process died at the last moment) are cleared too.
 */
export function tickResumeRuns(
  db: Db,
  intervalMs = config().RESUME_RUNS_INTERVAL_MS,
  opts: { holder?: string; start?: (run: RunRef) => unknown } = {},
): Promise<RunRef[] | null> {
  return runLeased(db, { name: RESUME_RUNS_JOB, intervalMs, holder: opts.holder }, async () => {
    const orphans = await orphanedRuns(db);
    for (const run of orphans) (opts.start ?? ((r: RunRef) => startLeasedRun(db, r)))(run);
    await db.execute(sql`delete from job_leases l where l.lease_until < now() - interval '1 hour'
      and ((l.name like 'import:%' and not exists (select 1 from import_batches b where 'import:' || b.id::text = l.name and b.status = 'running'))
        or (l.name like 'check-run:%' and not exists (select 1 from check_runs r where 'check-run:' || r.id::text = l.name and r.status = 'running')))`);
    return orphans;
  });
}

const KEY = Symbol.for('beian.resumeRuns');

/** Every RESUME_RUNS_INTERVAL_MS plus once at start, in one process at a time; once per process. */
export function startRunResumer(db: Db, intervalMs = config().RESUME_RUNS_INTERVAL_MS): Repeating {
  const g = globalThis as typeof globalThis & { [KEY]?: Repeating };
  g[KEY] ??= everyInterval(
    'resume-runs',
    intervalMs,
    async () => {
      const r = await tickResumeRuns(db, intervalMs);
      if (r?.length) log.info({ runs: r.map((x) => ({ kind: x.kind, runId: x.id })) }, `接续 ${r.length} 个中断的导入或核查 / resuming runs whose process stopped`);
    },
    { atStart: true },
  );
  return g[KEY];
}
