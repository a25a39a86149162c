-- 初审 claims: opening a waiting order claims it for a reviewer for a while, so two reviewers do not spend
-- the same review. One row per order; another reviewer may take it over explicitly. Deciding still relies
-- on the order's conditional state update (exactly one decision lands), the claim only steers people.
CREATE TABLE "review_claims" (
	"order_id" uuid PRIMARY KEY NOT NULL REFERENCES "orders"("id") ON DELETE CASCADE,
	"reviewer_id" uuid NOT NULL REFERENCES "users"("id"),
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "review_claims_reviewer_idx" ON "review_claims" ("reviewer_id");
--> statement-breakpoint
-- Rows of an import file that repeat an earlier row of the same file: counted at the pre-check, not importable.
ALTER TABLE "import_batches" ADD COLUMN "duplicate_rows" integer DEFAULT 0 NOT NULL;
