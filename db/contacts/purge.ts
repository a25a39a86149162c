import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Tx } from '../client';
import * as t from '../schema';
import { VERIFIED_FOR_DAYS } from '@/lib/contacts/verification';

const DAY_MS = 86_400_000;

/**
 * Contact codes nobody can use any more, with the numbers and addresses they hold: an unverified code after
 * a day (every send limit looks back 24 hours at most), a verification once it can no longer be reused.
 * Run by housekeeping; kept apart from ./verification (server-only) so that the worker can load it.
 */
export async function purgeContactVerifications(db: Tx, now: Date = new Date()): Promise<number> {
  const gone = await db
    .delete(t.contactVerifications)
    .where(
      or(
        and(isNull(t.contactVerifications.verifiedAt), lt(t.contactVerifications.createdAt, new Date(now.getTime() - DAY_MS))),
        and(isNotNull(t.contactVerifications.verifiedAt), lt(t.contactVerifications.verifiedAt, new Date(now.getTime() - VERIFIED_FOR_DAYS * DAY_MS))),
      ),
    )
    .returning({ id: t.contactVerifications.id });
  return gone.length;
}
