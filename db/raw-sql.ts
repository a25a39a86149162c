import { sql, type SQL } from 'drizzle-orm';

/**
 * A PostgreSQL array literal for one text parameter, to be cast in SQL (`${pgArray(ids)}::uuid[]`): a chunk of
 * 1,000 rows becomes one parameter per column instead of 1,000, the statement text stays the same for every
 * chunk (one prepared statement, one plan), and both drivers (postgres.js, PGlite) pass it as plain text.
 */
export function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** The rows of `db.execute(…)`: postgres.js returns an array, PGlite an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A fixed list of code constants as SQL literals (`in (${sqlLiterals(OPEN_ORDER_STATES)})`). Only for values from
 * the code, never input: the planner must see them to match a partial index, which a parameter would hide.
 */
export function sqlLiterals(values: readonly string[]): SQL {
  if (values.some((v) => !/^[A-Za-z_]+$/.test(v))) throw new Error('sqlLiterals takes code constants only');
  return sql.raw(values.map((v) => `'${v}'`).join(','));
}
