import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export type OutboxRow = {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
};

/** Delivers one message or throws. The dev transport "delivers" by leaving it readable in the portal. */
export type Transport = { name: string; send: (msg: OutboxRow) => Promise<void> };

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 60;

/** 30 s, 1 min, 2 min … capped at 1 h: a short SMTP outage costs minutes, a long one does not hammer it. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED and a lease, so several workers never take the same row,
 * and a worker that dies mid-send releases its rows when the lease runs out.
 */
export async function claimDue(db: Db, limit = 20): Promise<OutboxRow[]> {
  const result = await db.execute(sql`
    update outbox set locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from outbox
      where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, channel, recipient, subject, html, text, attempts`);
  return rowsOf<OutboxRow>(result);
}

export async function markSent(db: Db, id: number, transport: string) {
  await db.execute(sql`update outbox set status = 'sent', sent_at = now(), transport = ${transport},
    attempts = attempts + 1, locked_until = null, last_error = null where id = ${id} and status = 'pending'`);
}

export async function markFailed(db: Db, row: OutboxRow, error: string) {
  const attempts = row.attempts + 1;
  const parked = attempts >= MAX_ATTEMPTS;
  await db.execute(sql`update outbox set attempts = ${attempts}, last_error = ${error.slice(0, 500)},
    locked_until = null, status = ${parked ? 'parked' : 'pending'},
    next_attempt_at = now() + make_interval(secs => ${backoffSeconds(attempts)})
    where id = ${row.id}`);
}

export async function deliverDue(db: Db, transports: { email: Transport; sms: Transport }, limit = 20) {
  const rows = await claimDue(db, limit);
  let sent = 0;
  for (const row of rows) {
    const transport = transports[row.channel];
    try {
      await transport.send(row);
      await markSent(db, row.id, transport.name);
      sent++;
    } catch (err) {
      await markFailed(db, row, (err as Error)?.message ?? String(err));
    }
  }
  return { claimed: rows.length, sent };
}

export const devTransport: Transport = { name: 'dev', send: async () => {} };

export async function defaultTransports(): Promise<{ email: Transport; sms: Transport }> {
  const url = process.env.SMTP_URL;
  if (!url) return { email: devTransport, sms: devTransport };
  const { createTransport } = await import('nodemailer');
  const mailer = createTransport(url);
  const from = process.env.MAIL_FROM ?? '备案整改门户 <noreply@beian.example>';
  return {
    email: {
      name: 'smtp',
      send: async (m) => {
        await mailer.sendMail({ from, to: m.recipient, subject: m.subject, text: m.text, html: m.html || undefined });
      },
    },
    sms: devTransport,
  };
}

const KEY = Symbol.for('beian.outboxWorker');

/** Polls the outbox in the web process; `npm run worker` runs the same loop on its own. */
export function startOutboxWorker(db: Db, intervalMs = Number(process.env.OUTBOX_INTERVAL_MS ?? 2000)) {
  const g = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };
  if (g[KEY]) return;
  let running = false;
  const transportsP = defaultTransports();
  g[KEY] = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(db, await transportsP);
    } catch (err) {
      console.error('[outbox]', (err as Error)?.message);
    } finally {
      running = false;
    }
  }, intervalMs);
  g[KEY].unref?.();
}

export function rowsOf<T>(result: unknown): T[] {
  // postgres.js returns an array; PGlite returns { rows }.
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
