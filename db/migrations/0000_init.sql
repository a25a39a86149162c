CREATE TYPE "public"."extension_state" AS ENUM('pending', 'granted', 'refused');--> statement-breakpoint
CREATE TYPE "public"."filing_status" AS ENUM('active', 'access_cancelled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."finding_code" AS ENUM('SUBJECT_NAME_MISMATCH', 'SUBJECT_CERT_NUMBER_MISMATCH', 'SUBJECT_CERT_ADDRESS_MISMATCH', 'SUBJECT_BUSINESS_CLOSED', 'SUBJECT_LEGAL_REP_MISMATCH', 'SUBJECT_PRINCIPAL_ID_EXPIRED', 'SUBJECT_PRINCIPAL_ID_MISMATCH', 'SUBJECT_CONTACT_INVALID', 'WEBSITE_PRINCIPAL_ID_EXPIRED', 'WEBSITE_CONTACT_INVALID', 'VERIFICATION_MATERIAL_INVALID', 'SITE_UNREACHABLE', 'CONTENT_SUBJECT_MISMATCH', 'CONTENT_COMMERCIAL', 'CONTENT_PRE_APPROVAL_REQUIRED', 'CONTENT_VIOLATION', 'SITE_TITLE_MISMATCH', 'SITE_NAME_VIOLATION', 'FOOTER_ICP_NUMBER_MISSING', 'DOMAIN_EXPIRED', 'DOMAIN_OWNER_MISMATCH', 'DNS_NOT_AT_PROVIDER');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('open', 'in_progress', 'resolved', 'overdue', 'access_cancelled');--> statement-breakpoint
CREATE TYPE "public"."notice_source" AS ENUM('manual', 'import', 'check');--> statement-breakpoint
CREATE TYPE "public"."order_state" AS ENUM('DRAFT', 'SUBMITTED', 'FIRST_REVIEW_REJECTED', 'PENDING_SMS', 'REGULATOR_REVIEW', 'APPROVED', 'REGULATOR_REJECTED', 'RETURNED', 'ABANDONED', 'WITHDRAWN', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."order_type" AS ENUM('CHANGE_SUBJECT', 'CHANGE_WEBSITE', 'CHANGE_ACCESS', 'CANCEL_SUBJECT', 'CANCEL_WEBSITE', 'CANCEL_ACCESS', 'ACCESS_FILING', 'NEW_WEBSITE', 'FIRST_FILING');--> statement-breakpoint
CREATE TYPE "public"."outbox_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'parked');--> statement-breakpoint
CREATE TYPE "public"."recheck_state" AS ENUM('pending', 'accepted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."subject_nature" AS ENUM('personal', 'enterprise', 'government', 'public_institution', 'social_organization', 'other');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('filer', 'reviewer', 'admin');--> statement-breakpoint
CREATE TABLE "access_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"ips" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"name" text NOT NULL,
	"registrant_name" text NOT NULL,
	"registrant_id_type" text NOT NULL,
	"registrant_id_number" text NOT NULL,
	"expires_on" date NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "principals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_type" text DEFAULT '居民身份证' NOT NULL,
	"id_number" text NOT NULL,
	"id_valid_until" date,
	"mobile" text NOT NULL,
	"landline" text,
	"emergency_mobile" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"icp_number" text NOT NULL,
	"name" text NOT NULL,
	"nature" "subject_nature" NOT NULL,
	"cert_type" text NOT NULL,
	"cert_number" text NOT NULL,
	"cert_address" text NOT NULL,
	"province_code" text NOT NULL,
	"mailing_address" text NOT NULL,
	"legal_rep_name" text,
	"principal_id" uuid NOT NULL,
	"status" "filing_status" DEFAULT 'active' NOT NULL,
	"access_cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" DEFAULT 'filer' NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"email_verified" timestamp with time zone,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "websites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"icp_number" text NOT NULL,
	"name" text NOT NULL,
	"principal_id" uuid NOT NULL,
	"service_content" text DEFAULT '综合门户' NOT NULL,
	"pre_approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "filing_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"subject_id" uuid,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"state" "extension_state" DEFAULT 'pending' NOT NULL,
	"new_deadline" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_finding_id_unique" UNIQUE("finding_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"website_id" uuid,
	"domain_id" uuid,
	"code" "finding_code" NOT NULL,
	"status" "finding_status" DEFAULT 'open' NOT NULL,
	"deadline" date NOT NULL,
	"filed_value" text,
	"observed_value" text,
	"detail" text,
	"external_key" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"order_id" uuid,
	"recheck_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"issued_by" uuid,
	"source" "notice_source" DEFAULT 'manual' NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"actor_id" uuid,
	"event" text NOT NULL,
	"from_state" "order_state",
	"to_state" "order_state" NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_findings" (
	"order_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	CONSTRAINT "order_findings_order_id_finding_id_pk" PRIMARY KEY("order_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" "order_type" NOT NULL,
	"owner_id" uuid NOT NULL,
	"subject_id" uuid,
	"website_id" uuid,
	"province_code" text NOT NULL,
	"state" "order_state" DEFAULT 'DRAFT' NOT NULL,
	"payload" jsonb NOT NULL,
	"rejection" jsonb,
	"rejection_note" text,
	"wizard_step" integer DEFAULT 0 NOT NULL,
	"sms_code_hash" text,
	"sms_sent_at" timestamp with time zone,
	"sms_failures" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"decided_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "rechecks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"action_code" text,
	"note" text,
	"state" "recheck_state" DEFAULT 'pending' NOT NULL,
	"self_check" jsonb,
	"decided_by" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" "outbox_channel" NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"html" text DEFAULT '' NOT NULL,
	"text" text NOT NULL,
	"data" jsonb,
	"dedupe_key" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"transport" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "access_records" ADD CONSTRAINT "access_records_website_id_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."websites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_website_id_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."websites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_principal_id_principals_id_fk" FOREIGN KEY ("principal_id") REFERENCES "public"."principals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "websites" ADD CONSTRAINT "websites_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "websites" ADD CONSTRAINT "websites_principal_id_principals_id_fk" FOREIGN KEY ("principal_id") REFERENCES "public"."principals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_website_id_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."websites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_findings" ADD CONSTRAINT "order_findings_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_findings" ADD CONSTRAINT "order_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_website_id_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."websites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rechecks" ADD CONSTRAINT "rechecks_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rechecks" ADD CONSTRAINT "rechecks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rechecks" ADD CONSTRAINT "rechecks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_records_active_uq" ON "access_records" USING btree ("website_id") WHERE "access_records"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "domains_active_name_uq" ON "domains" USING btree (lower("name")) WHERE "domains"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "domains_website_idx" ON "domains" USING btree ("website_id");--> statement-breakpoint
CREATE UNIQUE INDEX "principals_id_number_uq" ON "principals" USING btree ("id_type","id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "principals_mobile_uq" ON "principals" USING btree ("mobile");--> statement-breakpoint
CREATE UNIQUE INDEX "principals_email_uq" ON "principals" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_icp_number_uq" ON "subjects" USING btree ("icp_number");--> statement-breakpoint
CREATE INDEX "subjects_owner_idx" ON "subjects" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "websites_icp_number_uq" ON "websites" USING btree ("icp_number");--> statement-breakpoint
CREATE INDEX "websites_subject_idx" ON "websites" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_events" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "audit_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "findings_subject_idx" ON "findings" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "findings_deadline_open_idx" ON "findings" USING btree ("deadline") WHERE "findings"."status" in ('open','in_progress','overdue');--> statement-breakpoint
CREATE UNIQUE INDEX "findings_external_key_uq" ON "findings" USING btree ("external_key");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_unresolved_uq" ON "findings" USING btree ("subject_id",coalesce("website_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("domain_id", '00000000-0000-0000-0000-000000000000'::uuid),"code") WHERE "findings"."status" in ('open','in_progress','overdue');--> statement-breakpoint
CREATE INDEX "materials_order_idx" ON "materials" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "notices_subject_idx" ON "notices" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "order_findings_finding_idx" ON "order_findings" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_open_per_subject_uq" ON "orders" USING btree ("subject_id") WHERE "orders"."state" in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED');--> statement-breakpoint
CREATE INDEX "orders_owner_idx" ON "orders" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_queue_idx" ON "orders" USING btree ("state","submitted_at","id");--> statement-breakpoint
CREATE INDEX "rechecks_state_idx" ON "rechecks" USING btree ("state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rechecks_one_pending_uq" ON "rechecks" USING btree ("finding_id") WHERE "rechecks"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("channel","recipient","created_at");