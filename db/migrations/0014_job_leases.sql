-- Scheduled jobs (reminders, order housekeeping, clean-up) run in every web and worker process; a lease per
-- job lets one process run each tick across all of them. A process that dies simply lets its lease lapse.
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone NOT NULL
);
