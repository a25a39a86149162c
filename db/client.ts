import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import path from 'node:path';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: query functions take `tx = db` so use-cases compose them. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

type Handle = { db: Db; close: () => Promise<void>; kind: 'postgres' | 'pglite' };

/**
 * Opens a database and brings its schema up to date. postgres.js when a URL is given, otherwise PGlite
 * in `dir` (file-backed) or in memory when `dir` is undefined. Drivers load lazily so a PostgreSQL
 * deployment never loads PGlite's WebAssembly and vice versa.
 */
export async function openDb(opts: { url?: string; dir?: string; migrate?: boolean; logger?: Logger }): Promise<Handle> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    if (opts.migrate !== false) {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      const once = postgres(opts.url, { max: 1, onnotice: () => {} });
      try {
        await migrate(drizzle(once), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await once.end();
      }
    }
    const client = postgres(opts.url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });
    return { db: drizzle(client, { schema, logger: opts.logger }) as unknown as Db, close: () => client.end({ timeout: 5 }), kind: 'postgres' };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = opts.dir ? new PGlite(opts.dir) : new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema, logger: opts.logger });
  if (opts.migrate !== false) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  }
  return { db: db as unknown as Db, close: () => client.close(), kind: 'pglite' };
}

const KEY = Symbol.for('beian.db');
type GlobalWithDb = typeof globalThis & { [KEY]?: Promise<Handle> };

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/**
 * The process-wide database. Cached on globalThis because Next bundles routes, proxy and
 * instrumentation separately and dev mode reloads modules; a PGlite directory serves one process only.
 */
export function getDbHandle(): Promise<Handle> {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= openDb(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: defaultPgliteDir() },
  ).catch((err) => {
    delete g[KEY];
    throw err;
  });
  return g[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests install their own database (in-memory PGlite or a fresh PostgreSQL database) here. */
export function setDbForTests(handle: Handle | undefined): void {
  const g = globalThis as GlobalWithDb;
  if (handle) g[KEY] = Promise.resolve(handle);
  else delete g[KEY];
}
