import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client';
import * as t from '../schema';
import { returnExpiredSmsOrders } from '../orders/gateway';
import { transitionOrder } from '../orders/transition';
import { ConflictError } from '@/lib/errors';
import { ORDER_STATES } from '@/lib/domain/codes';
import { nextState } from '@/lib/orders/state-machine';
import { everyInterval, runLeased, type Repeating } from './lease';
import { config } from '@/lib/config';
import { now as clockNow } from '@/lib/clock';

// Scheduled order housekeeping: SMS windows that passed return the order (RETURNED), and orders older than
// their 45-day validity expire (EXPIRED). Every move goes through transitionOrder with expectedState, so two
// runs at once, or a run racing a reviewer, never move an order twice.

/** States the state machine lets an order expire from (once with the 管局 it never expires). */
const EXPIRABLE = ORDER_STATES.filter((s) => nextState('CHANGE_SUBJECT', s, 'expire') !== null);

export async function expireOrders(db: Db, now = clockNow()): Promise<number> {
  const due = await db
    .select({ id: t.orders.id, state: t.orders.state })
    .from(t.orders)
    .where(and(inArray(t.orders.state, EXPIRABLE), lt(t.orders.expiresAt, now)));
  let expired = 0;
  for (const o of due) {
    try {
      await transitionOrder(db, { orderId: o.id, event: 'expire', actor: { id: null, role: 'system' }, expectedState: o.state, reason: '订单自提交起超过45天未完成' });
      expired++;
    } catch (err) {
      // Someone moved it first (a decision, another run): nothing to do.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return expired;
}

export async function runReviewJobs(db: Db, now = clockNow()): Promise<{ smsReturned: number; expired: number }> {
  const smsReturned = await returnExpiredSmsOrders(db, now);
  const expired = await expireOrders(db, now);
  return { smsReturned, expired };
}

export const REVIEW_JOBS_JOB = 'review-jobs';

/** One scheduler tick: the jobs, when this process holds their lease for this interval (else null). */
export function tickReviewJobs(db: Db, intervalMs = config().REVIEW_JOBS_INTERVAL_MS, holder?: string) {
  return runLeased(db, { name: REVIEW_JOBS_JOB, intervalMs, holder }, () => runReviewJobs(db));
}

const STARTED = Symbol.for('beian.reviewJobs');
type G = typeof globalThis & { [STARTED]?: Repeating };

/** Every minute, in one process at a time (db/jobs/lease.ts); once per process however often it is called. */
export function startReviewJobs(db: Db, intervalMs = config().REVIEW_JOBS_INTERVAL_MS) {
  const g = globalThis as G;
  g[STARTED] ??= everyInterval('review-jobs', intervalMs, () => tickReviewJobs(db, intervalMs));
  return g[STARTED];
}
