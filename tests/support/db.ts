import postgres from 'postgres';
import { sql, type Logger } from 'drizzle-orm';
import { openDb, type Db, type Handle } from '@/db/client';

export type TestTarget = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it when it answers). */
export const TEST_TARGETS: TestTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDb = { db: Db; kind: TestTarget; close: () => Promise<void>; listen: Handle['listen'] };

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the server (dropped on close), so
 * test files never see each other's rows and the migrations themselves are exercised every run.
 */
export async function freshDb(kind: TestTarget, opts: { logger?: Logger } = {}): Promise<TestDb> {
  if (kind === 'pglite') {
    const h = await openDb({ logger: opts.logger });
    return { db: h.db, kind, close: h.close, listen: h.listen };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `beian_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), logger: opts.logger });
  return {
    db: h.db,
    kind,
    listen: h.listen,
    close: async () => {
      await h.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The Postgres error code of a failed statement, through drizzle's and the drivers' wrappers. */
export function pgCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * PostgreSQL: terminates the connections of `h`'s database that LISTEN on `channel`, as a server restart or a
 * network fault would, and says how many there were.
 */
export async function cutListeners(h: TestDb, channel: string): Promise<number> {
  const result = (await h.db.execute(sql`select current_database() as db`)) as unknown as { db: string }[];
  const db = result[0]!.db;
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const killed = await admin`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${db} and query ilike ${`listen%${channel}%`}`;
    return killed.length;
  } finally {
    await admin.end();
  }
}

/**
 * Another client on `h`'s database, as a second process would open: on PostgreSQL a pool of its own (closed
 * with it); PGlite serves one client, so there it is `h` itself and closing it does nothing.
 */
export async function anotherClient(h: TestDb): Promise<TestDb> {
  if (h.kind === 'pglite') return { ...h, close: async () => {} };
  const result = (await h.db.execute(sql`select current_database() as db`)) as unknown as { db: string }[];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${result[0]!.db}`;
  const other = await openDb({ url: url.toString(), migrate: false });
  return { db: other.db, kind: h.kind, close: other.close, listen: other.listen };
}
