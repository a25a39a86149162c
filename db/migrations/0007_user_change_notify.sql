-- every signed-in request re-checks its user (disabled, role, session version). Servers keep those
-- rows in memory and drop one the moment it changes: this trigger NOTIFYs the changed user's id, delivered
-- at commit (db/session-users.ts). '*' means every user (TRUNCATE).
CREATE OR REPLACE FUNCTION users_notify_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('user_changed', '*');
  ELSE
    PERFORM pg_notify('user_changed', OLD.id::text);
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION users_notify_change();
