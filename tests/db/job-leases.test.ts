import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, notInArray, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { claimJobLease, PROCESS_HOLDER } from '@/db/jobs/lease';
import { REMINDERS_JOB, tickReminders } from '@/db/jobs/reminders';
import { tickHousekeeping } from '@/db/jobs/housekeeping';
import { tickReviewJobs } from '@/db/jobs/review-jobs';
import { anotherClient, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// 2026-11-23T16:30Z is 2026-11-24 00:30 in Shanghai, the calendar the reminders count in.
const NOW = new Date('2026-11-23T16:30:00Z');
const DAY = 86400_000;
const HOUR = 3600_000;
const HOLDERS = ['web-1', 'web-2', 'worker-1'] as const;

describe.each(TEST_TARGETS)('scheduled jobs run once per interval across processes on %s', (target) => {
  let h: TestDb;
  // Three processes: on PostgreSQL three pools of their own, on PGlite (one client only) the same database.
  let procs: TestDb[];
  let ids: { d7: string; d1: string };
  beforeAll(async () => {
    h = await freshDb(target);
    procs = [h, await anotherClient(h), await anotherClient(h)];
    await seedDemo(h.db, { quiet: true, now: NOW });
    await h.db.delete(t.outbox);
    await h.db.update(t.orders).set({ expiresAt: new Date(NOW.getTime() + 200 * DAY) }).where(sql`true`);
    const [f7, f1] = await h.db.select({ id: t.findings.id }).from(t.findings).limit(2);
    ids = { d7: f7!.id, d1: f1!.id };
    await h.db.update(t.findings).set({ deadline: '2027-06-01' }).where(notInArray(t.findings.id, [ids.d7, ids.d1]));
    await h.db.update(t.findings).set({ deadline: '2026-12-01', status: 'open' }).where(eq(t.findings.id, ids.d7));
    await h.db.update(t.findings).set({ deadline: '2026-11-25', status: 'open' }).where(eq(t.findings.id, ids.d1));
  });
  afterAll(async () => {
    for (const p of procs?.slice(1) ?? []) await p.close();
    await h?.close();
  });

  const reminderKeys = async () =>
    (await h.db.select({ k: t.outbox.dedupeKey }).from(t.outbox).where(like(t.outbox.dedupeKey, 'reminder:%'))).map((r) => r.k).sort();
  const tickAll = (at: Date, who: readonly number[] = [0, 1, 2]) =>
    Promise.all(who.map((i) => tickReminders(procs[i]!.db, HOUR, { holder: HOLDERS[i], now: at })));
  const lease = async () => (await h.db.select().from(t.jobLeases).where(eq(t.jobLeases.name, REMINDERS_JOB)))[0];

  it('three processes ticking at once: one runs the pass, each reminder is queued once', async () => {
    const runs = await tickAll(NOW);
    const ran = runs.flatMap((r, i) => (r ? [{ i, r }] : []));
    expect(ran).toHaveLength(1);
    expect(ran[0]!.r.reminders).toBe(2);
    expect(await reminderKeys()).toEqual([`reminder:${ids.d1}:1`, `reminder:${ids.d7}:7`].sort());
    const row = await lease();
    expect(row!.holder).toBe(HOLDERS[ran[0]!.i]);
    // The lease runs one interval from the claim, on the database's clock.
    const length = row!.leaseUntil.getTime() - row!.claimedAt.getTime();
    expect(Math.abs(length - HOUR)).toBeLessThan(1000);
  });

  it('within the interval the others do not get the job; its holder keeps it at its next tick', async () => {
    const holder = HOLDERS.indexOf((await lease())!.holder as (typeof HOLDERS)[number]);
    const runs = await tickAll(NOW);
    expect(runs.map((r) => r !== null)).toEqual(HOLDERS.map((_, i) => i === holder));
    expect(runs[holder]).toEqual({ overdue: 0, reminders: 0, expiries: 0 });
    expect(await reminderKeys()).toHaveLength(2);
  });

  it('when the holder stops ticking, its lease lapses and one of the others takes the job', async () => {
    const gone = HOLDERS.indexOf((await lease())!.holder as (typeof HOLDERS)[number]);
    const others = [0, 1, 2].filter((i) => i !== gone);
    expect((await tickAll(NOW, others)).every((r) => r === null)).toBe(true);
    // An hour passes (the lease is on the database's clock: age it rather than wait).
    await h.db.update(t.jobLeases).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(t.jobLeases.name, REMINDERS_JOB));
    // The next Shanghai day: d1 is due today.
    const runs = await tickAll(new Date(NOW.getTime() + DAY), others);
    const ran = runs.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.reminders).toBe(1);
    expect(await reminderKeys()).toContain(`reminder:${ids.d1}:0`);
    expect(HOLDERS.indexOf((await lease())!.holder as (typeof HOLDERS)[number])).not.toBe(gone);
  });

  it('a short lease lapses by itself; the ex-holder then waits like everyone else', async () => {
    expect(await claimJobLease(h.db, 'probe', 400, 'a')).toBe(true);
    expect(await claimJobLease(procs[1]!.db, 'probe', 400, 'b')).toBe(false);
    await new Promise((r) => setTimeout(r, 600));
    expect(await claimJobLease(procs[1]!.db, 'probe', 60_000, 'b')).toBe(true);
    expect(await claimJobLease(h.db, 'probe', 60_000, 'a')).toBe(false);
  });

  it('each job has a lease of its own, held by this process by default', async () => {
    expect(await tickHousekeeping(h.db, HOUR)).not.toBeNull();
    expect(await tickReviewJobs(h.db, 60_000)).not.toBeNull();
    const rows = await h.db.select().from(t.jobLeases).where(notInArray(t.jobLeases.name, [REMINDERS_JOB, 'probe']));
    expect(rows.map((r) => [r.name, r.holder]).sort()).toEqual([['housekeeping', PROCESS_HOLDER], ['review-jobs', PROCESS_HOLDER]]);
    expect(await tickHousekeeping(procs[2]!.db, HOUR, 'worker-1')).toBeNull();
  });
});
