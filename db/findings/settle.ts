import { and, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { todayIso } from '@/lib/time';
import { UNRESOLVED_FINDING_STATUSES } from '@/lib/domain/codes';

// An unresolved finding is 整改中 (in_progress) exactly while something works on it — a pending 复核, or an order
// linked to it that is not a mere draft (a draft may keep it in progress, it never starts it); otherwise it is
// open, or overdue once its deadline has passed. An overdue finding stays overdue while worked on: the deadline
// did pass. Whatever ends one piece of work (an order stopped, a 复核 returned, a new deadline) settles the
// findings it touched here, so a finding never reads 待整改 while a 复核 is pending or an order runs for it.

const STARTED = sql`('SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED')`;

export async function settleFindings(tx: Tx, findingIds: string[]): Promise<void> {
  if (findingIds.length === 0) return;
  const today = todayIso();
  const started = sql`(exists (select 1 from rechecks r where r.finding_id = ${t.findings.id} and r.state = 'pending')
    or exists (select 1 from order_findings l join orders o on o.id = l.order_id where l.finding_id = ${t.findings.id} and o.state in ${STARTED}))`;
  const drafted = sql`exists (select 1 from order_findings l join orders o on o.id = l.order_id where l.finding_id = ${t.findings.id} and o.state = 'DRAFT')`;
  const late = sql`${t.findings.deadline} < ${today}`;
  await tx
    .update(t.findings)
    .set({
      status: sql`case
        when ${started} then (case when ${t.findings.status} = 'overdue' and ${late} then 'overdue' else 'in_progress' end)::finding_status
        when ${drafted} and ${t.findings.status} = 'in_progress' then 'in_progress'::finding_status
        when ${late} then 'overdue'::finding_status
        else 'open'::finding_status end`,
    })
    .where(and(inArray(t.findings.id, findingIds), inArray(t.findings.status, UNRESOLVED_FINDING_STATUSES)));
}
