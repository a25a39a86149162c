-- The dashboard reads each subject's open order by subject and state. The partial unique index on subject_id
-- excludes 注销接入 drafts, so it cannot answer that lookup: PostgreSQL read every open order (50,000 on the
-- 100k bench database) once per subject, 132 ms per uncached dashboard; with this index, 3.6 ms.
CREATE INDEX IF NOT EXISTS "orders_subject_idx" ON "orders" USING btree ("subject_id");
