import postgres from 'postgres';

// Deep URLs the benchmark needs, read from the bench database: the bench filer's first open finding, and
// the 初审 queue's page 500 (its keyset cursor: the last row of page 499).
export const QUEUE_PAGE_SIZE = 20;

export async function deepPageUrls(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [f] = await sql`select f.id from findings f join subjects s on s.id = f.subject_id join users u on u.id = s.owner_id
      where u.email = 'bench-filer@bench.example' and f.status = 'open' order by f.deadline, f.id limit 1`;
    const [c] = await sql`select submitted_at, id from orders where state = 'SUBMITTED'
      order by submitted_at, id offset ${499 * QUEUE_PAGE_SIZE - 1} limit 1`;
    return {
      rectification: `/rectifications/${f!.id}`,
      queuePage500: `/review?after=${encodeURIComponent(`${(c!.submitted_at as Date).toISOString()}_${c!.id}`)}`,
    };
  } finally {
    await sql.end();
  }
}
