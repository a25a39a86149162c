-- Issue 7: 我的备案 is read on every visit and changes rarely, so servers keep each owner's dashboard data in
-- memory (db/dashboard-cache.ts) and drop it the moment any of it changes: these triggers NOTIFY, at commit,
-- the owners whose subjects, websites, domains, access, findings or orders a statement touched (before and
-- after, so a move between owners reaches both). The payload is the owners' ids, comma-separated; '*' means
-- everyone (TRUNCATE, or a statement touching more than 100 of them, such as an import or a check run).
-- Statement-level with transition tables: one NOTIFY per statement, however many rows it wrote.
-- TG_ARGV[0] names the column that leads to the owner: owner_id itself, subject_id, or website_id.
CREATE OR REPLACE FUNCTION dashboard_notify_change() RETURNS trigger AS $$
DECLARE
  via text := TG_ARGV[0];
  keys uuid[];
  before_keys uuid[];
  owners text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('dashboard_changed', '*');
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
    PERFORM pg_notify('dashboard_changed', '*');
    RETURN NULL;
  END IF;
  IF via = 'owner_id' THEN
    owners := ARRAY(SELECT DISTINCT k::text FROM unnest(keys) k WHERE k IS NOT NULL);
  ELSIF via = 'subject_id' THEN
    owners := ARRAY(SELECT DISTINCT s.owner_id::text FROM subjects s WHERE s.id = ANY (keys));
  ELSE
    owners := ARRAY(SELECT DISTINCT s.owner_id::text FROM websites w JOIN subjects s ON s.id = w.subject_id WHERE w.id = ANY (keys));
  END IF;
  IF cardinality(owners) > 0 THEN
    PERFORM pg_notify('dashboard_changed', array_to_string(owners, ','));
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER subjects_dashboard_ins AFTER INSERT ON subjects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER subjects_dashboard_upd AFTER UPDATE ON subjects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER subjects_dashboard_del AFTER DELETE ON subjects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER subjects_dashboard_truncate AFTER TRUNCATE ON subjects FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
--> statement-breakpoint
CREATE TRIGGER orders_dashboard_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER orders_dashboard_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER orders_dashboard_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('owner_id');
--> statement-breakpoint
CREATE TRIGGER orders_dashboard_truncate AFTER TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
--> statement-breakpoint
CREATE TRIGGER websites_dashboard_ins AFTER INSERT ON websites REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER websites_dashboard_upd AFTER UPDATE ON websites REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER websites_dashboard_del AFTER DELETE ON websites REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER websites_dashboard_truncate AFTER TRUNCATE ON websites FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
--> statement-breakpoint
CREATE TRIGGER findings_dashboard_ins AFTER INSERT ON findings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER findings_dashboard_upd AFTER UPDATE ON findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER findings_dashboard_del AFTER DELETE ON findings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('subject_id');
--> statement-breakpoint
CREATE TRIGGER findings_dashboard_truncate AFTER TRUNCATE ON findings FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
--> statement-breakpoint
CREATE TRIGGER domains_dashboard_ins AFTER INSERT ON domains REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER domains_dashboard_upd AFTER UPDATE ON domains REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER domains_dashboard_del AFTER DELETE ON domains REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER domains_dashboard_truncate AFTER TRUNCATE ON domains FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
--> statement-breakpoint
CREATE TRIGGER access_records_dashboard_ins AFTER INSERT ON access_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER access_records_dashboard_upd AFTER UPDATE ON access_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER access_records_dashboard_del AFTER DELETE ON access_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change('website_id');
--> statement-breakpoint
CREATE TRIGGER access_records_dashboard_truncate AFTER TRUNCATE ON access_records FOR EACH STATEMENT EXECUTE FUNCTION dashboard_notify_change();
