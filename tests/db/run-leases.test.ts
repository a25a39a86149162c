import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import type { Db } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { createImportBatch } from '@/db/imports/preview';
import { runImportBatch, startImport } from '@/db/imports/runner';
import { createCheckRun, executeRun } from '@/db/checks/run';
import { claimJobLease, holdsLeaseFor } from '@/db/jobs/lease';
import { RESUME_RUNS_JOB, runLeaseName, runWithLease, tickResumeRuns, type LeasedOutcome, type RunRef } from '@/db/jobs/runs';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { FINDING_CODES } from '@/lib/domain/codes';
import { addDaysIso, todayIso } from '@/lib/time';
import { anotherClient, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Imports and check runs are claimed with a lease per run: one process runs each at a time, a run whose
// process died is picked up by the resume scheduler once its lease lapses, and nothing is applied twice.

const HEADER = '主体备案号,网站备案号,域名,不合格项代码,检查发现,整改期限';
const TODAY = '2026-11-23';

/** `db` whose n-th transaction is preceded by `before()`: a takeover that lands between two chunks. */
function beforeTransaction(db: Db, n: number, before: () => Promise<unknown>): Db {
  let count = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return async (...args: Parameters<Db['transaction']>) => {
        if (++count === n) await before();
        return target.transaction(...args);
      };
    },
  });
}

describe.each(TEST_TARGETS)('imports and check runs under a lease on %s', (target) => {
  let h: TestDb;
  let procs: TestDb[];
  let admin: { id: string; role: 'admin' };
  let sites: { s: string; w: string }[];
  let tag = 0;
  beforeAll(async () => {
    h = await freshDb(target);
    procs = [h, await anotherClient(h), await anotherClient(h)];
    await seedDemo(h.db, { quiet: true });
    const [a] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    admin = { id: a!.id, role: 'admin' };
    sites = await h.db.select({ s: t.subjects.icpNumber, w: t.websites.icpNumber }).from(t.websites).innerJoin(t.subjects, eq(t.subjects.id, t.websites.subjectId));
  });
  afterAll(async () => {
    for (const p of procs?.slice(1) ?? []) await p.close();
    await h?.close();
  });

  /** A started batch of `n` rows, each a finding the demo does not have yet (observed value unique per batch). */
  async function startedBatch(n: number) {
    const observed = `租约-${++tag}`;
    const codes = FINDING_CODES.filter((c) => FINDING_CATALOGUE[c].scope === 'website');
    const lines = sites.flatMap(({ s, w }) => codes.map((c) => `${s},${w},,${c},${observed},`)).slice((tag - 1) * n, tag * n);
    expect(lines).toHaveLength(n);
    const text = [HEADER, ...lines].join('\n');
    const { batchId } = await createImportBatch(h.db, {
      actor: admin,
      fileName: `${observed}.csv`,
      source: (async function* () {
        yield new TextEncoder().encode(text);
      })(),
      deadline: addDaysIso(todayIso(), 30),
    });
    await startImport(h.db, { actor: admin, batchId });
    return { run: { kind: 'import', id: batchId } as RunRef, observed };
  }

  const batchOf = async (id: string) => (await h.db.select().from(t.importBatches).where(eq(t.importBatches.id, id)))[0]!;
  const findingsOf = async (observed: string) => h.db.select({ k: t.findings.externalKey }).from(t.findings).where(eq(t.findings.observedValue, observed));
  const leaseOf = async (run: RunRef) => (await h.db.select().from(t.jobLeases).where(eq(t.jobLeases.name, runLeaseName(run))))[0];
  const lapse = (name: string) => h.db.update(t.jobLeases).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(t.jobLeases.name, name));

  /** The batch ran to the end exactly once: every row counted once (a finding, or a skip where the demo
   *  already has that finding unresolved), every finding on disk counted and created once. */
  async function expectWhole(run: RunRef, observed: string, rows: number) {
    const b = await batchOf(run.id);
    expect(b).toMatchObject({ status: 'done', processedRows: rows });
    expect(b.createdFindings + b.skippedRows).toBe(rows);
    expect(b.createdFindings).toBeGreaterThan(rows / 2);
    const keys = (await findingsOf(observed)).map((f) => f.k);
    expect(keys).toHaveLength(b.createdFindings);
    expect(new Set(keys).size).toBe(b.createdFindings);
  }

  it('three processes go for one import: one claims and runs it, the others find it busy', async () => {
    const { run, observed } = await startedBatch(50);
    const outcomes = await Promise.all(['web-1', 'web-2', 'worker-1'].map((holder, i) => runWithLease(procs[i]!.db, run, { holder, importOptions: { chunkSize: 10 } })));
    expect(outcomes.filter((o) => o === 'finished')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(2);
    await expectWhole(run, observed, 50);
    // A finished run leaves no lease behind.
    expect(await leaseOf(run)).toBeUndefined();
  });

  it('a run whose process died is left alone while its lease lives, and finished by another process once it lapses', async () => {
    const { run, observed } = await startedBatch(40);
    // "dead" claimed the batch, committed two chunks and was killed.
    expect(await claimJobLease(h.db, runLeaseName(run), 60_000, 'dead')).toBe(true);
    expect(await runImportBatch(h.db, run.id, { chunkSize: 10, maxChunks: 2 })).toBe('stopped');
    expect((await batchOf(run.id)).processedRows).toBe(20);

    const started: Promise<LeasedOutcome>[] = [];
    const tick = () => tickResumeRuns(procs[1]!.db, 60_000, { holder: 'web-2', start: (r) => started.push(runWithLease(procs[1]!.db, r, { holder: 'web-2', importOptions: { chunkSize: 10 } })) });
    expect(await tick()).toEqual([]);
    // Only one process looks per interval: the others' ticks do nothing.
    expect(await tickResumeRuns(procs[2]!.db, 60_000, { holder: 'worker-1', start: () => expect.unreachable() })).toBeNull();

    await lapse(runLeaseName(run));
    expect(await tick()).toEqual([run]);
    expect(await Promise.all(started)).toEqual(['finished']);
    await expectWhole(run, observed, 40);
    expect(await leaseOf(run)).toBeUndefined();
    // Nothing is left to resume.
    expect(await tick()).toEqual([]);
    expect((await h.db.select().from(t.jobLeases).where(eq(t.jobLeases.name, RESUME_RUNS_JOB)))[0]!.holder).toBe('web-2');
  });

  it('a runner whose lease was taken over commits no further chunk; the new holder finishes, nothing twice', async () => {
    const { run, observed } = await startedBatch(50);
    const name = runLeaseName(run);
    // "slow" had committed two chunks when its lease lapsed and "fresh" claimed it, just before slow's third.
    const takeOver = async () => {
      await lapse(name);
      expect(await claimJobLease(procs[1]!.db, name, 60_000, 'fresh')).toBe(true);
    };
    const slow = await runWithLease(beforeTransaction(h.db, 3, takeOver), run, { holder: 'slow', importOptions: { chunkSize: 10 } });
    expect(slow).toBe('lost');
    expect(await batchOf(run.id)).toMatchObject({ status: 'running', processedRows: 20 });
    expect((await leaseOf(run))!.holder).toBe('fresh');
    expect(await runWithLease(procs[1]!.db, run, { holder: 'fresh', importOptions: { chunkSize: 10 } })).toBe('finished');
    await expectWhole(run, observed, 50);
  });

  it('the chunk fence holds the lease row until commit, and a runner without the lease changes nothing', async () => {
    const { run } = await startedBatch(20);
    const name = runLeaseName(run);
    expect(await claimJobLease(h.db, name, 60_000, 'owner')).toBe(true);
    const outcome = await runImportBatch(h.db, run.id, { chunkSize: 10, control: { shouldStop: () => false, fence: (tx) => holdsLeaseFor(tx, name, 'intruder') } });
    expect(outcome).toBe('raced');
    expect(await batchOf(run.id)).toMatchObject({ status: 'running', processedRows: 0, createdFindings: 0, skippedRows: 0 });
    expect(await runWithLease(h.db, run, { holder: 'owner', importOptions: { chunkSize: 10 } })).toBe('finished');
  });

  describe('check runs', () => {
    const reference = async () => {
      const ref = await createCheckRun(h.db, { actor: admin, filter: {} });
      return (await executeRun(h.db, ref.id, { today: TODAY })).resultCount;
    };
    const resultsOf = async (id: string) => (await h.db.select({ n: sql<number>`count(*)::int` }).from(t.checkResults).where(eq(t.checkResults.runId, id)))[0]!.n;

    it('two runners on one run record each batch once', async () => {
      const expected = await reference();
      expect(expected).toBeGreaterThan(0);
      const run = await createCheckRun(h.db, { actor: admin, filter: {} });
      await Promise.all([executeRun(h.db, run.id, { today: TODAY }), executeRun(procs[1]!.db, run.id, { today: TODAY })]);
      const [row] = await h.db.select().from(t.checkRuns).where(eq(t.checkRuns.id, run.id));
      expect(row).toMatchObject({ status: 'done', resultCount: expected });
      expect(row!.processedSubjects).toBe(row!.totalSubjects);
      expect(await resultsOf(run.id)).toBe(expected);
    });

    it('a run whose holder died is resumed under a new lease; one taken over mid-batch records nothing', async () => {
      const expected = await reference();
      const created = await createCheckRun(h.db, { actor: admin, filter: {} });
      const run: RunRef = { kind: 'check', id: created.id };
      const name = runLeaseName(run);
      expect(await claimJobLease(h.db, name, 60_000, 'dead')).toBe(true);
      // worker-1 takes the run; just before its batch commits, its lease lapses and "fresh" takes it over.
      const takeOver = async () => {
        await lapse(name);
        expect(await claimJobLease(h.db, name, 60_000, 'fresh')).toBe(true);
      };
      const started: Promise<LeasedOutcome>[] = [];
      const tick = () =>
        tickResumeRuns(procs[2]!.db, 60_000, {
          holder: 'worker-1',
          start: (r) => started.push(runWithLease(beforeTransaction(procs[2]!.db, 1, takeOver), r, { holder: 'worker-1', checkOptions: { today: TODAY } })),
        });
      // The earlier ticks' holder keeps the resume job for its interval; let it lapse for worker-1.
      await lapse(RESUME_RUNS_JOB);
      expect(await tick()).toEqual([]);
      await lapse(name);
      expect(await tick()).toEqual([run]);
      expect(await Promise.all(started)).toEqual(['lost']);
      expect(await resultsOf(run.id)).toBe(0);
      expect(await runWithLease(h.db, run, { holder: 'fresh', checkOptions: { today: TODAY } })).toBe('finished');
      const [row] = await h.db.select().from(t.checkRuns).where(eq(t.checkRuns.id, run.id));
      expect(row).toMatchObject({ status: 'done', resultCount: expected });
      expect(await resultsOf(run.id)).toBe(expected);
      expect(await leaseOf(run)).toBeUndefined();
    });
  });
});
