import 'server-only';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import type { OrderState, OrderTypeValue } from '@/lib/domain/codes';

export const ADMIN_ORDERS_PAGE = 50;

export type AdminOrderFilter = { state?: OrderState; type?: OrderTypeValue; province?: string; q?: string; before?: { at: Date; id: string } };

/** All orders, newest first, keyset-paged on (created_at, id) so deep pages cost what the first does. */
export async function listOrdersForAdmin(tx: Tx, f: AdminOrderFilter) {
  const where: SQL[] = [];
  if (f.state) where.push(eq(t.orders.state, f.state));
  if (f.type) where.push(eq(t.orders.type, f.type));
  if (f.province) where.push(eq(t.orders.provinceCode, f.province));
  if (f.q) where.push(or(sql`${t.orders.number} = ${f.q}`, sql`${t.subjects.icpNumber} = ${f.q}`, sql`${t.subjects.name} like ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`)!);
  if (f.before) where.push(or(lt(t.orders.createdAt, f.before.at), and(eq(t.orders.createdAt, f.before.at), lt(t.orders.id, f.before.id)))!);
  return tx
    .select({
      id: t.orders.id,
      number: t.orders.number,
      type: t.orders.type,
      state: t.orders.state,
      provinceCode: t.orders.provinceCode,
      createdAt: t.orders.createdAt,
      submittedAt: t.orders.submittedAt,
      subjectName: t.subjects.name,
      subjectIcp: t.subjects.icpNumber,
      ownerEmail: t.users.email,
    })
    .from(t.orders)
    .leftJoin(t.subjects, eq(t.subjects.id, t.orders.subjectId))
    .innerJoin(t.users, eq(t.users.id, t.orders.ownerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(t.orders.createdAt), desc(t.orders.id))
    .limit(ADMIN_ORDERS_PAGE + 1);
}
