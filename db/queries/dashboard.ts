import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { prepared } from '../prepared';
import { sqlLiterals } from '../raw-sql';
import * as t from '../schema';
import type { FindingCodeValue as FindingCode, FindingStatus, OrderState, OrderTypeValue as OrderType, SubjectNature } from '@/lib/domain/codes';
import type { SubjectRow } from './filings';
import { OPEN_ORDER_STATES, UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';
import { byIcpNumber } from '@/lib/filings/sort';

/** What the 我的备案 dashboard shows of one subject: its websites, its findings to act on, its open order. */
type FilingStatus = SubjectRow['status'];

export type DashboardFiling = {
  id: string;
  icpNumber: string;
  name: string;
  nature: SubjectNature;
  provinceCode: string;
  status: FilingStatus;
  websites: { id: string; icpNumber: string; name: string; status: FilingStatus; domains: string[]; ips: string[] }[];
  /** Unresolved and access-cancelled findings, earliest deadline first. */
  findings: { id: string; code: FindingCode; status: FindingStatus; deadline: string; websiteId: string | null }[];
  openOrder: { id: string; number: string; type: OrderType; state: OrderState } | null;
};

const SHOWN_FINDING_STATUSES = [...UNRESOLVED_FINDING_STATUSES, 'access_cancelled'] as const;

const findingStatuses = sqlLiterals(SHOWN_FINDING_STATUSES);
const orderStates = sqlLiterals(OPEN_ORDER_STATES);

// Column names are written out: drizzle leaves a one-table select's columns unqualified, which the
// correlated subqueries (all with an `id`) would make ambiguous.
function dashboardQuery(tx: Tx) {
  return tx
    .select({
      filings: sql<string>`coalesce(json_agg(json_build_object(
        'id', subjects.id, 'icpNumber', subjects.icp_number, 'name', subjects.name, 'nature', subjects.nature,
        'provinceCode', subjects.province_code, 'status', subjects.status,
        'websites', coalesce((
          select json_agg(json_build_object(
            'id', w.id, 'icpNumber', w.icp_number, 'name', w.name, 'status', w.status,
            'ips', coalesce(a.ips, '{}'),
            'domains', coalesce((
              select json_agg(d.name order by d.created_at, d.name) from domains d
              where d.website_id = w.id and d.removed_at is null), '[]')
          ))
          from websites w left join access_records a on a.website_id = w.id and a.active
          where w.subject_id = subjects.id), '[]'),
        'findings', coalesce((
          select json_agg(json_build_object(
            'id', f.id, 'code', f.code, 'status', f.status, 'deadline', f.deadline, 'websiteId', f.website_id
          ) order by f.deadline, f.id)
          from findings f where f.subject_id = subjects.id and f.status in (${findingStatuses})), '[]'),
        'openOrder', (
          select json_build_object('id', o.id, 'number', o.number, 'type', o.type, 'state', o.state)
          from orders o where o.subject_id = subjects.id and o.state in (${orderStates}) limit 1)
      ) order by subjects.created_at, subjects.icp_number), '[]')::text`,
    })
    .from(t.subjects)
    .where(eq(t.subjects.ownerId, sql.placeholder('ownerId')))
    .prepare('dashboard');
}

/**
 * The whole dashboard of one owner in one prepared query: PostgreSQL assembles the JSON (index lookups per
 * subject and website), the server parses it once. Five queries through the ORM cost five round trips and
 * five result mappings per render; the render budget is the framework's.
 */
export async function loadDashboard(tx: Tx, ownerId: string): Promise<DashboardFiling[]> {
  const [row] = await prepared(tx, 'dashboard', dashboardQuery).execute({ ownerId });
  const filings = JSON.parse(row?.filings ?? '[]') as DashboardFiling[];
  // 网站备案号 order is numeric on the site serial (-2 before -10): sorted here, where the comparator lives.
  return filings.map((f) => ({ ...f, websites: byIcpNumber(f.websites) }));
}
