import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, TransactionRollbackError, type Logger } from 'drizzle-orm';
import { seedDemo } from '@/db/seed';
import { rowsOf } from '@/db/raw-sql';
import { encodeCursor } from '@/db/queries/review-queue';
import { explainStatement, fullScans, runPageQueries } from '@/bench/page-queries';
import { freshDb, TEST_TARGETS, type TestDb } from '../support/db';

// Every query of the dashboard, rectification, 整改通知 and 初审 queue pages, captured from the same db/queries
// functions the pages call, planned with sequential scans, hash and merge joins off: a table still read whole then has
// no index the query can use, and will be scanned once it is large. Deterministic on small data (no cost estimates
// involved); the plans on the 100k bench data are bench/explain.ts.

describe.each(TEST_TARGETS)('page queries have an index to use on %s', (target) => {
  let h: TestDb;
  let page = '';
  let recording = false;
  const captured: { page: string; query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => void (recording && captured.push({ page, query, params })) };

  beforeAll(async () => {
    h = await freshDb(target, { logger });
    await seedDemo(h.db, { quiet: true });
    await h.db.execute(sql`analyze`);
    const [f] = rowsOf<{ finding: string; filer: string }>(
      await h.db.execute(sql`select f.id as finding, s.owner_id as filer from findings f join subjects s on s.id = f.subject_id
        where f.website_id is not null and f.status = 'open' order by f.id limit 1`),
    );
    const [o] = rowsOf<{ at: string; id: string }>(await h.db.execute(sql`select submitted_at::text as at, id from orders where state = 'SUBMITTED' order by submitted_at, id limit 1`));
    recording = true;
    await runPageQueries(h.db, { filerId: f!.filer, findingId: f!.finding, queueCursor: o ? encodeCursor(o) : null, now: new Date() }, (name) => (page = name));
    recording = false;
  }, 120_000);
  afterAll(() => h?.close());

  it('captures the pages’ queries', () => {
    expect(new Set(captured.map((c) => c.page))).toEqual(new Set(['session', 'dashboard', 'rectification', 'notices', 'queue p1', 'queue p500', 'queue p1 浙 overdue']));
    expect(captured.filter((c) => c.page === 'dashboard')).toHaveLength(1);
    expect(captured.filter((c) => c.page === 'rectification').length).toBeLessThanOrEqual(2);
    expect(captured.length).toBeGreaterThanOrEqual(11);
  });

  it('no query reads a table whole when it is planned through indexes only', async () => {
    const problems: string[] = [];
    for (const c of captured) {
      const scans = fullScans(await explainStatement(h.db, c.query, c.params, { indexesOnly: true }));
      if (scans.length) problems.push(`${c.page}: ${scans.map((s) => `${s.node} ${s.relation}`).join(', ')} — ${c.query.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
  });

  // The check itself works: without the indexes migration 0006 added for these pages, it reports the scans.
  it.each([
    ['findings_notice_idx', 'notices', 'findings'],
    ['rechecks_finding_idx', 'rectification', 'rechecks'],
  ])('would notice %s missing', async (index, onPage, table) => {
    const statements = captured.filter((c) => c.page === onPage && new RegExp(`from "?${table}"?\\s`).test(c.query));
    expect(statements.length).toBeGreaterThan(0);
    const scanned: string[] = [];
    await h.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`drop index ${index}`));
        for (const c of statements) scanned.push(...fullScans(await explainStatement(tx, c.query, c.params, { indexesOnly: true })).map((s) => s.relation));
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
    expect(scanned).toContain(table);
  });
});
