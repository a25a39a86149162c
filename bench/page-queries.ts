import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { readSessionUser } from '@/db/session-users';
import { loadDashboard } from '@/db/queries/dashboard';
import { getFindingForOwner, listNoticesForOwner } from '@/db/queries/findings';
import { latestSelfCheck } from '@/db/checks/self-check';
import { countReviewQueue, listReviewQueue } from '@/db/queries/review-queue';

// The queries of the pages the performance issue names, run through the same db/queries functions the pages
// call (in the same order), so a drizzle logger on `db` records exactly the SQL and parameters each page sends.
// Shared by bench/explain.ts (EXPLAIN on the 100k bench data) and tests/db/explain.test.ts.

export type PageIds = { filerId: string; findingId: string; queueCursor: string | null; now: Date };

export async function runPageQueries(db: Db, ids: PageIds, page: (name: string) => void): Promise<void> {
  const { filerId, findingId, queueCursor: after, now } = ids;
  page('session');
  await readSessionUser(db, filerId); // when not already in memory (db/session-users.ts)
  page('dashboard');
  await loadDashboard(db, filerId);
  page('rectification');
  const v = await getFindingForOwner(db, findingId, filerId);
  await latestSelfCheck(db, v?.website?.id ?? '00000000-0000-0000-0000-000000000000');
  page('notices');
  await listNoticesForOwner(db, filerId);
  page('queue p1');
  await listReviewQueue(db, { now });
  await countReviewQueue(db, { now });
  page('queue p500');
  await listReviewQueue(db, { now, after });
  await countReviewQueue(db, { now, after });
  page('queue p1 浙 overdue');
  await listReviewQueue(db, { now, province: '33', overdueOnly: true });
  await countReviewQueue(db, { now, province: '33', overdueOnly: true });
}

export type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Total Cost': number;
  Plans?: PlanNode[];
};

export function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/**
 * Nodes that read a whole table: a Seq Scan, or an index scanned end to end (no Index Cond — what the planner
 * falls back to when seq scans are disabled and no index matches the condition).
 */
export function fullScans(plan: PlanNode): { node: string; relation: string }[] {
  return [...walk(plan)]
    .filter((n) => n['Node Type'] === 'Seq Scan' || (/^Index (Only )?Scan$/.test(n['Node Type']) && !n['Index Cond']))
    .map((n) => ({ node: n['Node Type'], relation: n['Relation Name'] ?? n['Index Name'] ?? '?' }));
}

/** The scan nodes of a plan, e.g. "Sort · Bitmap Heap Scan subjects · Bitmap Index Scan subjects_owner_idx". */
export function summarise(plan: PlanNode): string {
  const scans = [...walk(plan)].filter((n) => /Scan/.test(n['Node Type']));
  const parts = scans.map((n) => `${n['Node Type']} ${n['Index Name'] ?? n['Relation Name'] ?? ''}`.trim());
  return (scans[0] === plan ? parts : [plan['Node Type'], ...parts]).join(' · ');
}

/** A logged statement ($1, $2 … and its parameters) as a drizzle SQL object, for either driver. */
export function boundStatement(prefix: string, query: string, params: unknown[]): SQL {
  const parts = query.split(/\$(\d+)/);
  const chunks: SQL[] = [sql.raw(prefix + parts[0]!)];
  for (let i = 1; i < parts.length; i += 2) chunks.push(sql`${params[Number(parts[i]) - 1]}`, sql.raw(parts[i + 1]!));
  return sql.join(chunks, sql.raw(''));
}

/**
 * EXPLAIN (FORMAT JSON) of a logged statement with its parameters. `indexesOnly` plans it with sequential
 * scans, hash joins and merge joins off: every table is then reached through an index condition if any index
 * can serve the query, so a table still read whole (fullScans) has no index this query can use.
 */
export async function explainStatement(db: Tx, query: string, params: unknown[], opts: { indexesOnly?: boolean } = {}): Promise<PlanNode> {
  const run = async (tx: Tx) => {
    if (opts.indexesOnly) {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_hashjoin = off`);
      await tx.execute(sql`set local enable_mergejoin = off`);
    }
    const res = await tx.execute(boundStatement('explain (format json) ', query, params));
    const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const raw = rows[0]!['QUERY PLAN'];
    return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
  };
  return opts.indexesOnly ? db.transaction(run) : run(db);
}
