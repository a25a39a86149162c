import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import type { Db } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { createImportBatch } from '@/db/imports/preview';
import { startImport } from '@/db/imports/runner';
import { claimJobLease, everyInterval, PROCESS_HOLDER } from '@/db/jobs/lease';
import { REMINDERS_JOB, tickReminders } from '@/db/jobs/reminders';
import { runLeaseName, runWithLease, startLeasedRun, type RunRef } from '@/db/jobs/runs';
import { drainBackgroundWork } from '@/db/jobs/shutdown';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES } from '@/lib/domain/codes';
import { addDaysIso, todayIso } from '@/lib/time';
import { anotherClient, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// SIGTERM/SIGINT: the process stops taking work, lets the chunk in flight commit, and hands back every
// lease it holds (expiry = now), so another process takes the work over at once rather than after it lapses.

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';
const REGISTRY = Symbol.for('beian.leasedRuns');

describe.each(TEST_TARGETS)('shutdown hands its leases back on %s', (target) => {
  let h: TestDb;
  let other: TestDb;
  let run: RunRef;
  beforeAll(async () => {
    h = await freshDb(target);
    other = await anotherClient(h);
    await seedDemo(h.db, { quiet: true });
    const [a] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    const admin = { id: a!.id, role: 'admin' as const };
    const sites = await h.db.select({ s: t.subjects.icpNumber, w: t.websites.icpNumber }).from(t.websites).innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId));
    const codes = FINDING_CODES.filter((c) => FINDING_CATALOGUE[c].scope === 'website');
    const lines = sites.flatMap(({ s, w }) => codes.map((c) => `${s},${w},,${c},停机交接,`)).slice(0, 40);
    const text = [HEADER, ...lines].join('\n');
    const { batchId } = await createImportBatch(h.db, {
      actor: admin,
      fileName: 'drain.csv',
      source: (async function* () {
        yield new TextEncoder().encode(text);
      })(),
      deadline: addDaysIso(todayIso(), 30),
    });
    await startImport(h.db, { actor: admin, batchId });
    run = { kind: 'import', id: batchId };
  });
  afterAll(async () => {
    // The run registry is per process; the next file in this worker starts afresh.
    delete (globalThis as Record<symbol, unknown>)[REGISTRY];
    await other?.close();
    await h?.close();
  });

  const leaseRow = async (name: string) => (await h.db.select({ holder: t.jobLeases.holder, live: sql<boolean>`${t.jobLeases.leaseUntil} > now()` }).from(t.jobLeases).where(eq(t.jobLeases.name, name)))[0];

  it('the chunk in flight commits, the run stops there, and every lease of the process is released for another to take', async () => {
    // This process runs the reminders for the hour, and the import.
    expect(await tickReminders(h.db, 3600_000)).not.toBeNull();
    let drained: Promise<Awaited<ReturnType<typeof drainBackgroundWork>>> | undefined;
    let transactions = 0;
    // The signal arrives just as the first chunk's transaction begins.
    const signalled = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (...args: Parameters<Db['transaction']>) => {
          if (++transactions === 1) drained = drainBackgroundWork(h.db, [], { timeoutMs: 30_000 });
          return target.transaction(...args);
        };
      },
    });
    const outcome = await startLeasedRun(signalled, run, { importOptions: { chunkSize: 10 } });
    expect(outcome).toBe('stopped');
    const { released, timedOut } = await drained!;
    expect(timedOut).toBe(false);
    expect(released).toContain(REMINDERS_JOB);

    // The chunk in flight committed; nothing after it.
    const [batch] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, run.id));
    expect(batch).toMatchObject({ status: 'running', processedRows: 10 });
    // Handed back, not left to lapse: still this process's rows, but expired.
    expect(await leaseRow(runLeaseName(run))).toEqual({ holder: PROCESS_HOLDER, live: false });
    expect(await leaseRow(REMINDERS_JOB)).toEqual({ holder: PROCESS_HOLDER, live: false });
    // Nothing new starts in a process that is stopping.
    expect(startLeasedRun(h.db, run)).toBeNull();

    // Another process takes both over at once, and finishes the import from the committed chunk.
    expect(await tickReminders(other.db, 3600_000, { holder: 'web-2' })).not.toBeNull();
    expect(await runWithLease(other.db, run, { holder: 'web-2', importOptions: { chunkSize: 10 } })).toBe('finished');
    const [done] = await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, run.id));
    expect(done).toMatchObject({ status: 'done', processedRows: 40 });
    expect(done!.createdFindings + done!.skippedRows).toBe(40);
    const keys = await h.db.select({ k: t.findings.externalKey }).from(t.findings).where(eq(t.findings.observedValue, '停机交接'));
    expect(new Set(keys.map((k) => k.k)).size).toBe(done!.createdFindings);
    expect(keys).toHaveLength(done!.createdFindings);
  });

  it('releases only its own leases, and a scheduler stops after the pass in flight', async () => {
    expect(await claimJobLease(h.db, 'theirs', 60_000, 'web-2')).toBe(true);
    expect(await claimJobLease(h.db, 'mine', 60_000)).toBe(true);
    let finished = false;
    const scheduler = everyInterval('slow', 60_000, () => new Promise<void>((r) => setTimeout(() => ((finished = true), r()), 200)), { atStart: true });
    const { released } = await drainBackgroundWork(h.db, [scheduler], { timeoutMs: 10_000 });
    expect(finished).toBe(true);
    expect(released).toEqual(['mine']);
    expect(await leaseRow('theirs')).toEqual({ holder: 'web-2', live: true });
    expect(await claimJobLease(other.db, 'mine', 60_000, 'web-2')).toBe(true);
  });

  it('past the time-out the leases are released all the same', async () => {
    expect(await claimJobLease(h.db, 'stuck', 60_000)).toBe(true);
    const never = { stop: () => new Promise<void>(() => {}) };
    const { released, timedOut } = await drainBackgroundWork(h.db, [never], { timeoutMs: 100 });
    expect(timedOut).toBe(true);
    expect(released).toEqual(['stuck']);
  });
});
