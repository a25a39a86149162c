import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { enqueue, type OutboxMessage } from '@/db/queries/outbox';
import { getFindingForOwner } from '@/db/queries/findings';
import { retryParkedMessage } from '@/db/queries/mailbox';
import {
  claimDue,
  deliverDue,
  LEASE_SECONDS,
  markSent,
  MAX_ATTEMPTS,
  smtpTransport,
  type Transport,
  type Transports,
} from '@/db/jobs/outbox-worker';
import { noticeEmail } from '@/lib/notify/templates/notice';
import { FINDING_CATALOGUE } from '@/lib/remediation';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';
import { htmlLinks, TestSmtp } from '../support/smtp';

const BASE = 'https://beian.example.cn';
const HOUR = 3600_000;
const sms: Transport = { name: 'sms:test', send: async () => {} };

describe.each(TEST_TARGETS)('outbox delivery over real SMTP on %s', (target) => {
  let h: TestDb;
  const smtp = new TestSmtp();
  let transports: Transports & { close?: () => void };
  beforeAll(async () => {
    h = await freshDb(target);
    await seedDemo(h.db, { quiet: true });
    await smtp.start();
    const email = await smtpTransport(smtp.url);
    transports = { email, sms, close: email.close };
  });
  afterAll(async () => {
    transports?.close?.();
    await smtp.stop();
    await h?.close();
  });
  beforeEach(async () => {
    // The seed queued its own notices; each test starts from an empty outbox and an empty inbox.
    await h.db.delete(t.outbox);
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await smtp.start().catch(() => {}); // a test that stopped the server leaves it running again
  });

  const messages = (n: number, tag: string): OutboxMessage[] =>
    Array.from({ length: n }, (_, i) => ({ channel: 'email', recipient: `user${i}@example.cn`, template: 'magic_link', subject: `${tag} #${i}`, text: `${tag} ${i}` }));
  const put = (msgs: OutboxMessage[]) => h.db.transaction((tx) => enqueue(tx, msgs));
  const statusCounts = async () =>
    Object.fromEntries(
      (await h.db.select({ s: t.outbox.status, n: sql<number>`count(*)::int` }).from(t.outbox).groupBy(t.outbox.status)).map((r) => [r.s, Number(r.n)]),
    );

  it('a 3-finding notice arrives with three distinct links, each to one of those findings', async () => {
    const [subject] = await h.db.select().from(t.subjects).where(eq(t.subjects.name, '深圳市前海数联信息技术有限公司'));
    const findings = await h.db.select({ id: t.findings.id, code: t.findings.code, deadline: t.findings.deadline }).from(t.findings).where(eq(t.findings.subjectId, subject!.id));
    expect(findings).toHaveLength(3);
    const [owner] = await h.db.select().from(t.users).where(eq(t.users.id, subject!.ownerId));
    const mail = await noticeEmail({ subjectName: subject!.name, findings, baseUrl: BASE });
    await put([{ channel: 'email', recipient: owner!.email, ...mail, dedupeKey: `notice-test:${subject!.id}` }]);

    expect(await deliverDue(h.db, transports)).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.to && 'text' in got.to ? got.to.text : '').toBe(owner!.email);
    expect(got.subject).toContain(subject!.name);

    const links = htmlLinks(got).filter((u) => u.includes('/rectifications/'));
    expect(new Set(links).size).toBe(3);
    const other = (await h.db.select().from(t.users).where(eq(t.users.email, 'filer2@beian.example')))[0]!;
    for (const link of links) {
      const url = new URL(link);
      expect(url.origin).toBe(BASE);
      expect(url.search).toBe(''); // no sign-in token, nothing but the finding's address
      const id = url.pathname.match(/^\/rectifications\/([0-9a-f-]{36})$/)?.[1];
      // "Working": the page's own query finds it for the owner, and for nobody else.
      const row = await getFindingForOwner(h.db, id!, owner!.id);
      expect(row?.finding.id).toBe(id);
      expect(await getFindingForOwner(h.db, id!, other.id)).toBeUndefined();
      // The plain-text part carries the same address, next to that finding's notice text.
      expect(got.text).toContain(link);
      expect(got.text).toContain(FINDING_CATALOGUE[row!.finding.code].notice);
    }
    expect(links.sort()).toEqual(findings.map((f) => `${BASE}/rectifications/${f.id}`).sort());
    expect(got.html).not.toMatch(/<img\b/i);
  });

  it('while the SMTP server is down nothing is lost; afterwards each message arrives exactly once', async () => {
    await put(messages(6, 'outage'));
    await smtp.stop();
    let now = Date.now();
    // Three failed rounds over "a while": each retry waits for its backoff (time moved by `now`).
    for (let round = 1; round <= 3; round++) {
      const r = await deliverDue(h.db, transports, { now: () => new Date(now) });
      expect(r).toMatchObject({ claimed: 6, sent: 0, failed: 6 });
      expect(await deliverDue(h.db, transports, { now: () => new Date(now) })).toMatchObject({ claimed: 0 }); // backing off
      now += 2 * HOUR;
    }
    expect(smtp.received).toHaveLength(0);
    expect(await statusCounts()).toEqual({ pending: 6 });
    const [row] = await h.db.select().from(t.outbox).limit(1);
    expect(row!.attempts).toBe(3);
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    expect(await deliverDue(h.db, transports, { now: () => new Date(now) })).toMatchObject({ claimed: 6, sent: 6 });
    expect(await deliverDue(h.db, transports, { now: () => new Date(now + 10 * HOUR) })).toMatchObject({ claimed: 0 });
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(messages(6, 'outage').map((m) => m.subject).sort());
    expect(await statusCounts()).toEqual({ sent: 6 });
  });

  it('one worker keeps several messages in flight over a pooled SMTP connection, each sent once', async () => {
    await put(messages(30, 'wave'));
    const pooled = await smtpTransport(smtp.url, undefined, 6);
    let inFlight = 0;
    let peak = 0;
    const counted: Transport = {
      name: pooled.name,
      send: async (m) => {
        peak = Math.max(peak, ++inFlight);
        try {
          await new Promise((r) => setTimeout(r, 20)); // the round trips a real server costs
          await pooled.send(m);
        } finally {
          inFlight--;
        }
      },
    };
    let sent = 0;
    for (;;) {
      const r = await deliverDue(h.db, { email: counted, sms }, { concurrency: 6 });
      sent += r.sent;
      if (r.claimed === 0) break;
    }
    pooled.close();
    expect(sent).toBe(30);
    expect(peak).toBe(6);
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    expect(await statusCounts()).toEqual({ sent: 30 });
  });

  it('a stop during a concurrent pass hands the unstarted messages back at once', async () => {
    await put(messages(10, 'stop'));
    let started = 0;
    const r = await deliverDue(h.db, { email: { name: 'smtp', send: async () => void started++ }, sms }, { concurrency: 2, shouldStop: () => started >= 4 });
    expect(r).toMatchObject({ claimed: 10, sent: 4 });
    const leased = await h.db.select({ n: sql<number>`count(*)::int` }).from(t.outbox).where(sql`status = 'pending' and locked_until is not null`);
    expect(Number(leased[0]!.n)).toBe(0);
  });

  it('two workers running together send each message once', async () => {
    await put(messages(40, 'race'));
    const second = await smtpTransport(smtp.url);
    const slow = (tr: Transport): Transport => ({ name: tr.name, send: async (m) => { await new Promise((r) => setTimeout(r, 5)); await tr.send(m); } });
    const drain = async (tr: Transports) => {
      let sent = 0;
      for (;;) {
        const r = await deliverDue(h.db, tr, { limit: 3 });
        sent += r.sent;
        if (r.claimed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all([
      drain({ email: slow(transports.email), sms }),
      drain({ email: slow(second), sms }),
    ]);
    second.close();
    expect(a + b).toBe(40);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0); // both really worked
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(40);
    expect(new Set(subjects).size).toBe(40);
    expect(await statusCounts()).toEqual({ sent: 40 });
  });

  it('a row stamped within the same millisecond as the worker\'s clock is due (ms clock, µs timestamps)', async () => {
    await put(messages(1, 'same-ms'));
    await h.db.update(t.outbox).set({ nextAttemptAt: sql`'2026-11-29T08:00:00.000700Z'::timestamptz` });
    expect(await claimDue(h.db, { now: new Date('2026-11-29T07:59:59.999Z') })).toHaveLength(0);
    expect(await claimDue(h.db, { now: new Date('2026-11-29T08:00:00.000Z') })).toHaveLength(1);
  });

  it("a crashed worker's rows are retried after its lease, and its late mark-sent changes nothing", async () => {
    await put(messages(1, 'lease'));
    const now = Date.now();
    const [crashed] = await claimDue(h.db, { now: new Date(now) });
    expect(crashed).toBeDefined();
    expect(await claimDue(h.db, { now: new Date(now + 1000) })).toHaveLength(0); // leased
    const later = () => new Date(now + (LEASE_SECONDS + 1) * 1000);
    expect(await deliverDue(h.db, transports, { now: later })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await markSent(h.db, crashed!, 'smtp')).toBe(false);
    const [row] = await h.db.select().from(t.outbox);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it(`a message failing ${MAX_ATTEMPTS} times is parked; the admin retry puts it back and it is sent`, async () => {
    await put(messages(1, 'parked'));
    const broken: Transports = { email: { name: 'smtp', send: async () => { throw new Error('550 mailbox unavailable'); } }, sms };
    let now = Date.now();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const r = await deliverDue(h.db, broken, { now: () => new Date(now) });
      expect(r.claimed).toBe(1);
      now += 2 * HOUR;
    }
    const [parked] = await h.db.select().from(t.outbox);
    expect(parked).toMatchObject({ status: 'parked', attempts: MAX_ATTEMPTS, lastError: '550 mailbox unavailable' });
    expect(await deliverDue(h.db, transports, { now: () => new Date(now + 100 * HOUR) })).toMatchObject({ claimed: 0 });

    const [admin] = await h.db.select().from(t.users).where(eq(t.users.email, 'admin@beian.example'));
    await retryParkedMessage(h.db, parked!.id, admin!.id);
    await expect(retryParkedMessage(h.db, parked!.id, admin!.id)).rejects.toThrow(/不在“发送失败”状态/);
    const audit = await h.db.select().from(t.auditEvents).where(and(eq(t.auditEvents.action, 'outbox.retry'), eq(t.auditEvents.entityId, String(parked!.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin!.id);

    expect(await deliverDue(h.db, transports)).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.map((m) => m.subject)).toEqual(['parked #0']);
  });

  it('the same dedupe key twice is one message', async () => {
    await put([{ ...messages(1, 'dup')[0]!, dedupeKey: 'k1' }]);
    await put([{ ...messages(1, 'dup')[0]!, dedupeKey: 'k1' }]);
    await deliverDue(h.db, transports);
    expect(smtp.received).toHaveLength(1);
  });
});
