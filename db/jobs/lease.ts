import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../raw-sql';
import { errorForLog } from '@/lib/privacy/mask';

// Every web process and every `npm run worker` starts the same schedulers. A lease per job (table
// job_leases) lets one of them run each tick: the jobs are idempotent anyway, the lease saves the
// repeated work and keeps two passes from racing each other.

/** This process among all of them: pids repeat across containers and restarts, hence host and a random part. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * One atomic statement on PGlite and PostgreSQL: true when `holder` now holds the job for `leaseMs`. It
 * wins when nobody held the job yet, when the lease lapsed (its holder died or stopped ticking), or when
 * it held the lease itself: the holder keeps the job tick after tick, and its timer can never fire a
 * little before its own lease ends and skip a tick. The database's clock decides, one clock for every host.
 */
export async function claimJobLease(db: Db, name: string, leaseMs: number, holder = PROCESS_HOLDER): Promise<boolean> {
  const result = await db.execute(sql`
    insert into job_leases (name, holder, claimed_at, lease_until)
    values (${name}, ${holder}, now(), now() + ${leaseMs}::double precision * interval '1 millisecond')
    on conflict (name) do update set holder = excluded.holder, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
    where job_leases.lease_until <= now() or job_leases.holder = excluded.holder
    returning name`);
  return rowsOf(result).length === 1;
}

/**
 * A scheduler tick: runs the job when this process wins its lease for one interval, and gives its result;
 * null when another process has this interval. The lease is not given back after the run, so the job
 * runs once per interval across processes.
 */
export async function runLeased<T>(db: Db, job: { name: string; intervalMs: number; holder?: string }, run: () => Promise<T>): Promise<T | null> {
  if (!(await claimJobLease(db, job.name, job.intervalMs, job.holder))) return null;
  return run();
}

/**
 * Calls `tick` every `intervalMs` (and once at start when asked); a tick still running skips the next
 * one. The timer is unref'd so it never keeps a process alive.
 */
export function everyInterval(label: string, intervalMs: number, tick: () => Promise<unknown>, opts: { atStart?: boolean } = {}): { stop: () => void } {
  let running = false;
  const fire = () => {
    if (running) return;
    running = true;
    tick()
      .catch((err) => console.error(`[${label}]`, errorForLog(err)))
      .finally(() => (running = false));
  };
  if (opts.atStart) fire();
  const timer = setInterval(fire, intervalMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
