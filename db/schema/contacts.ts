import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './filings';
import { orders } from './remediation';

/**
 * One row per code sent to a 负责人's mobile or e-mail from the order wizard (migration 0017), verified or not.
 * The code itself is never stored: `code_hash` is bound to the row's id (lib/contacts/verification.ts). The rows
 * are also the send log the rate limits count, and a verified row lets the same filer reuse the contact for
 * 180 days without a new code, whatever order it was verified on.
 */
export const contactVerifications = pgTable(
  'contact_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    // The order the code was asked for; the verification outlives it (another order may reuse it).
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    /** Normalised: a mobile without separators, an e-mail address in lower case. */
    value: text('value').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Wrong answers so far; the 5th burns the code. */
    attempts: integer('attempts').notNull().default(0),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The newest code of a contact, its sends in the last hour, and whether it is verified: one range each.
    index('contact_verifications_contact_idx').on(t.ownerId, t.channel, t.value, t.createdAt),
    // The filer's sends in the last 24 hours.
    index('contact_verifications_owner_idx').on(t.ownerId, t.createdAt),
    check('contact_verifications_channel_check', sql`${t.channel} in ('sms', 'email')`),
    check('contact_verifications_attempts_check', sql`${t.attempts} >= 0`),
  ],
);
