-- The two busiest writers, check-ins (activities' attendance) and bookings, change hundreds of rows in
-- one statement. Their row triggers ran once per row (a JSON copy of the row, a look-up, a probe of
-- rollup_dirty); these statement triggers see the statement's rows as transition tables and mark each
-- (organisation, month) pair once. PostgreSQL allows no column list on an UPDATE trigger with
-- transition tables, so the update triggers compare old and new rows themselves and mark only rows
-- whose counted columns changed — as the column lists of the row triggers did.
DROP TRIGGER IF EXISTS activities_rollup ON activities;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_rollup ON bookings;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_mark_pairs(pairs jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_dirty (org_id, month)
  SELECT DISTINCT (p ->> 'o')::uuid, (p ->> 'm')::date
  FROM jsonb_array_elements(pairs) p
  WHERE p ->> 'o' IS NOT NULL AND p ->> 'm' IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM rollup_dirty d
      WHERE d.org_id = (p ->> 'o')::uuid AND d.month = (p ->> 'm')::date AND d.tx = txid_current()
    );
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollup_mark_activities() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('o', n.org_id, 'm', date_trunc('month', n.starts_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('o', o.org_id, 'm', date_trunc('month', o.starts_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs FROM old_rows o;
  ELSE
    -- A changed row counts where it was and where it is now (an activity moved in time or to another unit).
    SELECT jsonb_agg(jsonb_build_object('o', side.org_id, 'm', date_trunc('month', side.starts_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.org_id, o.starts_at), (n.org_id, n.starts_at)) AS side(org_id, starts_at)
      WHERE (o.org_id, o.kind_id, o.starts_at, o.status, o.attendance_count, o.outcome)
        IS DISTINCT FROM (n.org_id, n.kind_id, n.starts_at, n.status, n.attendance_count, n.outcome);
  END IF;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_rollup_insert AFTER INSERT ON activities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_activities();
--> statement-breakpoint
CREATE TRIGGER activities_rollup_update AFTER UPDATE ON activities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_activities();
--> statement-breakpoint
CREATE TRIGGER activities_rollup_delete AFTER DELETE ON activities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_activities();
--> statement-breakpoint
-- Bookings count for their campaign's organisation, in the month they were made.
CREATE OR REPLACE FUNCTION rollup_mark_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', date_trunc('month', n.created_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs FROM new_rows n JOIN booking_campaigns c ON c.id = n.campaign_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs FROM old_rows o JOIN booking_campaigns c ON c.id = o.campaign_id;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', date_trunc('month', side.created_at AT TIME ZONE 'Asia/Shanghai')::date))
      INTO pairs
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.campaign_id, o.created_at), (n.campaign_id, n.created_at)) AS side(campaign_id, created_at)
      JOIN booking_campaigns c ON c.id = side.campaign_id
      WHERE o.status IS DISTINCT FROM n.status;
  END IF;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_rollup_insert AFTER INSERT ON bookings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_bookings();
--> statement-breakpoint
CREATE TRIGGER bookings_rollup_update AFTER UPDATE ON bookings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_bookings();
--> statement-breakpoint
CREATE TRIGGER bookings_rollup_delete AFTER DELETE ON bookings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_bookings();
