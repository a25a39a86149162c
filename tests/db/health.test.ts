import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, setDbForTests, type Db, type Handle } from '@/db/client';
import { expectedMigrations, readiness } from '@/db/health';
import { rowsOf } from '@/db/raw-sql';
import { GET as healthz } from '@/app/healthz/route';
import { GET as readyz } from '@/app/readyz/route';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

const ALL_OK = { ready: true, checks: { database: 'ok', migrations: 'ok', listener: 'ok', accepting: 'ok' } };

describe.each(TEST_TARGETS)('readiness on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await h?.close();
  });

  const lastRow = async () =>
    rowsOf<{ id: number; hash: string; created_at: string }>(
      await h.db.execute(sql`select id, hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    )[0]!;

  it('is ready when the database answers and has every migration of the journal', async () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    expect(expectedMigrations()).toMatchObject({ count: journal.entries.length, when: journal.entries.at(-1)!.when });
    expect(await readiness(h.db)).toEqual(ALL_OK);
    expect(await readiness(async () => h.db)).toEqual(ALL_OK);
  });

  it('a database behind the build, ahead of it, or with a changed last migration is not ready', async () => {
    const last = await lastRow();
    await h.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last.id}`);
    expect(await readiness(h.db)).toEqual({ ready: false, checks: { database: 'ok', migrations: 'failed', listener: 'ok', accepting: 'ok' } });
    await h.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('edited', ${last.created_at}::bigint)`);
    expect((await readiness(h.db)).checks.migrations).toBe('failed');
    await h.db.execute(sql`update drizzle.__drizzle_migrations set hash = ${last.hash} where hash = 'edited'`);
    expect(await readiness(h.db)).toEqual(ALL_OK);
    // A newer build migrated it further.
    await h.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${String(Number(last.created_at) + 1)}::bigint)`);
    expect((await readiness(h.db)).checks.migrations).toBe('failed');
    await h.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'newer'`);
    expect(await readiness(h.db)).toEqual(ALL_OK);
    // Migration files that cannot be read prove nothing.
    const missing = () => expectedMigrations(path.join(MIGRATIONS_DIR, 'no-such-folder'));
    expect((await readiness(h.db, { expected: missing })).checks.migrations).toBe('failed');
  });

  it('a database that cannot be opened, refuses or hangs fails both checks', async () => {
    const failed = { ready: false, checks: { database: 'failed', migrations: 'failed', listener: 'ok', accepting: 'ok' } };
    expect(await readiness(() => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')))).toEqual(failed);
    const refusing = { execute: () => Promise.reject(new Error('password authentication failed')) } as unknown as Db;
    expect(await readiness(refusing)).toEqual(failed);
    const started = Date.now();
    expect(await readiness(() => new Promise<Db>(() => {}), { timeoutMs: 50 })).toEqual(failed);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a listener that is down, or a process that is stopping, is not ready', async () => {
    expect(await readiness(h.db, { listenerLive: () => false })).toEqual({ ready: false, checks: { ...ALL_OK.checks, listener: 'failed' } });
    expect(await readiness(h.db, { draining: () => true })).toEqual({ ready: false, checks: { ...ALL_OK.checks, accepting: 'failed' } });
    expect(await readiness(h.db, { listenerLive: () => true, draining: () => false })).toEqual(ALL_OK);
  });

  it('/readyz and /healthz answer with the check names only, never cached', async () => {
    setDbForTests({ db: h.db, kind: h.kind, close: async () => {}, listen: h.listen } satisfies Handle);
    const ok = await readyz();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', listener: 'ok', accepting: 'ok' } });

    const refusing = { execute: () => Promise.reject(new Error('relation "users" at 10.0.0.5 secret')) } as unknown as Db;
    setDbForTests({ db: refusing, kind: h.kind, close: async () => {}, listen: h.listen });
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.headers.get('cache-control')).toBe('no-store');
    expect(await down.text()).toBe(JSON.stringify({ status: 'unavailable', checks: { database: 'failed', migrations: 'failed', listener: 'ok', accepting: 'ok' } }));
    setDbForTests(undefined);

    const live = healthz();
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect(await live.json()).toEqual({ status: 'ok' });
  });
});
