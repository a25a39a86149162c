import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { rowsOf } from '../raw-sql';
import { componentLog } from '@/lib/log';

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
 * Hands the lease back at once (its expiry set to now), so another process may claim it at its next try
 * instead of waiting for it to lapse. Only the holder's own lease is touched; true when there was one.
 */
export async function releaseJobLease(db: Db, name: string, holder = PROCESS_HOLDER): Promise<boolean> {
  const result = await db.execute(sql`update job_leases set lease_until = now()
    where name = ${name} and holder = ${holder} and lease_until > now() returning name`);
  return rowsOf(result).length === 1;
}

/** Every lease `holder` still holds, handed back at once (shutdown): the names released. */
export async function releaseHeldLeases(db: Db, holder = PROCESS_HOLDER): Promise<string[]> {
  const result = await db.execute(sql`update job_leases set lease_until = now()
    where holder = ${holder} and lease_until > now() returning name`);
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

/** A lease for work that is over (a finished run): its row removed, if `holder` still has it. */
export async function dropJobLease(db: Db, name: string, holder = PROCESS_HOLDER): Promise<void> {
  await db.execute(sql`delete from job_leases where name = ${name} and holder = ${holder}`);
}

/**
 * Inside a transaction: whether `holder` still holds `name`. The lease row stays locked until the
 * transaction ends, so a process taking the lease over waits for this commit and then reads what it wrote.
 */
export async function holdsLeaseFor(tx: Tx, name: string, holder = PROCESS_HOLDER): Promise<boolean> {
  const result = await tx.execute(sql`select holder from job_leases where name = ${name} for update`);
  return rowsOf<{ holder: string }>(result)[0]?.holder === holder;
}

/**
 * What a long run (an import, a check run) needs from whoever drives it under a lease (db/jobs/runs.ts):
 * whether to stop before its next chunk (shutting down, or the lease went elsewhere), and a fence each
 * chunk's transaction checks before it commits (this process still holds the lease: holdsLeaseFor).
 */
export type RunControl = { shouldStop: () => boolean; fence: (tx: Tx) => Promise<boolean> };

export type Repeating = { stop: () => Promise<void> };

/**
 * Calls `tick` every `intervalMs` (and once at start when asked); a tick still running skips the next
 * one. The timer is unref'd so it never keeps a process alive. stop() ends the timer and resolves once
 * the tick in flight, if any, has finished.
 */
export function everyInterval(label: string, intervalMs: number, tick: () => Promise<unknown>, opts: { atStart?: boolean } = {}): Repeating {
  let current: Promise<unknown> | null = null;
  let stopped = false;
  const fire = () => {
    if (current || stopped) return;
    current = tick()
      .catch((err) => componentLog(label).error({ err }, '定时任务出错 / scheduled job failed'))
      .finally(() => (current = null));
  };
  if (opts.atStart) fire();
  const timer = setInterval(fire, intervalMs);
  timer.unref?.();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
