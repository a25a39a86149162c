import { and, asc, desc, eq, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { slaCutoff } from '@/lib/review/sla';
import type { OrderTypeValue } from '@/lib/domain/codes';

// The 初审 queue: SUBMITTED orders, keyset-paged on (submitted_at, id) so every page is an index range scan on
// orders_queue_idx (state, submitted_at, id) — no OFFSET, so page 2 000 costs what page 1 costs.

export const QUEUE_PAGE_SIZE = 50;

export type QueueFilter = {
  type?: OrderTypeValue;
  province?: string;
  overdueOnly?: boolean;
  sort?: 'oldest' | 'newest';
  /** Opaque cursor from the previous page. */
  after?: string | null;
  limit?: number;
  now?: Date;
};

export type QueueRow = {
  id: string;
  number: string;
  type: OrderTypeValue;
  provinceCode: string;
  submittedAt: Date;
  subjectName: string | null;
  subjectIcpNumber: string | null;
  /** The reviewer whose claim on the order still runs, and until when. */
  claimedBy: string | null;
  claimExpiresAt: Date | null;
};

export type QueuePage = { rows: QueueRow[]; next: string | null };

type Cursor = { at: string; id: string };

/** The cursor carries the timestamp as PostgreSQL printed it, so microseconds survive the round trip. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(s: string | null | undefined): Cursor | null {
  if (!s) return null;
  const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  // Anything else is ignored (first page), never passed to the database as-is.
  if (!at || !id || !/^[0-9a-f-]{36}$/i.test(id) || !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(at)) return null;
  return { at, id };
}

function conditions(f: QueueFilter, cursor: Cursor | null): SQL[] {
  const where: SQL[] = [eq(t.orders.state, 'SUBMITTED')];
  if (f.type) where.push(eq(t.orders.type, f.type));
  if (f.province) where.push(eq(t.orders.provinceCode, f.province));
  if (f.overdueOnly) where.push(lt(t.orders.submittedAt, slaCutoff(f.now ?? new Date())));
  if (cursor) {
    const op = f.sort === 'newest' ? sql`<` : sql`>`;
    where.push(sql`(${t.orders.submittedAt}, ${t.orders.id}) ${op} (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  return where;
}

export async function listReviewQueue(tx: Tx, f: QueueFilter = {}): Promise<QueuePage> {
  const limit = Math.min(Math.max(f.limit ?? QUEUE_PAGE_SIZE, 1), 200);
  const dir = f.sort === 'newest' ? desc : asc;
  const rows = await tx
    .select({
      id: t.orders.id,
      number: t.orders.number,
      type: t.orders.type,
      provinceCode: t.orders.provinceCode,
      submittedAt: t.orders.submittedAt,
      cursorAt: sql<string>`${t.orders.submittedAt}::text`,
      // 首次备案 has no subject row yet: its name is in the payload.
      subjectName: sql<string | null>`coalesce(${t.subjects.name}, ${t.orders.payload}->'subject'->>'name')`,
      subjectIcpNumber: t.subjects.icpNumber,
      // Per row through the claim's primary key (a join let the planner read the whole claims index).
      claimedBy: sql<string | null>`(select u.name from users u where u.id = (select c.reviewer_id from review_claims c
        where c.order_id = ${t.orders.id} and c.expires_at > ${(f.now ?? new Date()).toISOString()}::timestamptz))`,
      claimExpiresAt: sql<Date | null>`(select c.expires_at from review_claims c
        where c.order_id = ${t.orders.id} and c.expires_at > ${(f.now ?? new Date()).toISOString()}::timestamptz)`.mapWith((v: unknown) => (v == null ? null : new Date(v as string))),
    })
    .from(t.orders)
    .leftJoin(t.subjects, eq(t.subjects.id, t.orders.subjectId))
    .where(and(...conditions(f, decodeCursor(f.after))))
    .orderBy(dir(t.orders.submittedAt), dir(t.orders.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ cursorAt: _c, ...r }) => ({ ...r, submittedAt: r.submittedAt! })),
    next: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

/**
 * What the count line above the table shows: exact up to QUEUE_COUNT_CAP, then "more than 1,000".
 *
 * Why capped: an exact count(*) reads every waiting order's index entry (and heap page) on each render —
 * 50,000 at the bench's 100k subjects, which cost the first page 28% of its throughput — and grows with the
 * backlog exactly when reviewers are busiest. Counting at most 1,001 rows costs what page 1 costs, whatever
 * the backlog. A reviewer works the queue oldest first: below a thousand the exact number tells them how much
 * is left today; above it "1,000+" says the same and the exact figure changes nothing on this page (the
 * admin overview carries the backlog figures). A counter maintained by trigger would be exact but turns every
 * order transition into an update of one hot row, and the filters (type × province × overdue, which moves
 * with the clock) would each need their own.
 */
export const QUEUE_COUNT_CAP = 1000;

export type QueueCount = { n: number; more: boolean };

export async function countReviewQueue(tx: Tx, f: QueueFilter = {}): Promise<QueueCount> {
  const capped = tx
    .select({ one: sql`1`.as('one') })
    .from(t.orders)
    .where(and(...conditions(f, null)))
    // In queue order, so the first 1,001 come off orders_queue_idx: without it the planner may take a Seq
    // Scan that stops early only while the waiting orders happen to lie near the start of the table.
    .orderBy(asc(t.orders.submittedAt), asc(t.orders.id))
    .limit(QUEUE_COUNT_CAP + 1)
    .as('capped');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = Number(row?.n ?? 0);
  return { n: Math.min(n, QUEUE_COUNT_CAP), more: n > QUEUE_COUNT_CAP };
}

/**
 * The waiting orders just before and after `at` in the queue's order under the same filter (the current order
 * itself excluded, decided or not): where the keyboard's previous / next and the decision's "next order" lead.
 */
export async function queueNeighbours(
  tx: Tx,
  f: Omit<QueueFilter, 'after' | 'limit'>,
  at: { submittedAt: Date; id: string },
): Promise<{ prev: string | null; next: string | null }> {
  const newest = f.sort === 'newest';
  const pos = sql`(${at.submittedAt.toISOString()}::timestamptz, ${at.id}::uuid)`;
  const pair = sql`(date_trunc('milliseconds', ${t.orders.submittedAt}), ${t.orders.id})`;
  const one = async (forward: boolean) => {
    const later = forward !== newest;
    const [row] = await tx
      .select({ id: t.orders.id })
      .from(t.orders)
      .where(and(...conditions(f, null), ne(t.orders.id, at.id), later ? sql`${pair} > ${pos}` : sql`${pair} < ${pos}`))
      .orderBy(later ? asc(t.orders.submittedAt) : desc(t.orders.submittedAt), later ? asc(t.orders.id) : desc(t.orders.id))
      .limit(1);
    return row?.id ?? null;
  };
  const [prev, next] = await Promise.all([one(false), one(true)]);
  return { prev, next: next ?? (await firstOther(tx, f, at.id)) };
}

/** Past the end of the queue: start again from its head (orders skipped earlier, or new ones). */
async function firstOther(tx: Tx, f: Omit<QueueFilter, 'after' | 'limit'>, id: string): Promise<string | null> {
  const dir = f.sort === 'newest' ? desc : asc;
  const [row] = await tx.select({ id: t.orders.id }).from(t.orders).where(and(...conditions(f, null), ne(t.orders.id, id))).orderBy(dir(t.orders.submittedAt), dir(t.orders.id)).limit(1);
  return row?.id ?? null;
}
