import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_DIR, type Db } from './client';
import { rowsOf } from './raw-sql';
import { componentLog } from '@/lib/log';

// Readiness for a load balancer (/readyz): this process can serve, i.e. its database answers and has the
// schema this build expects. The answer names the checks and nothing else: no error text, no data.

export type CheckState = 'ok' | 'failed';
export type Readiness = { ready: boolean; checks: { database: CheckState; migrations: CheckState; listener: CheckState; accepting: CheckState } };

/** The last migration of this build's journal, and how many there are. */
export type ExpectedMigrations = { count: number; hash: string; when: number };

const expected = new Map<string, ExpectedMigrations>();

/** Read (and hashed, as drizzle's migrator does) once per process: the files ship with the build. */
export function expectedMigrations(folder = MIGRATIONS_DIR): ExpectedMigrations {
  let e = expected.get(folder);
  if (!e) {
    const files = readMigrationFiles({ migrationsFolder: folder });
    const last = files[files.length - 1]!;
    e = { count: files.length, hash: last.hash, when: last.folderMillis };
    expected.set(folder, e);
  }
  return e;
}

/**
 * Current when drizzle's record (drizzle.__drizzle_migrations, written by the migrator in db/client.ts)
 * ends with this build's last migration and holds as many as the journal: a database behind the build,
 * one migrated by a newer build, or a last migration whose file changed is not current.
 */
export async function migrationsCurrent(db: Db, want: ExpectedMigrations = expectedMigrations()): Promise<boolean> {
  const rows = rowsOf<{ hash: string; created_at: string; n: number }>(
    await db.execute(sql`select hash, created_at::text as created_at, (count(*) over ())::int as n
      from drizzle.__drizzle_migrations order by created_at desc limit 1`),
  );
  const last = rows[0];
  return !!last && Number(last.n) === want.count && last.hash === want.hash && last.created_at === String(want.when);
}

/** The check's value, or null when it threw or took longer than `ms` (a database that hangs is not ready). */
async function within<T>(name: string, ms: number, check: () => Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      componentLog('readyz').error({ check: name, ms }, '就绪检查超时 / readiness check timed out');
      resolve(null);
    }, ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (err) {
    componentLog('readyz').error({ err, check: name }, '就绪检查失败 / readiness check failed');
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** `db` may be the opener (getDb): a database that cannot be opened fails the database check. */
/**
 * `listenerLive`: this process's database listener (which keeps its caches exact) is connected; without it
 * the caches read from the database, correct but slower, until it reconnects. `draining`: a stop signal
 * arrived (db/jobs/shutdown.ts) and the process is finishing its work: no new requests should come here.
 */
export async function readiness(
  db: Db | (() => Promise<Db>),
  opts: { timeoutMs?: number; expected?: () => ExpectedMigrations; listenerLive?: () => boolean; draining?: () => boolean } = {},
): Promise<Readiness> {
  const ms = opts.timeoutMs ?? 2000;
  const open = typeof db === 'function' ? db : async () => db;
  const answering = await within('database', ms, async () => {
    const d = await open();
    await d.execute(sql`select 1`);
    return d;
  });
  const current = answering ? await within('migrations', ms, () => migrationsCurrent(answering, (opts.expected ?? expectedMigrations)())) : null;
  const checks = {
    database: answering ? 'ok' : 'failed',
    migrations: current ? 'ok' : 'failed',
    listener: (opts.listenerLive?.() ?? true) ? 'ok' : 'failed',
    accepting: opts.draining?.() ? 'failed' : 'ok',
  } as const;
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}
