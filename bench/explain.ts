import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Logger } from 'drizzle-orm';

// `npx tsx bench/explain.ts` (DATABASE_URL = a database seeded by `npm run bench:seed`): every query the
// filer dashboard, the rectification page, the 整改通知 list and the 初审 queue (first page, page 500, and
// filtered) run, captured from the same db/queries functions the pages call (a drizzle logger records SQL and
// parameters, bench/page-queries.ts), then EXPLAINed with those parameters on the large data. A Seq Scan (or
// an index read end to end) on a table of more than 10,000 rows fails the query. Small tables may be scanned
// while small: for those the query is planned again through indexes only (seq scans, hash and merge joins off), and a
// table still read whole is reported — no index could serve it once it grows.
// The query modules are `server-only`; outside Next they load under the react-server condition, so the
// script re-runs itself with `--conditions=react-server` when started without it.

export const LARGE_TABLE_ROWS = 10_000;

/** `largeScans`: whole-table reads of tables above LARGE_TABLE_ROWS (fail). `unindexed`: small tables no index can serve (warn). */
export type ExplainLine = { page: string; query: string; summary: string; cost: number; largeScans: string[]; unindexed: string[]; pass: boolean };

/** First words of the statement, enough to tell the queries of one page apart. */
function label(query: string): string {
  const from = /\bfrom\s+\(?\s*(?:select\b.*?\bfrom\s+)?"?(\w+)"?/i.exec(query)?.[1] ?? '?';
  return `${/^\s*select\s+count\(/i.test(query) ? 'count' : 'select'} ${from}`;
}

export async function explainPages(url: string): Promise<ExplainLine[]> {
  const { openDb } = await import('@/db/client');
  const { runPageQueries, explainStatement, fullScans, summarise } = await import('./page-queries');
  const { deepPageUrls } = await import('./pages');

  let page = '';
  let recording = true;
  const captured: { page: string; query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => void (recording && captured.push({ page, query, params })) };
  const h = await openDb({ url, migrate: false, logger });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [filer] = await sql`select id from users where email = 'bench-filer@bench.example'`;
    const deep = await deepPageUrls(url);
    await runPageQueries(
      h.db,
      {
        filerId: filer!.id as string,
        findingId: deep.rectification.split('/').pop()!,
        queueCursor: new URL(deep.queuePage500, 'http://x').searchParams.get('after'),
        now: new Date(),
      },
      (name) => (page = name),
    );
    recording = false;
    const sizes = new Map<string, number>(
      (await sql`select relname, greatest(reltuples, 0)::bigint as n from pg_class where relkind in ('r', 'i') and relnamespace = 'public'::regnamespace`).map(
        (r) => [r.relname as string, Number(r.n)],
      ),
    );
    const out: ExplainLine[] = [];
    for (const c of captured) {
      // The statement as the page sends it: same text, same bound parameters (a custom plan for these values).
      const plan = await explainStatement(h.db, c.query, c.params);
      const scans = fullScans(plan);
      const largeScans = scans.filter((s) => (sizes.get(s.relation) ?? 0) > LARGE_TABLE_ROWS).map((s) => `${s.relation} (${sizes.get(s.relation)} rows)`);
      const unindexed = scans.length ? fullScans(await explainStatement(h.db, c.query, c.params, { indexesOnly: true })).map((s) => s.relation) : [];
      out.push({ page: c.page, query: label(c.query), summary: summarise(plan), cost: plan['Total Cost'], largeScans, unindexed, pass: largeScans.length === 0 });
    }
    return out;
  } finally {
    await sql.end();
    await h.close();
  }
}

export function formatLine(l: ExplainLine): string {
  const note = !l.pass ? `  ← Seq Scan on ${l.largeScans.join(', ')}` : l.unindexed.length ? `  (no index for ${l.unindexed.join(', ')}: read whole while small)` : '';
  return `${l.pass ? 'PASS' : 'FAIL'}  ${l.page.padEnd(20)} ${l.query.padEnd(26)} cost ${l.cost.toFixed(1).padStart(8)}  ${l.summary}${note}`;
}

/** For bench/run.ts: runs this file in a child under the react-server condition and returns its lines. */
export function explainInChild(url: string): ExplainLine[] {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', fileURLToPath(import.meta.url), '--json'], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !last.startsWith('[')) throw new Error(`bench/explain.ts exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(last) as ExplainLine[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('bench/explain.ts 需要 DATABASE_URL（已 bench:seed 的 PostgreSQL 库）。 needs DATABASE_URL (a database seeded by bench:seed).');
    process.exit(2);
  }
  if (!process.execArgv.some((a) => a.includes('react-server'))) {
    const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const lines = await explainPages(url);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(lines));
  } else {
    for (const l of lines) console.log(formatLine(l));
    const failed = lines.filter((l) => !l.pass).length;
    console.log(`\n${lines.length} queries, ${failed} reading a table of more than ${LARGE_TABLE_ROWS.toLocaleString('en')} rows whole`);
    process.exit(failed ? 1 : 0);
  }
}
