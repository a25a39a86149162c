import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';

export type CheckRunRow = typeof t.checkRuns.$inferSelect;

/** The latest 专项核查 runs, newest first, for the operator's list. */
export async function listCheckRuns(db: Db, limit = 20): Promise<CheckRunRow[]> {
  return db.select().from(t.checkRuns).orderBy(desc(t.checkRuns.createdAt)).limit(limit);
}

export async function getCheckRun(db: Db, id: string): Promise<CheckRunRow | undefined> {
  const [run] = await db.select().from(t.checkRuns).where(eq(t.checkRuns.id, id));
  return run;
}
