-- An upload belongs to at most one order, and only while that order is editable (草稿, 初审驳回, 管局驳回) may it
-- gain or lose one: evidence under review, approved or closed stays where it is, whoever writes the row.
-- A material moves between orders only by being detached (loose) first, and only to an order of its owner.
CREATE OR REPLACE FUNCTION materials_attach_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    RAISE EXCEPTION 'a material keeps its owner' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.order_id IS NOT DISTINCT FROM OLD.order_id THEN
    RETURN NEW;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.order_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = OLD.order_id AND o.state IN ('DRAFT', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED')) THEN
    RAISE EXCEPTION 'a material of an order that is not editable cannot be detached' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.order_id IS NOT NULL AND NEW.order_id IS NOT NULL THEN
    RAISE EXCEPTION 'a material cannot move from one order to another' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.order_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = NEW.order_id AND o.owner_id = NEW.owner_id AND o.state IN ('DRAFT', 'FIRST_REVIEW_REJECTED', 'RETURNED', 'REGULATOR_REJECTED')) THEN
    RAISE EXCEPTION 'a material can only be attached to an editable order of its owner' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER materials_attach_guard BEFORE INSERT OR UPDATE OR DELETE ON materials FOR EACH ROW EXECUTE FUNCTION materials_attach_guard();
--> statement-breakpoint
-- 立即自查 fetches a filer's websites from the portal's network: each request is recorded first, so a per-user
-- limit holds across processes (db/checks/self-check.ts); rows older than a day are purged.
CREATE TABLE "self_check_requests" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "users"("id"),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "self_check_requests_user_idx" ON "self_check_requests" ("user_id", "created_at");
