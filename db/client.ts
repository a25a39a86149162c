import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import path from 'node:path';
import * as schema from './schema';
import { config } from '@/lib/config';
import { pgliteListen, postgresListen, type Listen, type Listening } from './listen';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: query functions take `tx = db` so use-cases compose them. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** `listen` LISTENs on a NOTIFY channel; closing the handle stops every listener it started. */
export type Handle = { db: Db; close: () => Promise<void>; kind: 'postgres' | 'pglite'; listen: Listen };

/** Keeps the listeners a handle started, so that closing it stops them (no reconnecting to a dropped database). */
function trackListeners(listen: Listen): { listen: Listen; stopAll: () => Promise<void> } {
  const started = new Set<Listening>();
  return {
    listen: (channel, on) => {
      const l = listen(channel, on);
      started.add(l);
      return l;
    },
    stopAll: async () => {
      await Promise.all([...started].map((l) => l.stop()));
      started.clear();
    },
  };
}

/**
 * Opens a database and brings its schema up to date. postgres.js when a URL is given, otherwise PGlite
 * in `dir` (file-backed) or in memory when `dir` is undefined. Drivers load lazily so a PostgreSQL
 * deployment never loads PGlite's WebAssembly and vice versa.
 */
export async function openDb(opts: { url?: string; dir?: string; migrate?: boolean; logger?: Logger; listenUrl?: string; prepare?: boolean }): Promise<Handle> {
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
    const client = postgres(opts.url, { max: config().DB_POOL_MAX, prepare: opts.prepare ?? config().DB_PREPARE, onnotice: () => {} });
    // The listener bypasses a transaction-mode pooler when DATABASE_LISTEN_URL says where PostgreSQL is.
    const listenUrl = opts.listenUrl ?? (opts.url === config().DATABASE_URL ? (config().DATABASE_LISTEN_URL ?? opts.url) : opts.url);
    const listeners = trackListeners(postgresListen(postgres, listenUrl));
    const close = async () => {
      await listeners.stopAll();
      await client.end({ timeout: 5 });
    };
    return { db: drizzle(client, { schema, logger: opts.logger }) as unknown as Db, close, kind: 'postgres', listen: listeners.listen };
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
  const listeners = trackListeners(pgliteListen(client));
  const close = async () => {
    await listeners.stopAll();
    await client.close();
  };
  return { db: db as unknown as Db, close, kind: 'pglite', listen: listeners.listen };
}

const KEY = Symbol.for('beian.db');
type GlobalWithDb = typeof globalThis & { [KEY]?: Promise<Handle> };

export function defaultPgliteDir(): string {
  return config().PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/** DATABASE_URL when set, otherwise the embedded database under PGLITE_DIR. */
export function defaultDbTarget(): { url: string } | { dir: string } {
  const url = config().DATABASE_URL;
  return url ? { url } : { dir: defaultPgliteDir() };
}

/**
 * The process-wide database. Cached on globalThis because Next bundles routes, proxy and
 * instrumentation separately and dev mode reloads modules; a PGlite directory serves one process only.
 */
export function getDbHandle(): Promise<Handle> {
  const g = globalThis as GlobalWithDb;
  g[KEY] ??= openDb(defaultDbTarget()).catch((err) => {
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
