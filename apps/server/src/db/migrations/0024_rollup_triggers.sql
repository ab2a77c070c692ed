-- Dashboard rollups are kept current by marking the (organisation, month) pairs a change touches, in the
-- transaction of the change; the next dashboard read (or the periodic flush) recomputes those pairs with
-- the same SQL as the full rebuild. One generic function serves every source table: its arguments name
-- the organisation column and the timestamp column that decides the month (China time).
CREATE OR REPLACE FUNCTION rollup_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  o uuid;
  m date;
BEGIN
  FOREACH r IN ARRAY (CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
    WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
    ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END)
  LOOP
    o := (r ->> TG_ARGV[0])::uuid;
    -- No time column: a state (people cared for now), kept under the fixed month 1000-01.
    m := CASE WHEN TG_ARGV[1] = '' THEN DATE '1000-01-01'
      ELSE date_trunc('month', ((r ->> TG_ARGV[1])::timestamptz) AT TIME ZONE 'Asia/Shanghai')::date END;
    IF o IS NOT NULL AND m IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM rollup_dirty d WHERE d.org_id = o AND d.month = m AND d.tx = txid_current()
    ) THEN
      INSERT INTO rollup_dirty (org_id, month) VALUES (o, m);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, kind_id, starts_at, status, attendance_count, outcome
  ON activities FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', 'starts_at');
--> statement-breakpoint
-- An organisation moved in the tree: its subtree totals no longer add up along the new path. A marker in the
-- year 1900 tells the next flush to rebuild everything (moves are rare; correctness over cleverness).
CREATE OR REPLACE FUNCTION rollup_mark_tree_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (org_id, month) VALUES (NEW.id, DATE '1900-01-01');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orgs_rollup AFTER UPDATE OF path ON orgs FOR EACH ROW
  WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION rollup_mark_tree_moved();
