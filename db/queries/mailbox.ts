import 'server-only';
import { and, desc, eq, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { outbox } from '../schema';
import { NotFoundError, PublicError } from '@/lib/errors';
import { maskPersonalText } from '@/lib/privacy/mask';
import { writeAudit } from '../audit';

export type OutboxStatus = 'pending' | 'sent' | 'parked';
export type MailboxFilter = { status?: OutboxStatus; recipient?: string; template?: string; channel?: 'email' | 'sms'; before?: number };

export const MAILBOX_PAGE_SIZE = 50;

const listColumns = {
  id: outbox.id,
  channel: outbox.channel,
  recipient: outbox.recipient,
  template: outbox.template,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  transport: outbox.transport,
  nextAttemptAt: outbox.nextAttemptAt,
  sentAt: outbox.sentAt,
  createdAt: outbox.createdAt,
};
export type MailboxRow = { [K in keyof typeof listColumns]: (typeof outbox.$inferSelect)[K] };

/** The development mailbox: newest first, keyset-paged on id, filtered by status, recipient and template. */
export async function listMailbox(tx: Tx, f: MailboxFilter = {}): Promise<{ rows: MailboxRow[]; nextBefore: number | null }> {
  const where: SQL[] = [eq(outbox.channel, f.channel ?? 'email')];
  if (f.status) where.push(eq(outbox.status, f.status));
  if (f.recipient) where.push(ilike(outbox.recipient, `%${escapeLike(f.recipient)}%`));
  if (f.template) where.push(ilike(outbox.template, `${escapeLike(f.template)}%`));
  if (f.before) where.push(lt(outbox.id, f.before));
  const rows = await tx.select(listColumns).from(outbox).where(and(...where)).orderBy(desc(outbox.id)).limit(MAILBOX_PAGE_SIZE + 1);
  const more = rows.length > MAILBOX_PAGE_SIZE;
  const page = rows.slice(0, MAILBOX_PAGE_SIZE);
  return { rows: page, nextBefore: more ? page[page.length - 1]!.id : null };
}

export async function listParked(tx: Tx): Promise<MailboxRow[]> {
  return tx.select(listColumns).from(outbox).where(eq(outbox.status, 'parked')).orderBy(desc(outbox.id)).limit(100);
}

export async function countByStatus(tx: Tx, channel: 'email' | 'sms' = 'email'): Promise<Record<OutboxStatus, number>> {
  const rows = await tx
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.channel, channel))
    .groupBy(outbox.status);
  const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, parked: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function getOutboxMessage(tx: Tx, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const [row] = await tx.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

/**
 * An admin sends a parked message again: back to pending with a fresh attempt count, due now, and an
 * audit row saying who did it. Only parked rows move, so a double click retries once.
 */
export async function retryParkedMessage(db: Db, id: number, actorId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, 'parked')))
      .returning({ id: outbox.id, recipient: outbox.recipient, template: outbox.template, lastError: outbox.lastError });
    if (!row) {
      if (!(await getOutboxMessage(tx, id))) throw new NotFoundError();
      throw new PublicError('该消息已不在“发送失败”状态，无需重试。');
    }
    await writeAudit(tx, {
      actorId,
      action: 'outbox.retry',
      entityType: 'outbox',
      entityId: String(id),
      details: { recipient: maskPersonalText(row.recipient), template: row.template, lastError: maskPersonalText(row.lastError) },
    });
  });
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
