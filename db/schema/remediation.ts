import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
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
import {
  extensionState,
  findingCode,
  findingStatus,
  noticeSource,
  orderState,
  orderType,
  recheckState,
} from './enums';
import { domains, subjects, users, websites } from './filings';
import type { OrderPayload, RejectionEntry } from '@/lib/orders/payload';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 整改通知: one notice to one subject, carrying one or more findings. */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    issuedBy: uuid('issued_by').references(() => users.id),
    source: noticeSource('source').notNull().default('manual'),
    deadline: date('deadline').notNull(),
    // The CSV import that issued it (null otherwise): the run's last step queues one e-mail per notice of its batch.
    importBatchId: uuid('import_batch_id').references((): AnyPgColumn => importBatches.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('notices_subject_idx').on(t.subjectId),
    index('notices_import_batch_idx').on(t.importBatchId).where(sql`${t.importBatchId} is not null`),
  ],
);

/** 不合格项: each is a rectification with its own URL (the id is a random UUID, not guessable). */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull().references(() => notices.id),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    websiteId: uuid('website_id').references(() => websites.id),
    domainId: uuid('domain_id').references(() => domains.id),
    code: findingCode('code').notNull(),
    status: findingStatus('status').notNull().default('open'),
    deadline: date('deadline').notNull(),
    filedValue: text('filed_value'),
    observedValue: text('observed_value'),
    detail: text('detail'),
    // Import idempotency: the same source row never creates a second finding.
    externalKey: text('external_key'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('findings_subject_idx').on(t.subjectId),
    // A notice's findings: its e-mail, the filer's 整改通知 page (without it, a scan of every finding).
    index('findings_notice_idx').on(t.noticeId),
    index('findings_deadline_open_idx').on(t.deadline).where(sql`${t.status} in ('open','in_progress','overdue')`),
    uniqueIndex('findings_external_key_uq').on(t.externalKey),
    // At most one unresolved finding per filing object and code.
    uniqueIndex('findings_unresolved_uq')
      .on(
        t.subjectId,
        sql`coalesce(${t.websiteId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        sql`coalesce(${t.domainId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.code,
      )
      .where(sql`${t.status} in ('open','in_progress','overdue')`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    type: orderType('type').notNull(),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    // Null only for 首次备案, whose subject exists once the 管局 approves.
    subjectId: uuid('subject_id').references(() => subjects.id),
    websiteId: uuid('website_id').references(() => websites.id),
    provinceCode: text('province_code').notNull(),
    state: orderState('state').notNull().default('DRAFT'),
    payload: jsonb('payload').$type<OrderPayload>().notNull(),
    rejection: jsonb('rejection').$type<RejectionEntry[]>(),
    rejectionNote: text('rejection_note'),
    wizardStep: integer('wizard_step').notNull().default(0),
    // Bumped by every write: a save or submit carrying an older version comes from a stale tab and is refused.
    version: integer('version').notNull().default(0),
    smsCodeHash: text('sms_code_hash'),
    smsSentAt: timestamp('sms_sent_at', { withTimezone: true }),
    smsFailures: integer('sms_failures').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    // SPEC 5: change, new website and cancellation never run at the same time on one subject.
    uniqueIndex('orders_one_open_per_subject_uq')
      .on(t.subjectId)
      .where(
        sql`${t.state} in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED') and not (${t.type} = 'CANCEL_ACCESS' and ${t.state} = 'DRAFT')`,
      ),
    index('orders_owner_idx').on(t.ownerId, t.createdAt),
    // A subject's orders (the dashboard's open order, the order list of a subject): the partial unique index
    // above cannot serve a lookup by state alone, and without this one PostgreSQL scanned every open order.
    index('orders_subject_idx').on(t.subjectId),
    index('orders_queue_idx').on(t.state, t.submittedAt, t.id),
    // The queue filtered by province (reviewers split the work by 管局): an exact range for the page and the
    // capped count, instead of reading every waiting order of the other provinces to discard it.
    index('orders_queue_province_idx').on(t.provinceCode, t.submittedAt, t.id).where(sql`${t.state} = 'SUBMITTED'`),
  ],
);

export const orderFindings = pgTable(
  'order_findings',
  {
    orderId: uuid('order_id').notNull().references(() => orders.id),
    findingId: uuid('finding_id').notNull().references(() => findings.id),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.findingId] }), index('order_findings_finding_idx').on(t.findingId)],
);

/** Append-only order history: never updated, never deleted. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull().references(() => orders.id),
    actorId: uuid('actor_id').references(() => users.id),
    event: text('event').notNull(),
    fromState: orderState('from_state'),
    toState: orderState('to_state').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

/** The 初审 phone procedure's calls (001 2.2), one row per call; see lib/orders/phone-check. */
export const orderPhoneAttempts = pgTable(
  'order_phone_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull().references(() => orders.id),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    target: text('target', { enum: ['contact', 'emergency'] }).notNull(),
    reached: boolean('reached').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('order_phone_attempts_order_idx').on(t.orderId, t.id)],
);

/** Uploaded files; bytes live outside public/ under the upload directory, keyed by id. */
export const materials = pgTable(
  'materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    orderId: uuid('order_id').references(() => orders.id),
    recheckId: uuid('recheck_id'),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('materials_order_idx').on(t.orderId)],
);

/** 复核 requests: the filer fixed something outside the portal and asks staff to check again. */
export const rechecks = pgTable(
  'rechecks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id').notNull().references(() => findings.id),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    actionCode: text('action_code'),
    note: text('note'),
    state: recheckState('state').notNull().default('pending'),
    selfCheck: jsonb('self_check'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('rechecks_state_idx').on(t.state, t.createdAt),
    // The rectification page's latest 复核 of a finding (the partial unique index covers pending ones only).
    index('rechecks_finding_idx').on(t.findingId, t.createdAt),
    uniqueIndex('rechecks_one_pending_uq').on(t.findingId).where(sql`${t.state} = 'pending'`),
  ],
);

/** 整改延期: once per finding. */
export const extensionRequests = pgTable('extension_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  findingId: uuid('finding_id').notNull().unique().references(() => findings.id),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  state: extensionState('state').notNull().default('pending'),
  newDeadline: date('new_deadline'),
  /** Why it was refused or closed, as the filer was told. */
  decisionReason: text('decision_reason'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    subjectId: uuid('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_subject_idx').on(t.subjectId),
    index('audit_created_idx').on(t.createdAt),
  ],
);

/**
 * A batch import of check results (CSV/XLSX). Rows are processed in chunks, each chunk in its own
 * transaction that also advances `processedRows`, so a crash resumes where it stopped and a re-run of the
 * same file creates nothing new (findings carry `externalKey`).
 */
export const importBatches = pgTable('import_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  deadline: date('deadline').notNull(),
  status: text('status').notNull().default('pending'), // pending | running | done | failed | discarded
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdFindings: integer('created_findings').notNull().default(0),
  skippedRows: integer('skipped_rows').notNull().default(0),
  /** Rows repeating an earlier row of the same file (same externalKey): not importable (migration 0013). */
  duplicateRows: integer('duplicate_rows').notNull().default(0),
  errorRows: jsonb('error_rows').$type<{ row: number; messages: string[] }[]>().notNull().default([]),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A 专项核查 run over stored filings: progress is committed per batch, so it can be watched and resumed. */
export const checkRuns = pgTable('check_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  startedBy: uuid('started_by').notNull().references(() => users.id),
  filter: jsonb('filter').$type<{ province?: string; nature?: string; codes?: string[]; website?: boolean }>().notNull().default({}),
  status: text('status').notNull().default('running'), // running | done | cancelled | failed
  totalSubjects: integer('total_subjects').notNull().default(0),
  processedSubjects: integer('processed_subjects').notNull().default(0),
  cursor: uuid('cursor'),
  cancelRequested: integer('cancel_requested').notNull().default(0),
  resultCount: integer('result_count').notNull().default(0),
  error: text('error'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  noticesIssuedAt: timestamp('notices_issued_at', { withTimezone: true }),
});

export const checkResults = pgTable(
  'check_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id').notNull().references(() => checkRuns.id),
    subjectId: uuid('subject_id').notNull().references(() => subjects.id),
    websiteId: uuid('website_id').references(() => websites.id),
    domainId: uuid('domain_id').references(() => domains.id),
    code: findingCode('code').notNull(),
    observed: text('observed').notNull(),
    filed: text('filed'),
  },
  (t) => [index('check_results_run_code_idx').on(t.runId, t.code)],
);

/** A filer's 立即自查 of one website: the latest one travels with a 复核 request to the reviewer. */
export const selfChecks = pgTable(
  'self_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    websiteId: uuid('website_id').notNull().references(() => websites.id),
    requestedBy: uuid('requested_by').notNull().references(() => users.id),
    findings: jsonb('findings').$type<{ code: string; domainId?: string; observed: string }[]>().notNull(),
    domains: jsonb('domains').$type<{ domain: string; addresses: string[]; reachable: boolean; detail: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('self_checks_website_idx').on(t.websiteId, t.createdAt)],
);

/** One row per 立即自查 asked for, written before the probe runs: the per-user limit counts these. */
export const selfCheckRequests = pgTable(
  'self_check_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('self_check_requests_user_idx').on(t.userId, t.createdAt)],
);
