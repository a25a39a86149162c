-- The 初审 phone procedure (001 2.2): every call the reviewer makes is recorded on the order, so the retry
-- after an hour, the 应急联系电话 and a 驳回 for an unreachable phone can be checked and audited.
CREATE TABLE "order_phone_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"target" text NOT NULL,
	"reached" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_phone_attempts_target_check" CHECK ("target" IN ('contact', 'emergency'))
);
--> statement-breakpoint
ALTER TABLE "order_phone_attempts" ADD CONSTRAINT "order_phone_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_phone_attempts" ADD CONSTRAINT "order_phone_attempts_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_phone_attempts_order_idx" ON "order_phone_attempts" USING btree ("order_id","id");
