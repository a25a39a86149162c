import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { importBatches, materials } from './remediation';

/** bytea: postgres.js hands back a Buffer, PGlite a Uint8Array; callers always get a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

/**
 * Uploaded materials and import files (migration 0015), one row each so that every web and worker process
 * reads what any of them stored: with the bytes, written in the same transaction as the row they belong
 * to, or with the key of an object in a bucket (STORAGE=s3, migration 0020, db/storage/files.ts).
 *
 * A table of its own rather than a bytea column on materials / import_batches: those rows are read whole
 * (`select()`) in many places and must not drag megabytes along, and one table with one set of helpers
 * (db/storage/files.ts) serves both. Each file hangs off exactly one owner row and goes with it
 * (ON DELETE CASCADE): purging a material removes its bytes, or leaves its object to the orphan sweep.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id').references(() => materials.id, { onDelete: 'cascade' }),
    importBatchId: uuid('import_batch_id').references(() => importBatches.id, { onDelete: 'cascade' }),
    // Exactly one of the two (migration 0020): the bytes here, or the key of an object in the bucket
    // (STORAGE=s3, db/storage/objects.ts).
    content: bytea('content'),
    objectKey: text('object_key'),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stored_files_material_uq').on(t.materialId),
    uniqueIndex('stored_files_import_batch_uq').on(t.importBatchId),
    uniqueIndex('stored_files_object_key_uq').on(t.objectKey),
    check('stored_files_one_owner', sql`num_nonnulls(${t.materialId}, ${t.importBatchId}) = 1`),
    check('stored_files_one_place', sql`num_nonnulls(${t.content}, ${t.objectKey}) = 1`),
  ],
);
