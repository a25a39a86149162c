import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { and, eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { openDb } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES } from '@/lib/domain/codes';
import { addDaysIso, todayIso } from '@/lib/time';
import { TEST_TARGETS } from '../support/db';

// Faults: a web process killed in the middle of an order transition or of a CSV import leaves no
// half-written state (the import resumes from its last committed chunk),
// and the database going away for a while costs a clear error, not data, and recovers by itself.

async function killMidTransition(target: string, db: Awaited<ReturnType<typeof openDb>>['db'], reopen: () => Promise<Awaited<ReturnType<typeof openDb>>>) {
  const [draft] = await db.select().from(t.orders).where(eq(t.orders.state, 'DRAFT')).limit(1);
  return { draft: draft!, run: async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/fault-child.ts', target, draft!.id, draft!.ownerId], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('in-tx') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    return reopen();
  } };
}


/** A database a child process can use and be killed on: a PGlite directory, or a new server database. */
async function killableDb(target: string, tag: string) {
  if (target === 'pglite') {
    const where = mkdtempSync(path.join(os.tmpdir(), `fault-pglite-${tag}-`));
    return { where, reopen: () => openDb({ dir: where }), cleanup: async () => {} };
  }
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `beian_fault_${tag}_${process.pid}`;
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  const where = u.toString();
  return {
    where,
    reopen: () => openDb({ url: where }),
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';

describe.each(TEST_TARGETS)('faults on %s', (target) => {
  it('a process killed inside an order transition leaves the order, history and outbox untouched', async () => {
    const { where, reopen, cleanup } = await killableDb(target, 'tx');
    let h = await reopen();
    await seedDemo(h.db, { quiet: true });
    const outboxBefore = (await h.db.select().from(t.outbox)).length;
    const { draft, run } = await killMidTransition(where, h.db, reopen);
    if (target === 'pglite') await h.close(); // one process per PGlite directory
    const after = await run();
    if (target !== 'pglite') await h.close();
    h = after;
    const [order] = await h.db.select().from(t.orders).where(eq(t.orders.id, draft.id));
    expect(order!.state).toBe('DRAFT');
    expect(order!.submittedAt).toBeNull();
    expect(await h.db.select().from(t.orderEvents).where(eq(t.orderEvents.orderId, draft.id)).then((r) => r.filter((e) => e.toState !== 'DRAFT'))).toEqual([]);
    expect((await h.db.select().from(t.outbox)).length).toBe(outboxBefore);
    await h.close();
    await cleanup();
  }, 120_000);

  it('a process killed inside a CSV import chunk leaves whole chunks only, and the import resumes without duplicates', async () => {
    const { where, reopen, cleanup } = await killableDb(target, 'imp');
    let h = await reopen();
    await seedDemo(h.db, { quiet: true });
    const [admin] = await h.db.select().from(t.users).where(eq(t.users.role, 'admin')).limit(1);
    // Every website-scope code on every website of the demo: far more rows than the three chunks the child commits.
    const sites = await h.db.select({ s: t.subjects.icpNumber, w: t.websites.icpNumber }).from(t.websites).innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId));
    const codes = FINDING_CODES.filter((c) => FINDING_CATALOGUE[c].scope === 'website');
    const lines = sites.flatMap(({ s, w }) => codes.map((c) => `${s},${w},,${c},断电测试,`)).slice(0, 60);
    const text = [HEADER, ...lines].join('\n');
    const { batchId } = await createImportBatch(h.db, {
      actor: { id: admin!.id, role: 'admin' },
      fileName: 'kill.csv',
      source: (async function* () {
        yield new TextEncoder().encode(text);
      })(),
      deadline: addDaysIso(todayIso(), 30),
    });
    await startImport(h.db, { actor: { id: admin!.id, role: 'admin' }, batchId });
    const [{ base }] = (await h.db.select({ base: sql<number>`count(*)::int` }).from(t.findings)) as [{ base: number }];
    if (target === 'pglite') await h.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/import-child.ts', where, batchId, '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('in-chunk') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited before the kill (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    if (target !== 'pglite') await h.close();
    h = await reopen();

    const batchOf = async () => (await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, batchId)))[0]!;
    const imported = async () => ((await h.db.select({ n: sql<number>`count(*)::int` }).from(t.findings).where(eq(t.findings.observedValue, '断电测试'))) as [{ n: number }])[0].n;
    const killed = await batchOf();
    // Three chunks of ten committed before the kill; the fourth, killed inside its transaction, left nothing.
    // (Chunks commit without waiting for the WAL flush, so a kill may also lose the last commits: then
    // processedRows is lower too, and the resume redoes exactly those chunks.)
    expect(killed.status).toBe('running');
    expect(killed.processedRows % 10).toBe(0);
    expect(killed.processedRows).toBeLessThanOrEqual(30);
    // Every processed row is either a finding or a reported skip (a finding the demo already has), and the
    // findings on disk are exactly the counted ones: no half chunk.
    expect(killed.createdFindings + killed.skippedRows).toBe(killed.processedRows);
    expect(await imported()).toBe(killed.createdFindings);
    expect((await h.db.select({ n: sql<number>`count(*)::int` }).from(t.findings)) as [{ n: number }]).toEqual([{ n: base + killed.createdFindings }]);

    // On restart the import carries on from its last committed chunk.
    expect(await runImportBatch(h.db, batchId, { chunkSize: 10 })).toBe('done');
    const done = await batchOf();
    expect(done).toMatchObject({ status: 'done', processedRows: lines.length });
    expect(done.createdFindings + done.skippedRows).toBe(lines.length);
    expect(done.createdFindings).toBeGreaterThan(40);
    expect(await imported()).toBe(done.createdFindings);
    const keys = await h.db.select({ k: t.findings.externalKey }).from(t.findings).where(and(eq(t.findings.observedValue, '断电测试')));
    expect(new Set(keys.map((k) => k.k)).size).toBe(done.createdFindings);
    await h.close();
    await cleanup();
  }, 180_000);
});

describe.runIf(TEST_TARGETS.includes('postgres'))('the database unavailable for a while', () => {
  it('queries fail while it is away and succeed again once it is back, without a restart', async () => {
    // A TCP proxy in front of PostgreSQL that we can cut and restore.
    const upstream = new URL(process.env.TEST_DATABASE_URL!);
    let cut = false;
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      if (cut) return client.destroy();
      const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
      sockets.add(client).add(server);
      client.pipe(server).pipe(client);
      const drop = () => { client.destroy(); server.destroy(); };
      client.on('error', drop); server.on('error', drop);
      client.on('close', drop); server.on('close', drop);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    const via = new URL(process.env.TEST_DATABASE_URL!);
    via.port = String(port);
    const h = await openDb({ url: via.toString() });
    const before = await h.db.select().from(t.users).limit(1);
    expect(Array.isArray(before)).toBe(true);
    cut = true;
    for (const s of sockets) s.destroy();
    await expect(h.db.select().from(t.users).limit(1)).rejects.toThrow();
    cut = false;
    // postgres.js reconnects on the next query: no restart needed.
    const again = await h.db.select().from(t.users).limit(1);
    expect(Array.isArray(again)).toBe(true);
    await h.close();
    proxy.close();
  }, 60_000);
});
