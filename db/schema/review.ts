import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from './remediation';
import { users } from './filings';

/** Who is reviewing a waiting order, until when (migration 0013). One row per order. */
export const reviewClaims = pgTable(
  'review_claims',
  {
    orderId: uuid('order_id').primaryKey().references(() => orders.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('review_claims_reviewer_idx').on(t.reviewerId)],
);
