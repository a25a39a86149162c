import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { pgArray, sqlLiterals } from '@/db/raw-sql';
import { OPEN_ORDER_STATES } from '@/lib/domain/codes';

describe('raw SQL helpers', () => {
  it('writes code constants as literals the planner can see', () => {
    const q = new PgDialect().sqlToQuery(sql`state in (${sqlLiterals(OPEN_ORDER_STATES)})`);
    expect(q.params).toEqual([]);
    expect(q.sql).toBe(`state in (${OPEN_ORDER_STATES.map((s) => `'${s}'`).join(',')})`);
  });

  it('refuses anything that is not a plain constant', () => {
    expect(() => sqlLiterals(["x'); drop table users; --"])).toThrow(/code constants/);
    expect(() => sqlLiterals(['a b'])).toThrow();
  });

  it('quotes an array literal for one text parameter', () => {
    expect(pgArray(['a', 'b"c', null])).toBe('{"a","b\\"c",NULL}');
  });
});
