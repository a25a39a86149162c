import { outbox } from '../schema';
import type { Tx } from '../client';

export type OutboxMessage = {
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
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
 */
export async function enqueue(tx: Tx, messages: OutboxMessage | OutboxMessage[]): Promise<{ id: number; dedupeKey: string | null }[]> {
  const rows = Array.isArray(messages) ? messages : [messages];
  if (rows.length === 0) return [];
  return tx
    .insert(outbox)
    .values(rows.map((m) => ({ ...m, subject: m.subject ?? '', html: m.html ?? '' })))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id, dedupeKey: outbox.dedupeKey });
}
