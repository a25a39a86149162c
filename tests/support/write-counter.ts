import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

// Test-only row triggers on every table of the schema count each inserted, updated or deleted row, so
// "a refused call writes nothing" is one cheap query however many tables there are.
export async function installWriteCounter(db: Db): Promise<void> {
  await db.execute(sql.raw(`create table if not exists test_write_log (n bigint not null)`));
  await db.execute(sql.raw(`insert into test_write_log select 0 where not exists (select 1 from test_write_log)`));
  await db.execute(sql.raw(`create or replace function test_count_write() returns trigger as $$ begin update test_write_log set n = n + 1; return null; end $$ language plpgsql`));
  const r = await db.execute(sql.raw(`select tablename from pg_tables where schemaname = 'public' and tablename not in ('test_write_log', '__drizzle_migrations')`));
  const tables = ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { tablename: string }[]).map((x) => x.tablename);
  for (const table of tables) {
    await db.execute(sql.raw(`drop trigger if exists test_count_write on "${table}"`));
    await db.execute(sql.raw(`create trigger test_count_write after insert or update or delete on "${table}" for each row execute function test_count_write()`));
  }
}

export async function writeCount(db: Db): Promise<number> {
  const r = await db.execute(sql.raw('select n from test_write_log'));
  const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n: string | number }[];
  return Number(rows[0]!.n);
}
