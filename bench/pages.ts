import postgres from 'postgres';
import { encodeCursor } from '@/db/queries/review-queue';

// Deep URLs the benchmark needs, read from the bench database: the bench filer's first open finding, and
// the 初审 queue's page 500 (its keyset cursor: the last row of page 499).
import { QUEUE_PAGE_SIZE } from '@/db/queries/review-queue';

export async function deepPageUrls(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [f] = await sql`select f.id from findings f join subjects s on s.id = f.subject_id join users u on u.id = s.owner_id
      where u.email = 'bench-filer@bench.example' and f.status = 'open' order by f.deadline, f.id limit 1`;
    // The cursor the queue's own 下一页 link would carry after page 499 (timestamp as PostgreSQL prints it).
    // A small database has fewer than 500 pages: then its last page stands in for page 500.
    const [{ n }] = (await sql`select count(*)::int as n from orders where state = 'SUBMITTED'`) as unknown as [{ n: number }];
    const offset = Math.max(0, Math.min(499 * QUEUE_PAGE_SIZE, n - (n % QUEUE_PAGE_SIZE || QUEUE_PAGE_SIZE)) - 1);
    const [c] = await sql`select submitted_at::text as at, id from orders where state = 'SUBMITTED'
      order by submitted_at, id offset ${offset} limit 1`;
    return {
      rectification: `/rectifications/${f!.id}`,
      queuePage500: `/review?after=${encodeCursor({ at: c!.at as string, id: c!.id as string })}`,
    };
  } finally {
    await sql.end();
  }
}
