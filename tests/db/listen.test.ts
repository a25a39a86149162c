import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { cutListeners, freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Every cache of a process listens through one connection: a process costs its pool plus one, and a
// pooler in transaction mode needs only that one connection to go to PostgreSQL directly.

const until = async (f: () => boolean, ms = 5000) => {
  for (const t0 = Date.now(); !f(); ) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(TEST_TARGETS)('LISTEN on %s', (target) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(target);
  });
  afterAll(() => h?.close());

  it('delivers each channel to its own subscribers, says when it is live, and stops cleanly', async () => {
    const heard: Record<string, string[]> = { a_changed: [], b_changed: [] };
    const live: Record<string, boolean> = { a_changed: false, b_changed: false };
    const subs = Object.keys(heard).map((c) => h.listen(c, { notify: (p) => heard[c]!.push(p), live: (l) => (live[c] = l) }));
    await until(() => live.a_changed! && live.b_changed!);
    await h.db.execute(sql`select pg_notify('a_changed', 'one'), pg_notify('b_changed', 'two')`);
    await until(() => heard.a_changed!.length === 1 && heard.b_changed!.length === 1);
    expect(heard).toEqual({ a_changed: ['one'], b_changed: ['two'] });
    await Promise.all(subs.map((s) => s.stop()));
    expect(live).toEqual({ a_changed: false, b_changed: false });
  });

  // PGlite has no connections to count or cut.
  if (target === 'postgres') it('uses one connection for every channel and re-listens all after it is cut', async () => {
    const { db } = ((await h.db.execute(sql`select current_database() as db`)) as unknown as { db: string }[])[0]!;
    const live: Record<string, boolean> = {};
    const heard: string[] = [];
    let drops = 0;
    const subs = ['c_changed', 'd_changed', 'e_changed'].map((c) =>
      h.listen(c, { notify: (p) => heard.push(`${c}:${p}`), live: (l) => ((live[c] = l), l || drops++) }),
    );
    await until(() => Object.values(live).length === 3 && Object.values(live).every(Boolean));
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const listening = await admin`select count(*)::int as n from pg_stat_activity where datname = ${db} and query ilike 'listen%'`;
      expect(listening[0]!.n).toBe(1);
      expect(await cutListeners(h, 'd_changed')).toBe(1);
      await until(() => drops === 3); // every subscriber hears that it may have missed notifications
      await until(() => Object.values(live).every(Boolean), 15_000);
      await h.db.execute(sql`select pg_notify('e_changed', 'after')`);
      await until(() => heard.includes('e_changed:after'));
    } finally {
      await admin.end();
      await Promise.all(subs.map((s) => s.stop()));
    }
  });
});
