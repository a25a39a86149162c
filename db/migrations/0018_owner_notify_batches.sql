-- A statement touching more than 100 subjects, websites or owners (an import chunk, a check-run batch) used to
-- announce '*', which dropped every cached page in every process, so every filer's next visit queried while a
-- bulk job ran. It now looks the owners up like any other statement and announces them 200 to a NOTIFY
-- (200 ids of 36 characters stay under the 8,000-byte payload limit). Only TRUNCATE and a statement reaching
-- more than 10,000 keys (a seed, a mass update) still announce '*': there, one flush is cheaper than the lookup.
CREATE OR REPLACE FUNCTION owner_data_notify_change() RETURNS trigger AS $$
DECLARE
  via text := TG_ARGV[0];
  keys uuid[];
  before_keys uuid[];
  owners text[];
  batch int := 200;
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
  IF cardinality(keys) > 10000 THEN
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
  FOR i IN 1 .. coalesce(cardinality(owners), 0) BY batch LOOP
    PERFORM pg_notify('owner_data_changed', array_to_string(owners[i : i + batch - 1], ','));
  END LOOP;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
