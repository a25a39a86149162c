import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { runReminders } from '@/db/jobs/reminders';
import { deliverDue, type Transport } from '@/db/jobs/outbox-worker';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// 2026-11-23T16:30Z is already 2026-11-24 00:30 in Shanghai: every count below is in Shanghai days.
const NOW = new Date('2026-11-23T16:30:00Z');
const DAY = 86400_000;

describe.each(TEST_TARGETS)('deadline reminders on %s', (target) => {
  let h: TestDb;
  let ids: Record<string, string>;
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true, now: NOW });
    await h.db.delete(t.outbox);
    const [yunqi] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '杭州云栖科技有限公司'));
    const mine = await h.db.select().from(t.findings).where(eq(t.findings.subjectId, yunqi!.id));
    // Six open findings with deadlines chosen around the Shanghai/UTC date line; all others far away.
    const deadlines = { d7: '2026-12-01', d3: '2026-11-27', d1: '2026-11-25', d0: '2026-11-24' } as const;
    const [f7, f3, f1, f0] = mine;
    ids = { d7: f7!.id, d3: f3!.id, d1: f1!.id, d0: f0!.id };
    await h.db.update(t.findings).set({ deadline: '2027-06-01' }).where(notInArray(t.findings.id, Object.values(ids)));
    for (const [k, d] of Object.entries(deadlines)) await h.db.update(t.findings).set({ deadline: d, status: 'open' }).where(eq(t.findings.id, ids[k]!));
    const [zhiyuan] = await h.db.select().from(t.findings).where(eq(t.findings.code, 'SITE_UNREACHABLE'));
    ids.past = zhiyuan!.id;
    await h.db.update(t.findings).set({ deadline: '2026-11-23', status: 'open' }).where(eq(t.findings.id, ids.past));
    // One submitted order whose 45 days run out on 2026-12-01 (Shanghai): 7 days from now.
    const [order] = await h.db.select().from(t.orders).where(eq(t.orders.state, 'SUBMITTED')).limit(1);
    ids.order = order!.id;
    await h.db.update(t.orders).set({ expiresAt: new Date(NOW.getTime() + 200 * DAY) }).where(sql`true`);
    await h.db.update(t.orders).set({ expiresAt: new Date('2026-12-01T10:00:00+08:00') }).where(eq(t.orders.id, ids.order));
  });
  afterAll(() => h?.close());

  const keys = async () => (await h.db.select({ k: t.outbox.dedupeKey }).from(t.outbox)).map((r) => r.k).sort();

  it('queues 7/3/1/0-day reminders by the Shanghai calendar and marks the past deadline overdue', async () => {
    const r = await runReminders(h.db, NOW, 'https://beian.example.cn');
    expect(r).toEqual({ overdue: 1, reminders: 4, expiries: 1 });
    expect(await keys()).toEqual(
      [`reminder:${ids.d7}:7`, `reminder:${ids.d3}:3`, `reminder:${ids.d1}:1`, `reminder:${ids.d0}:0`, `order-expiry:${ids.order}:7`].sort(),
    );
    const [past] = await h.db.select().from(t.findings).where(eq(t.findings.id, ids.past!));
    expect(past!.status).toBe('overdue');
    const [d0] = await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `reminder:${ids.d0}:0`));
    expect(d0!.subject).toContain('今天（2026-11-24）是整改期限');
    expect(d0!.html).toContain(`https://beian.example.cn/rectifications/${ids.d0}`);
    const [d7] = await h.db.select().from(t.outbox).where(eq(t.outbox.dedupeKey, `reminder:${ids.d7}:7`));
    expect(d7!.subject).toContain('还有 7 天');
    expect(d7!.recipient).toBe('filer@beian.example');
  });

  it('run again the same day (and after a restart hours later) it sends each reminder once', async () => {
    const sent: string[] = [];
    const transport: Transport = { name: 'count', send: async (m) => void sent.push(m.subject) };
    await deliverDue(h.db, { email: transport, sms: transport }, { limit: 100 });
    expect(sent).toHaveLength(5);
    expect(await runReminders(h.db, NOW)).toEqual({ overdue: 0, reminders: 0, expiries: 0 });
    expect(await runReminders(h.db, new Date(NOW.getTime() + 15 * 3600_000))).toEqual({ overdue: 0, reminders: 0, expiries: 0 });
    await Promise.all([runReminders(h.db, NOW), runReminders(h.db, NOW)]); // two schedulers at once
    await deliverDue(h.db, { email: transport, sms: transport }, { limit: 100 });
    expect(sent).toHaveLength(5);
    expect(await h.db.select().from(t.outbox).where(like(t.outbox.dedupeKey, 'reminder:%'))).toHaveLength(4);
  });

  it('the next Shanghai day moves each finding to its next reminder, and the deadline day passes into overdue', async () => {
    // 2026-11-24T16:00Z = 2026-11-25 00:00 in Shanghai: d1 is now due today, d0 has passed.
    const r = await runReminders(h.db, new Date('2026-11-24T16:00:00Z'));
    expect(r).toMatchObject({ reminders: 1, overdue: 1 });
    expect(await keys()).toContain(`reminder:${ids.d1}:0`);
    const [d0] = await h.db.select().from(t.findings).where(eq(t.findings.id, ids.d0!));
    expect(d0!.status).toBe('overdue');
    // One minute earlier it was still the 24th in Shanghai: nothing new.
    const before = await runReminders(h.db, new Date('2026-11-24T15:59:00Z'));
    expect(before).toEqual({ overdue: 0, reminders: 0, expiries: 0 });
  });

  it('resolved findings get no reminder', async () => {
    await h.db.update(t.findings).set({ status: 'resolved', deadline: '2026-12-04' }).where(eq(t.findings.id, ids.d3!));
    const r = await runReminders(h.db, new Date('2026-11-27T01:00:00+08:00'));
    expect(await keys()).not.toContain(`reminder:${ids.d3}:7`);
    expect(r.reminders).toBe(0);
    const unresolved = await h.db.select().from(t.findings).where(and(inArray(t.findings.id, [ids.d3!]), eq(t.findings.status, 'resolved')));
    expect(unresolved).toHaveLength(1);
  });
});
