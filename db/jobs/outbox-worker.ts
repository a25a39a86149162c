import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../raw-sql';
import { renderDeferredNotices, rendersAtSend } from '../notices/email';
import { smsSenderFromEnv } from '@/lib/notify/sms';
import { maskPersonalText } from '@/lib/privacy/mask';
import { componentLog } from '@/lib/log';
import { config } from '@/lib/config';

const log = componentLog('outbox');

export type OutboxRow = {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  data: Record<string, unknown> | null;
  attempts: number;
  /** The lease this worker holds; every later write is fenced on it (see markSent). */
  lease: Date;
};

/** Delivers one message or throws. The dev transport "delivers" by leaving it readable in the portal. */
export type Transport = { name: string; send: (msg: OutboxRow) => Promise<void> };
export type Transports = { email: Transport; sms: Transport };

export const MAX_ATTEMPTS = 8;
/** Longer than any single send may take (SMTP timeouts below are shorter), so a live worker keeps its rows. */
export const LEASE_SECONDS = 120;

/** 30 s, 1 min, 2 min … capped at 1 h: a short SMTP outage costs minutes, a long one does not hammer it. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** Backoff with ±20 % jitter, so messages that failed together (an SMTP outage) do not retry in lockstep. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  return Math.round(backoffSeconds(attempts) * 1000 * (0.8 + 0.4 * random()));
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED and a lease, so several workers never take the same row,
 * and a worker that dies mid-send releases its rows when the lease runs out. `now` is the worker's clock
 * (tests move it forward instead of sleeping).
 */
export async function claimDue(db: Db, opts: { limit?: number; now?: Date } = {}): Promise<OutboxRow[]> {
  const now = opts.now ?? new Date();
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const result = await db.execute(sql`
    update outbox set locked_until = ${lease.toISOString()}::timestamptz
    where id in (
      select id from outbox
      -- \`now\` has millisecond resolution and next_attempt_at microseconds: a row stamped later within the
      -- same millisecond (enqueued just before this call) is due as well.
      where status = 'pending' and next_attempt_at < ${now.toISOString()}::timestamptz + interval '1 millisecond'
        and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
      order by next_attempt_at, id
      limit ${opts.limit ?? 20}
      for update skip locked
    )
    returning id, channel, recipient, subject, html, text, template, data, attempts`);
  return rowsOf<Omit<OutboxRow, 'lease'>>(result).map((r) => ({ ...r, id: Number(r.id), lease }));
}

/**
 * Idempotent: only a pending row still under this worker's lease becomes sent. A worker whose lease ran
 * out (and whose row another worker re-claimed) changes nothing, so a row is marked sent exactly once.
 */
export async function markSent(db: Db, row: OutboxRow, transport: string, now = new Date()): Promise<boolean> {
  const result = await db.execute(sql`update outbox set status = 'sent', sent_at = ${now.toISOString()}::timestamptz,
    transport = ${transport}, attempts = attempts + 1, locked_until = null, last_error = null
    where id = ${row.id} and status = 'pending' and locked_until = ${row.lease.toISOString()}::timestamptz
    returning id`);
  return rowsOf(result).length === 1;
}

/** One more failed attempt: retry later with backoff, or park after MAX_ATTEMPTS for an admin to look at. */
export async function markFailed(db: Db, row: OutboxRow, error: string, now = new Date()): Promise<'retry' | 'parked' | 'lost-lease'> {
  const attempts = row.attempts + 1;
  const parked = attempts >= MAX_ATTEMPTS;
  const next = new Date(now.getTime() + retryDelayMs(attempts));
  const result = await db.execute(sql`update outbox set attempts = ${attempts}, last_error = ${error.slice(0, 500)},
    locked_until = null, status = ${parked ? 'parked' : 'pending'}, next_attempt_at = ${next.toISOString()}::timestamptz
    where id = ${row.id} and status = 'pending' and locked_until = ${row.lease.toISOString()}::timestamptz
    returning id`);
  if (rowsOf(result).length === 0) return 'lost-lease';
  return parked ? 'parked' : 'retry';
}

export type DeliverResult = { claimed: number; sent: number; failed: number; parked: number };

/**
 * Messages in flight at once per worker. An SMTP transaction spends ~100–150 ms waiting on round trips
 * while the CPU idles, so one-by-one delivery ran at ~6.5 mails/s; several in flight over a pooled
 * connection set keep both the CPU and the server busy. OUTBOX_CONCURRENCY tunes it.
 */
export function outboxConcurrency(): number {
  return config().OUTBOX_CONCURRENCY;
}

/**
 * One pass: claim what is due and send it, up to `concurrency` at a time. `shouldStop` is checked before
 * each message starts; messages not yet started are handed back at once.
 */
export async function deliverDue(
  db: Db,
  transports: Transports,
  opts: { limit?: number; now?: () => Date; shouldStop?: () => boolean; concurrency?: number } = {},
): Promise<DeliverResult> {
  const clock = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 1;
  const rows = await claimDue(db, { limit: opts.limit ?? Math.max(20, concurrency * 4), now: clock() });
  const out: DeliverResult = { claimed: rows.length, sent: 0, failed: 0, parked: 0 };
  const handBack: OutboxRow[] = [];
  // Notice e-mails of an import are rendered here, for the whole batch, just before they are sent.
  const rendered = await renderDeferredNotices(db, rows.filter(rendersAtSend), rows[0]?.lease ?? new Date(0));
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      if (opts.shouldStop?.()) {
        handBack.push(row);
        continue;
      }
      await deliverOne(db, rendersAtSend(row) ? withRendering(row, rendered.get(row.id)) : row, transports[row.channel], clock, out);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
  // Hand the rest back at once rather than leaving them leased until the lease runs out.
  if (handBack.length) await release(db, handBack);
  return out;
}

/** A deferred notice with what the batch rendered for it; a row the batch could not render fails when sent. */
function withRendering(row: OutboxRow, r: { subject: string; html: string; text: string } | Error | undefined): OutboxRow | (OutboxRow & { failure: Error }) {
  if (r === undefined) return { ...row, failure: new Error(`outbox row ${row.id}: lease lost before sending`) };
  return r instanceof Error ? { ...row, failure: r } : { ...row, ...r };
}

async function deliverOne(db: Db, row: OutboxRow & { failure?: Error }, transport: Transport, clock: () => Date, out: DeliverResult) {
  try {
    if (row.failure) throw row.failure;
    await transport.send(row);
    if (await markSent(db, row, transport.name, clock())) out.sent++;
  } catch (err) {
    // last_error is shown to operators: a gateway error quoting the mobile number is masked.
    const outcome = await markFailed(db, row, maskPersonalText((err as Error)?.message ?? String(err)), clock());
    if (outcome === 'parked') out.parked++;
    else if (outcome === 'retry') out.failed++;
  }
}

async function release(db: Db, rows: OutboxRow[]) {
  for (const row of rows) {
    await db.execute(sql`update outbox set locked_until = null
      where id = ${row.id} and status = 'pending' and locked_until = ${row.lease.toISOString()}::timestamptz`);
  }
}

export const devTransport: Transport = { name: 'dev', send: async () => {} };

/**
 * nodemailer over SMTP; timeouts well inside the lease so a hung server cannot outlive it. With
 * `connections` > 1 the transport keeps a pool of that many SMTP connections open, one per message in flight.
 */
export async function smtpTransport(
  url: string,
  from = config().MAIL_FROM ?? '备案整改门户 <noreply@beian.example>',
  connections = 1,
): Promise<Transport & { close: () => void }> {
  const { createTransport } = await import('nodemailer');
  const pool = connections > 1 ? { pool: true, maxConnections: connections, maxMessages: 500 } : {};
  const mailer = createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000, ...pool } as never);
  return {
    name: 'smtp',
    send: async (m) => {
      // X-Outbox-Id lets a receiving system (and the notice-wave bench) tell a resend from a new message.
      await mailer.sendMail({ from, to: m.recipient, subject: m.subject, text: m.text, html: m.html || undefined, headers: { 'X-Outbox-Id': String(m.id) } });
    },
    close: () => mailer.close(),
  };
}

export async function defaultTransports(concurrency = outboxConcurrency()): Promise<Transports> {
  const sms = smsSenderFromEnv();
  const smsTransport: Transport = { name: `sms:${sms.name}`, send: (m) => sms.send(m.recipient, m.text) };
  const url = config().SMTP_URL;
  return { email: url ? await smtpTransport(url, undefined, concurrency) : devTransport, sms: smsTransport };
}

export type OutboxWorker = { stop: () => Promise<void>; readonly running: boolean };

/**
 * The polling loop shared by the web process and `npm run worker`. stop() lets the messages being sent
 * finish (and be marked), hands back the rest of the batch, and resolves when the loop has ended.
 */
export function runOutboxWorker(
  db: Db,
  opts: { intervalMs?: number; concurrency?: number; transports?: Transports | Promise<Transports>; logSends?: boolean } = {},
): OutboxWorker {
  const intervalMs = opts.intervalMs ?? config().OUTBOX_INTERVAL_MS;
  const concurrency = opts.concurrency ?? outboxConcurrency();
  const transportsP = Promise.resolve(opts.transports ?? defaultTransports(concurrency));
  let stopping = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    const transports = await transportsP;
    while (!stopping) {
      try {
        const r = await deliverDue(db, transports, { concurrency, shouldStop: () => stopping });
        if (r.claimed > 0 && opts.logSends) log.info(r, `发出 ${r.sent} 封，稍后重试 ${r.failed} 封，暂停 ${r.parked} 封 / outbox pass`);
        if (r.parked > 0) log.warn({ parked: r.parked }, '有消息连续失败后暂停发送，请在开发邮箱中查看 / messages parked after repeated failures');
        if (r.claimed > 0 && !stopping) continue; // more may be due: do not wait
      } catch (err) {
        log.error({ err }, '发件循环出错 / outbox pass failed');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    get running() {
      return !stopping;
    },
    stop: async () => {
      stopping = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}

const KEY = Symbol.for('beian.outboxWorker');

/** Starts the loop once per process (dev mode reloads modules; the guard lives on globalThis). */
export function startOutboxWorker(db: Db, intervalMs?: number): OutboxWorker {
  const g = globalThis as typeof globalThis & { [KEY]?: OutboxWorker };
  g[KEY] ??= runOutboxWorker(db, { intervalMs });
  return g[KEY];
}

export { rowsOf };
