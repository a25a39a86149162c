import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { enqueue, type OutboxMessage } from '../queries/outbox';
import { everyInterval, runLeased, type Repeating } from './lease';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { findingReminderEmail, orderExpiryEmail, REMINDER_DAYS, type ReminderDay } from '@/lib/notify/templates/reminder';
import { addDaysIso, daysUntil, formatDate, todayIso } from '@/lib/time';
import { config } from '@/lib/config';
import { now as clockNow } from '@/lib/clock';
import { componentLog } from '@/lib/log';

/** Orders that can still expire (the 管局 stage does not: state-machine EXPIRABLE). */
const EXPIRABLE = ['SUBMITTED', 'FIRST_REVIEW_REJECTED', 'PENDING_SMS', 'RETURNED', 'REGULATOR_REJECTED'] as const;
export const ORDER_EXPIRY_REMINDER_DAYS = 7;

export type ReminderRun = { overdue: number; reminders: number; expiries: number };

/**
 * The daily deadline pass, safe to run any number of times: open findings past their deadline become
 * overdue; findings 7, 3, 1 and 0 days (Shanghai calendar) from their deadline, and orders 7 days from
 * expiry, get one e-mail each. The dedupe key makes "once" a database fact, so a second run the same day,
 * a restart or two schedulers at once enqueue nothing new.
 */
export async function runReminders(db: Db, now: Date = clockNow(), baseUrl?: string): Promise<ReminderRun> {
  const today = todayIso(now);
  return db.transaction(async (tx) => {
    const overdue = await tx
      .update(t.findings)
      .set({ status: 'overdue' })
      .where(and(eq(t.findings.status, 'open'), lt(t.findings.deadline, today)))
      .returning({ id: t.findings.id });

    const dates = REMINDER_DAYS.map((d) => addDaysIso(today, d));
    const due = await tx
      .select({ id: t.findings.id, code: t.findings.code, deadline: t.findings.deadline, subjectName: t.subjects.name, email: t.users.email })
      .from(t.findings)
      .innerJoin(t.subjects, eq(t.subjects.id, t.findings.subjectId))
      .innerJoin(t.users, eq(t.users.id, t.subjects.ownerId))
      .where(and(inArray(t.findings.status, [...UNRESOLVED_FINDING_STATUSES]), inArray(t.findings.deadline, dates)));
    const messages: OutboxMessage[] = [];
    for (const f of due) {
      const daysBefore = daysUntil(f.deadline, now) as ReminderDay;
      if (!REMINDER_DAYS.includes(daysBefore)) continue;
      const mail = await findingReminderEmail({ subjectName: f.subjectName, finding: f, daysBefore, baseUrl });
      messages.push({ channel: 'email', recipient: f.email, ...mail, dedupeKey: `reminder:${f.id}:${daysBefore}` });
    }

    const orders = await tx
      .select({ id: t.orders.id, number: t.orders.number, type: t.orders.type, expiresAt: t.orders.expiresAt, email: t.users.email })
      .from(t.orders)
      .innerJoin(t.users, eq(t.users.id, t.orders.ownerId))
      .where(and(inArray(t.orders.state, [...EXPIRABLE]), isNotNull(t.orders.expiresAt)));
    for (const o of orders) {
      if (daysUntil(formatDate(o.expiresAt!), now) !== ORDER_EXPIRY_REMINDER_DAYS) continue;
      const mail = await orderExpiryEmail({ order: o, expiresAt: o.expiresAt!, daysBefore: ORDER_EXPIRY_REMINDER_DAYS, baseUrl });
      messages.push({ channel: 'email', recipient: o.email, ...mail, dedupeKey: `order-expiry:${o.id}:${ORDER_EXPIRY_REMINDER_DAYS}` });
    }
    const inserted = await enqueue(tx, messages);
    const reminders = inserted.filter((r) => r.dedupeKey?.startsWith('reminder:')).length;
    return { overdue: overdue.length, reminders, expiries: inserted.length - reminders };
  });
}

export const REMINDERS_JOB = 'reminders';

/** One scheduler tick: the pass, when this process holds the reminders lease for this interval (else null). */
export function tickReminders(db: Db, intervalMs = config().REMINDER_INTERVAL_MS, opts: { holder?: string; now?: Date } = {}) {
  return runLeased(db, { name: REMINDERS_JOB, intervalMs, holder: opts.holder }, () => runReminders(db, opts.now));
}

const KEY = Symbol.for('beian.reminderScheduler');

/** Hourly plus once at start, in one process at a time (db/jobs/lease.ts); once per process. */
export function startReminderScheduler(db: Db, intervalMs = config().REMINDER_INTERVAL_MS) {
  const g = globalThis as typeof globalThis & { [KEY]?: Repeating };
  g[KEY] ??= everyInterval(
    'reminders',
    intervalMs,
    async () => {
      const r = await tickReminders(db, intervalMs);
      if (r && (r.overdue || r.reminders || r.expiries)) componentLog('reminders').info(r, `逾期 ${r.overdue} 项，提醒 ${r.reminders} 封，订单将失效提醒 ${r.expiries} 封 / reminders queued`);
    },
    { atStart: true },
  );
  return g[KEY];
}
