import { and, desc, eq, like } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as t from '@/db/schema';
import { sendContactCode, unverifiedContacts, verifyContactCode } from '@/db/contacts/verification';

/**
 * Confirms every contact of an order that still needs a code, the way a filer does it: 获取验证码, read the
 * code from the outbox (where the dev SMS inbox and the dev mailbox show it), 验证. No shortcut: the sends
 * count against the limits like any other. Returns the paths it verified.
 */
export async function verifyOrderContacts(db: Db, orderId: string): Promise<string[]> {
  const [order] = await db.select().from(t.orders).where(eq(t.orders.id, orderId));
  if (!order) throw new Error(`no order ${orderId}`);
  const done: string[] = [];
  for (const c of await unverifiedContacts(db, order)) {
    // A 首次备案 whose two principals share a number: verifying one verifies both.
    if ((await sendContactCode(db, { ownerId: order.ownerId, orderId, path: c.path })).status === 'verified') continue;
    const [m] = await db
      .select({ subject: t.outbox.subject, text: t.outbox.text })
      .from(t.outbox)
      .where(and(eq(t.outbox.recipient, c.value), like(t.outbox.template, 'contact\\_code.%')))
      .orderBy(desc(t.outbox.id))
      .limit(1);
    const code = `${m?.subject ?? ''} ${m?.text ?? ''}`.match(/验证码 (\d{6})/)?.[1];
    if (!code) throw new Error(`no code was queued for ${c.path}`);
    await verifyContactCode(db, { ownerId: order.ownerId, orderId, path: c.path, code });
    done.push(c.path);
  }
  return done;
}
