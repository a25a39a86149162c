import { eq } from 'drizzle-orm';
import { openDb } from '@/db/client';
import * as t from '@/db/schema';
import { createCheckRun, executeRun } from '@/db/checks/run';

// Times a data-check run over every subject of the bench database (target: 100k subjects ≤ 60 s).
export async function benchCheckRun(url: string) {
  const h = await openDb({ url });
  const [admin] = await h.db.select().from(t.users).where(eq(t.users.email, 'bench-reviewer@bench.example'));
  const run = await createCheckRun(h.db, { actor: { id: admin!.id, role: 'admin' }, filter: {} });
  const t0 = Date.now();
  let samples = 0;
  const watch = setInterval(async () => {
    const [r] = await h.db.select({ p: t.checkRuns.processedSubjects }).from(t.checkRuns).where(eq(t.checkRuns.id, run.id));
    if ((r?.p ?? 0) > 0) samples++;
  }, 1000);
  const done = await executeRun(h.db, run.id);
  clearInterval(watch);
  const seconds = (Date.now() - t0) / 1000;
  await h.close();
  return { subjects: done.processedSubjects, results: done.resultCount, seconds, progressSamples: samples };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchCheckRun(process.env.DATABASE_URL!));
}
