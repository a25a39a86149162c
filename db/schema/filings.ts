import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { filingStatus, subjectNature, userRole } from './enums';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: userRole('role').notNull().default('filer'),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  emailVerified: timestamp('email_verified', { withTimezone: true }),
  // Bumped on sign-out-everywhere, role change and disable; JWTs carrying an older value are refused.
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: createdAt(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * A principal (负责人) is one natural person. The same person may be principal of a subject and of its websites,
 * so rows are shared; two rows are two people, and two people may not share a mobile or an e-mail (SPEC 6).
 */
export const principals = pgTable(
  'principals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    idType: text('id_type').notNull().default('居民身份证'),
    idNumber: text('id_number').notNull(),
    idValidUntil: date('id_valid_until'), // null = 长期
    mobile: text('mobile').notNull(),
    landline: text('landline'),
    emergencyMobile: text('emergency_mobile').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('principals_id_number_uq').on(t.idType, t.idNumber),
    uniqueIndex('principals_mobile_uq').on(t.mobile),
    uniqueIndex('principals_email_uq').on(sql`lower(${t.email})`),
  ],
);

export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    icpNumber: text('icp_number').notNull(),
    name: text('name').notNull(),
    nature: subjectNature('nature').notNull(),
    certType: text('cert_type').notNull(),
    certNumber: text('cert_number').notNull(),
    certAddress: text('cert_address').notNull(),
    provinceCode: text('province_code').notNull(),
    mailingAddress: text('mailing_address').notNull(),
    legalRepName: text('legal_rep_name'),
    principalId: uuid('principal_id').notNull().references(() => principals.id),
    status: filingStatus('status').notNull().default('active'),
    accessCancelledAt: timestamp('access_cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subjects_icp_number_uq').on(t.icpNumber),
    index('subjects_owner_idx').on(t.ownerId),
  ],
);

export const websites = pgTable(
  'websites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    icpNumber: text('icp_number').notNull(),
    name: text('name').notNull(),
    principalId: uuid('principal_id').notNull().references(() => principals.id),
    serviceContent: text('service_content').notNull().default('综合门户'),
    preApprovals: jsonb('pre_approvals').$type<{ kind: string; number: string }[]>().notNull().default([]),
    status: filingStatus('status').notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('websites_icp_number_uq').on(t.icpNumber),
    index('websites_subject_idx').on(t.subjectId),
  ],
);

export const domains = pgTable(
  'domains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    websiteId: uuid('website_id').notNull().references(() => websites.id),
    name: text('name').notNull(),
    registrantName: text('registrant_name').notNull(),
    registrantIdType: text('registrant_id_type').notNull(),
    registrantIdNumber: text('registrant_id_number').notNull(),
    expiresOn: date('expires_on').notNull(),
    // Domains deleted by a 变更网站 order keep their row for history.
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('domains_active_name_uq').on(sql`lower(${t.name})`).where(sql`${t.removedAt} is null`),
    index('domains_website_idx').on(t.websiteId),
  ],
);

/** 接入信息: which provider hosts the website, on which IPs. One active record per website. */
export const accessRecords = pgTable(
  'access_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    websiteId: uuid('website_id').notNull().references(() => websites.id),
    provider: text('provider').notNull(),
    ips: text('ips').array().notNull(),
    active: boolean('active').notNull().default(true),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('access_records_active_uq').on(t.websiteId).where(sql`${t.active}`)],
);

/** Sign-in attempts, for rate limiting per account and per IP (kept short-term; purged by age). */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    account: text('account').notNull(),
    ip: text('ip').notNull(),
    kind: text('kind').notNull().default('password'), // password | magic_link
    success: boolean('success').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('auth_attempts_account_idx').on(t.account, t.createdAt), index('auth_attempts_ip_idx').on(t.ip, t.createdAt)],
);
