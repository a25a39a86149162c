-- With STORAGE=s3 a file's bytes are an object in an S3-compatible bucket and its row keeps the object's key
-- instead: the row stays (owner, size, hash, type), so ownership checks, cascades and quotas are unchanged.
-- The key is unique: the orphan sweep (db/storage/sweep.ts) looks keys up by it.
ALTER TABLE "stored_files" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stored_files" ADD COLUMN "object_key" text;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_one_place" CHECK (num_nonnulls("content", "object_key") = 1);--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_object_key_uq" ON "stored_files" USING btree ("object_key");
