-- SPEC 5: invariants the database enforces, not only the UI.
-- A change never moves a filing to another province, and a 备案号 never changes once issued.
CREATE OR REPLACE FUNCTION subjects_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.province_code IS DISTINCT FROM OLD.province_code THEN
    RAISE EXCEPTION 'a filing cannot move to another province' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.icp_number IS DISTINCT FROM OLD.icp_number THEN
    RAISE EXCEPTION 'an issued ICP number cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER subjects_guard BEFORE UPDATE ON subjects FOR EACH ROW EXECUTE FUNCTION subjects_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION websites_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.icp_number IS DISTINCT FROM OLD.icp_number OR NEW.subject_id IS DISTINCT FROM OLD.subject_id THEN
    RAISE EXCEPTION 'a website keeps its ICP number and subject' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER websites_guard BEFORE UPDATE ON websites FOR EACH ROW EXECUTE FUNCTION websites_guard();
--> statement-breakpoint
-- A domain is never edited in place (only removed), and an active website never loses its last domain.
CREATE OR REPLACE FUNCTION domains_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name OR NEW.website_id IS DISTINCT FROM OLD.website_id THEN
    RAISE EXCEPTION 'a filed domain cannot be edited' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM domains d WHERE d.website_id = NEW.website_id AND d.id <> NEW.id AND d.removed_at IS NULL)
       AND EXISTS (SELECT 1 FROM websites w WHERE w.id = NEW.website_id AND w.status <> 'cancelled') THEN
      RAISE EXCEPTION 'the last domain of a website cannot be deleted' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER domains_guard BEFORE UPDATE ON domains FOR EACH ROW EXECUTE FUNCTION domains_guard();
--> statement-breakpoint
-- History is append-only.
CREATE OR REPLACE FUNCTION append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events FOR EACH ROW EXECUTE FUNCTION append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION append_only();
