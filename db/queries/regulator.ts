import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';

/** 管局模拟: orders with the 管局, longest waiting first. */
export async function listRegulatorQueue(tx: Tx, limit = 100) {
  return tx
    .select({
      id: t.orders.id,
      number: t.orders.number,
      type: t.orders.type,
      provinceCode: t.orders.provinceCode,
      updatedAt: t.orders.updatedAt,
      subjectId: t.orders.subjectId,
      websiteId: t.orders.websiteId,
      payload: t.orders.payload,
      subjectName: sql<string | null>`coalesce(${t.subjects.name}, ${t.orders.payload}->'subject'->>'name')`,
      subjectIcpNumber: t.subjects.icpNumber,
    })
    .from(t.orders)
    .leftJoin(t.subjects, eq(t.subjects.id, t.orders.subjectId))
    .where(eq(t.orders.state, 'REGULATOR_REVIEW'))
    .orderBy(asc(t.orders.updatedAt), asc(t.orders.id))
    .limit(limit);
}

/** The dev SMS inbox: the latest SMS written to the outbox (sent or not). */
export async function listSmsOutbox(tx: Tx, limit = 100) {
  return tx
    .select({ id: t.outbox.id, recipient: t.outbox.recipient, text: t.outbox.text, status: t.outbox.status, createdAt: t.outbox.createdAt })
    .from(t.outbox)
    .where(eq(t.outbox.channel, 'sms'))
    .orderBy(desc(t.outbox.createdAt), desc(t.outbox.id))
    .limit(limit);
}
