-- 我的备案 and the rectification pages are read on every visit and change rarely, so servers keep each
-- owner's data for them in memory (db/owner-cache.ts) and drop it the moment any of it changes: these triggers
-- NOTIFY, at commit, the owners whose subjects, websites, domains, access, findings, notices, orders, rechecks
-- or extension requests a statement touched (before and after, so a move between owners reaches both). The payload is the owners' ids, comma-separated; '*' means
-- everyone (TRUNCATE, or a statement touching more than 100 of them, such as an import or a check run).
-- Statement-level with transition tables: one NOTIFY per statement, however many rows it wrote.
-- TG_ARGV[0] names the column that leads to the owner: owner_id itself, subject_id, website_id or finding_id.
CREATE OR REPLACE FUNCTION owner_data_notify_change() RETURNS trigger AS $$
DECLARE
  via text := TG_ARGV[0];
  keys uuid[];
  before_keys uuid[];
  owners text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('owner_data_changed', '*');
    RETURN NULL;
  END IF;
  -- Transition tables are visible to dynamic SQL; a static query naming old_rows would not compile for INSERT.
  IF TG_OP <> 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', via) INTO keys;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', via) INTO before_keys;
    keys := ARRAY(SELECT DISTINCT k FROM unnest(keys || before_keys) k);
  END IF;
  -- More than 100 subjects, websites or owners (an import, a seed, a check run): everyone, without looking
  -- anyone up. Otherwise the owners, through the table's path to subjects.
  IF cardinality(keys) > 100 THEN
    PERFORM pg_notify('owner_data_changed', '*');
    RETURN NULL;
  END IF;
  IF via = 'owner_id' THEN
    owners := ARRAY(SELECT DISTINCT k::text FROM unnest(keys) k WHERE k IS NOT NULL);
  ELSIF via = 'subject_id' THEN
    owners := ARRAY(SELECT DISTINCT s.owner_id::text FROM subjects s WHERE s.id = ANY (keys));
  ELSIF via = 'finding_id' THEN
    owners := ARRAY(SELECT DISTINCT s.owner_id::text FROM findings f JOIN subjects s ON s.id = f.subject_id WHERE f.id = ANY (keys));
  ELSE
    owners := ARRAY(SELECT DISTINCT s.owner_id::text FROM websites w JOIN subjects s ON s.id = w.subject_id WHERE w.id = ANY (keys));
  END IF;
  IF cardinality(owners) > 0 THEN
    PERFORM pg_notify('owner_data_changed', array_to_string(owners, ','));
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Three triggers per table (a transition table belongs to one event) and one for TRUNCATE.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('subjects', 'owner_id'), ('orders', 'owner_id'),
    ('websites', 'subject_id'), ('findings', 'subject_id'), ('notices', 'subject_id'),
    ('domains', 'website_id'), ('access_records', 'website_id'),
    ('rechecks', 'finding_id'), ('extension_requests', 'finding_id')) AS v (tbl, via)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION owner_data_notify_change(%L)', t.tbl || '_owner_data_ins', t.tbl, t.via);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION owner_data_notify_change(%L)', t.tbl || '_owner_data_upd', t.tbl, t.via);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION owner_data_notify_change(%L)', t.tbl || '_owner_data_del', t.tbl, t.via);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION owner_data_notify_change()', t.tbl || '_owner_data_truncate', t.tbl);
  END LOOP;
END $$;
