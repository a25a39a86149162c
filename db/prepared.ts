import type { Tx } from './client';
import { processGlobal } from '@/lib/process-global';

// Hot page queries run as prepared statements. drizzle sends an unprepared query to postgres.js as an
// unnamed statement, so PostgreSQL parses and plans it on every call, and rebuilds its SQL from the query
// builder first: a five-table select cost 2.7 ms against 0.6 ms prepared (bench/cpu.ts).
// Prepared queries belong to the database (or transaction) that built them, so they are kept per object.

const byDb = processGlobal('preparedQueries', () => new WeakMap<object, Map<string, unknown>>());

/** The prepared query `name` of this database or transaction, built on first use. */
export function prepared<T>(tx: Tx, name: string, build: (tx: Tx) => T): T {
  let queries = byDb.get(tx);
  if (!queries) byDb.set(tx, (queries = new Map()));
  let q = queries.get(name) as T | undefined;
  if (!q) queries.set(name, (q = build(tx)));
  return q;
}
