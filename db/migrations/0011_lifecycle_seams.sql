-- A 复核 or 延期 request still pending when its finding closes (整改完成, 取消接入) ends with it: state 'closed'
-- and a reason, instead of staying in a reviewer's or operator's queue.
ALTER TYPE "public"."recheck_state" ADD VALUE IF NOT EXISTS 'closed';--> statement-breakpoint
ALTER TYPE "public"."extension_state" ADD VALUE IF NOT EXISTS 'closed';--> statement-breakpoint
ALTER TABLE "extension_requests" ADD COLUMN "decision_reason" text;--> statement-breakpoint
-- Every write to an order bumps its version: a save or submit from a tab that loaded an older one is refused.
ALTER TABLE "orders" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- An operator's 取消接入 of one website is created and approved in one transaction, while the filer may have an
-- order open on another website of the same subject: that momentary draft does not occupy the subject.
DROP INDEX IF EXISTS "orders_one_open_per_subject_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_open_per_subject_uq" ON "orders" USING btree ("subject_id") WHERE "orders"."state" in ('DRAFT','SUBMITTED','FIRST_REVIEW_REJECTED','PENDING_SMS','REGULATOR_REVIEW','REGULATOR_REJECTED','RETURNED') AND NOT ("orders"."type" = 'CANCEL_ACCESS' AND "orders"."state" = 'DRAFT');
