-- Rows that are written once and then updated in place at the busiest moments — a sign-up checked in,
-- an activity's and a slot's counts, a booking's status — leave room on their page for the new version.
-- An update that changes no indexed column and finds room on the same page is a HOT update: PostgreSQL
-- then writes none of the table's indexes again. With full pages (the default), every check-in wrote
-- all four of signups' indexes. Existing pages keep their fill until rewritten; new ones get the room.
ALTER TABLE signups SET (fillfactor = 80);
--> statement-breakpoint
ALTER TABLE activities SET (fillfactor = 80);
--> statement-breakpoint
ALTER TABLE booking_slots SET (fillfactor = 50);
--> statement-breakpoint
ALTER TABLE bookings SET (fillfactor = 85);
--> statement-breakpoint
-- The rollup triggers of 0029 built a JSON pair for every row of a statement; a check-in batch of 256
-- touches ~150 activities of one unit in one month, so now each distinct (unit, month) is built once.
CREATE OR REPLACE FUNCTION rollup_mark_activities() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('o', d.org_id, 'm', d.month)) INTO pairs
      FROM (SELECT DISTINCT n.org_id, date_trunc('month', n.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month FROM new_rows n) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('o', d.org_id, 'm', d.month)) INTO pairs
      FROM (SELECT DISTINCT o.org_id, date_trunc('month', o.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month FROM old_rows o) d;
  ELSE
    -- A changed row counts where it was and where it is now (an activity moved in time or to another unit).
    SELECT jsonb_agg(jsonb_build_object('o', d.org_id, 'm', d.month)) INTO pairs
      FROM (
        SELECT DISTINCT side.org_id, date_trunc('month', side.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.org_id, o.starts_at), (n.org_id, n.starts_at)) AS side(org_id, starts_at)
        WHERE (o.org_id, o.kind_id, o.starts_at, o.status, o.attendance_count, o.outcome)
          IS DISTINCT FROM (n.org_id, n.kind_id, n.starts_at, n.status, n.attendance_count, n.outcome)
      ) d;
  END IF;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Bookings count for their campaign's organisation, in the month they were made.
CREATE OR REPLACE FUNCTION rollup_mark_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', d.month)) INTO pairs
      FROM (SELECT DISTINCT n.campaign_id, date_trunc('month', n.created_at AT TIME ZONE 'Asia/Shanghai')::date AS month FROM new_rows n) d
      JOIN booking_campaigns c ON c.id = d.campaign_id;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', d.month)) INTO pairs
      FROM (SELECT DISTINCT o.campaign_id, date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai')::date AS month FROM old_rows o) d
      JOIN booking_campaigns c ON c.id = d.campaign_id;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('o', c.org_id, 'm', d.month)) INTO pairs
      FROM (
        SELECT DISTINCT side.campaign_id, date_trunc('month', side.created_at AT TIME ZONE 'Asia/Shanghai')::date AS month
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.campaign_id, o.created_at), (n.campaign_id, n.created_at)) AS side(campaign_id, created_at)
        WHERE o.status IS DISTINCT FROM n.status
      ) d
      JOIN booking_campaigns c ON c.id = d.campaign_id;
  END IF;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
  RETURN NULL;
END $$;
