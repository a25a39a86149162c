-- Uploaded materials and import files move from each process's local disk into the database, so that any web
-- or worker process can read what another stored, and a file commits or rolls back with its row.
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid REFERENCES "materials"("id") ON DELETE CASCADE,
	"import_batch_id" uuid REFERENCES "import_batches"("id") ON DELETE CASCADE,
	"content" bytea NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_one_owner" CHECK (num_nonnulls("material_id", "import_batch_id") = 1)
);--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_material_uq" ON "stored_files" USING btree ("material_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_import_batch_uq" ON "stored_files" USING btree ("import_batch_id");--> statement-breakpoint
-- Images arrive compressed already, and an import is read a slice at a time (substring): stored out of line
-- and uncompressed, a slice fetches only its own pages instead of decompressing the file from its start.
ALTER TABLE "stored_files" ALTER COLUMN "content" SET STORAGE EXTERNAL;
