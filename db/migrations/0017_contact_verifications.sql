-- Codes sent from the order wizard to a 负责人's new mobile number or e-mail address, which must be typed back
-- before the order is submitted. Only a hash of each code is stored. The rows double as the send log the
-- rate limits count (60 s between sends and 5 an hour per contact, 20 a day per filer), and a verified row
-- spares the same filer a new code for that contact for 180 days.
CREATE TABLE "contact_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL REFERENCES "users"("id"),
	"order_id" uuid REFERENCES "orders"("id") ON DELETE SET NULL,
	"channel" text NOT NULL,
	"value" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_verifications_channel_check" CHECK ("channel" IN ('sms', 'email')),
	CONSTRAINT "contact_verifications_attempts_check" CHECK ("attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "contact_verifications_contact_idx" ON "contact_verifications" USING btree ("owner_id","channel","value","created_at");--> statement-breakpoint
CREATE INDEX "contact_verifications_owner_idx" ON "contact_verifications" USING btree ("owner_id","created_at");
