import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { openDb, type Handle } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { approveOrder } from '@/db/review/decide';
import { REVIEW_CHECKLIST } from '@/lib/remediation/review-checklist';
import { freshDb, type TestDb } from '../support/db';
import { hasPgbouncer, PGBOUNCER, startPgbouncer } from '../support/pgbouncer';

// The portal behind PgBouncer in transaction mode (Debian's pgbouncer, started here): queries go through
// the pooler without named prepared statements (DB_PREPARE=0), the one LISTEN connection goes to PostgreSQL
// directly (DATABASE_LISTEN_URL). Runs where PostgreSQL answers and pgbouncer is installed (.ci/run installs it).

const enabled = Boolean(process.env.TEST_DATABASE_URL) && hasPgbouncer();
if (!enabled) console.log('[pgbouncer.test] skipped: needs TEST_DATABASE_URL and', PGBOUNCER);

describe.skipIf(!enabled)('behind PgBouncer in transaction mode', () => {
  let direct: TestDb;
  let pooled: Handle;
  let bouncer: ChildProcess;
  let dir: string;
  beforeAll(async () => {
    direct = await freshDb('postgres'); // migrated directly, as a deployment migrates
    dir = mkdtempSync(path.join(tmpdir(), 'pgbouncer-'));
    const port = 6400 + (process.pid % 500);
    bouncer = await startPgbouncer(process.env.TEST_DATABASE_URL!, dir, port);
    const { db } = ((await direct.db.execute(sql`select current_database() as db`)) as unknown as { db: string }[])[0]!;
    const viaBouncer = new URL(process.env.TEST_DATABASE_URL!);
    viaBouncer.port = String(port);
    viaBouncer.pathname = `/${db}`;
    const toServer = new URL(process.env.TEST_DATABASE_URL!);
    toServer.pathname = `/${db}`;
    pooled = await openDb({ url: viaBouncer.toString(), migrate: false, prepare: false, listenUrl: toServer.toString() });
  }, 60_000);
  afterAll(async () => {
    await pooled?.close();
    bouncer?.kill('SIGINT');
    await direct?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds, decides orders in concurrent transactions and hears NOTIFY through the direct listener', async () => {
    expect(await seedDemo(pooled.db, { quiet: true })).toBe('seeded');
    const heard: string[] = [];
    let live = false;
    const sub = pooled.listen('bouncer_check', { notify: (p) => heard.push(p), live: (l) => (live = l) });
    for (let i = 0; i < 100 && !live; i++) await new Promise((r) => setTimeout(r, 50));
    expect(live).toBe(true);

    // More transactions at once than PgBouncer has server connections (3): each still lands whole.
    const [reviewer] = await pooled.db.select().from(t.users).where(eq(t.users.email, 'reviewer@beian.example'));
    const submitted = await pooled.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED'));
    expect(submitted.length).toBeGreaterThan(0);
    const results = await Promise.allSettled([
      ...submitted.map((o) => approveOrder(pooled.db, { orderId: o.id, actor: { id: reviewer!.id, role: 'reviewer' }, checklist: REVIEW_CHECKLIST.map((c) => c.id) })),
      ...Array.from({ length: 12 }, (_, i) => pooled.db.transaction(async (tx) => (await tx.execute(sql`select ${i}::int as i, pg_sleep(0.02)`)) as unknown)),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const moved = await pooled.db.select().from(t.orders).where(eq(t.orders.state, 'PENDING_SMS'));
    expect(moved.map((o) => o.id)).toEqual(expect.arrayContaining(submitted.map((o) => o.id)));

    await pooled.db.execute(sql`select pg_notify('bouncer_check', 'through the pooler')`);
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual(['through the pooler']);
    await sub.stop();
    // The pooler really was in the way: its log has this client's logins.
    expect(readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8')).toMatch(/login attempt/);
  }, 120_000);
});
