import { outbox } from '../schema';
import type { Tx } from '../client';
import { maskPersonalText } from '@/lib/privacy/mask';
import type { MailKind } from '@/lib/notify/kinds';

export type OutboxMessage = {
  channel: 'email' | 'sms';
  recipient: string;
  template: MailKind;
  subject?: string;
  html?: string;
  text: string;
  data?: Record<string, unknown>;
  /** Same key twice = one message: reminders and re-imports never send twice. */
  dedupeKey?: string;
};

/**
 * Writes messages in the caller's transaction; the worker sends them after commit. Returns the rows
 * actually written (a message whose dedupe key already exists is skipped).
 *
 * Every e-mail passes here, so this is where a whole 身份证号 or mobile number is masked out of its subject
 * and body, whichever template or free-text note it came from. SMS is left alone: it goes to the mobile
 * and carries only the verification code.
 */
export async function enqueue(tx: Tx, messages: OutboxMessage | OutboxMessage[]): Promise<{ id: number; dedupeKey: string | null }[]> {
  const rows = Array.isArray(messages) ? messages : [messages];
  if (rows.length === 0) return [];
  const safe = (m: OutboxMessage) =>
    m.channel === 'email' ? { ...m, subject: maskPersonalText(m.subject ?? ''), text: maskPersonalText(m.text), html: maskPersonalText(m.html ?? '') } : m;
  return tx
    .insert(outbox)
    .values(rows.map(safe).map((m) => ({ ...m, subject: m.subject ?? '', html: m.html ?? '' })))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id, dedupeKey: outbox.dedupeKey });
}
