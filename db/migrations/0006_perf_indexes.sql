ALTER TABLE "notices" ADD COLUMN "import_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_notice_idx" ON "findings" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "notices_import_batch_idx" ON "notices" USING btree ("import_batch_id") WHERE "notices"."import_batch_id" is not null;--> statement-breakpoint
CREATE INDEX "orders_queue_province_idx" ON "orders" USING btree ("province_code","submitted_at","id") WHERE "orders"."state" = 'SUBMITTED';--> statement-breakpoint
CREATE INDEX "rechecks_finding_idx" ON "rechecks" USING btree ("finding_id","created_at");