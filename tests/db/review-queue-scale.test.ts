import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as t from '@/db/schema';
import { listReviewQueue } from '@/db/queries/review-queue';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// The 初审 queue with 100k orders: a page deep into the queue costs what the first page costs, because the
// keyset cursor is an index range on orders_queue_idx, never an OFFSET.

/** postgres.js returns the rows, PGlite an object holding them. */
const rowsOf = <R>(r: unknown): R[] => (Array.isArray(r) ? r : (r as { rows: R[] }).rows);

describe.each(TEST_TARGETS)('初审 queue at 100k orders on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
    const [owner] = await h.db.insert(t.users).values({ email: 'scale@beian.example', name: '压测用户' }).returning();
    await h.db.execute(sql`
      insert into orders (number, type, owner_id, province_code, state, payload, submitted_at)
      select 'S' || g, 'FIRST_FILING', ${owner!.id}::uuid, case when g % 3 = 0 then '44' else '33' end,
             (case when g % 10 < 3 then 'SUBMITTED' else 'APPROVED' end)::order_state,
             '{"type":"FIRST_FILING","subject":{"name":"压测主体"}}'::jsonb,
             now() - (g || ' seconds')::interval
      from generate_series(1, 100000) g`);
    await h.db.execute(sql`analyze orders`);
  }, 300_000);
  afterAll(() => h?.close());

  it('a page 20 000 rows deep is as quick as the first', async () => {
    const first = await listReviewQueue(h.db, { limit: 50 });
    expect(first.rows).toHaveLength(50);
    // A cursor deep into the queue, read straight from the table.
    const row = rowsOf<{ at: string; id: string }>(
      await h.db.execute(sql`select submitted_at::text as at, id from orders where state = 'SUBMITTED' order by submitted_at, id offset 20000 limit 1`),
    )[0]!;
    const cursor = Buffer.from(`${row.at}|${row.id}`).toString('base64url');
    const time = async (after: string | null) => {
      const started = performance.now();
      for (let i = 0; i < 5; i++) await listReviewQueue(h.db, { limit: 50, after });
      return (performance.now() - started) / 5;
    };
    await time(cursor); // warm
    const deepMs = await time(cursor);
    const firstMs = await time(null);
    const page = await listReviewQueue(h.db, { limit: 50, after: cursor });
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0]!.submittedAt.getTime()).toBeGreaterThanOrEqual(new Date(row.at).getTime());
    // Generous bounds for a shared CI machine; an OFFSET or a sort over 30k rows would blow through them.
    expect(deepMs).toBeLessThan(Math.max(firstMs * 4, 150));
  });

  it('plans the page as an index range scan without a sort', async () => {
    if (target !== 'postgres') return; // the plan that matters is the production server's
    const res = await h.db.execute(sql`
      explain select o.id from orders o left join subjects s on s.id = o.subject_id
      where o.state = 'SUBMITTED' and (o.submitted_at, o.id) > (now() - interval '5 hours', '00000000-0000-0000-0000-000000000000'::uuid)
      order by o.submitted_at, o.id limit 51`);
    const plan = rowsOf<Record<string, string>>(res).map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toMatch(/Index Scan using orders_queue_idx/);
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
