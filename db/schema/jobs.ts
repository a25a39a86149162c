import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Which process runs a scheduled job (reminders, order housekeeping, clean-up) until when (migration 0014).
 * One row per job name; claimed by db/jobs/lease.ts.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
});
