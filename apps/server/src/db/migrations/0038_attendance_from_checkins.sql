-- An activity's attendance is derived from its check-ins where it is read, no longer kept as a counter that
-- every check-in bumps. The counter was a second record of facts the sign-ups hold (a check-in is its
-- sign-up's checked_in_at), and keeping it cost more than the check-in itself: each batch of self check-ins
-- locked and rewrote the row of every activity it touched, which fired the rollup trigger, and two server
-- processes checking in at one event queued behind each other on that row. Now a check-in writes only its
-- own sign-up. What stays on the activity is the part no sign-up records: people counted by hand (a street
-- stand's headcount, a paper ledger brought over).
ALTER TABLE activities RENAME COLUMN attendance_count TO attendance_by_hand;
--> statement-breakpoint
-- The rollup trigger compares the columns the figures read; the attendance by hand is one of them.
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
    SELECT jsonb_agg(jsonb_build_object('o', d.org_id, 'm', d.month)) INTO pairs
      FROM (
        SELECT DISTINCT changed.org_id, date_trunc('month', changed.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month
        FROM (
          (SELECT id, org_id, kind_id, starts_at, status, attendance_by_hand, outcome FROM old_rows
           EXCEPT ALL SELECT id, org_id, kind_id, starts_at, status, attendance_by_hand, outcome FROM new_rows)
          UNION ALL
          (SELECT id, org_id, kind_id, starts_at, status, attendance_by_hand, outcome FROM new_rows
           EXCEPT ALL SELECT id, org_id, kind_id, starts_at, status, attendance_by_hand, outcome FROM old_rows)
        ) changed
      ) d;
  END IF;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- What was counted before keeps its total: the check-ins already recorded come off the counter, and what is
-- left is what no sign-up recorded (the counter only ever grew by check-ins, or was written whole by hand).
UPDATE activities a
SET attendance_by_hand = greatest(a.attendance_by_hand - c.n, 0)
FROM (SELECT activity_id, count(*)::int AS n FROM signups WHERE checked_in_at IS NOT NULL GROUP BY activity_id) c
WHERE c.activity_id = a.id AND a.attendance_by_hand > 0;
--> statement-breakpoint
-- Check-ins change the attendance the rollups count, so whoever records one marks its activity's pairs, in
-- the same transaction, as the triggers do for the tables they watch. (A trigger on sign-ups would fire on
-- every change to a sign-up and copy its rows for each statement; the two statements that check people in
-- call this instead.)
CREATE OR REPLACE FUNCTION rollup_mark_activities_by_id(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  pairs jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('o', d.org_id, 'm', d.month)) INTO pairs
    FROM (SELECT DISTINCT a.org_id, date_trunc('month', a.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS month
          FROM activities a WHERE a.id = ANY (ids)) d;
  IF pairs IS NOT NULL THEN PERFORM rollup_mark_pairs(pairs); END IF;
END $$;
--> statement-breakpoint
DROP FUNCTION self_checkin_batch(text[], text[]);
--> statement-breakpoint
-- Self check-ins of many residents in one statement and one commit: for each (token, code), in order, what
-- was found and whether this scan was the one that checked the person in. The conditional update decides,
-- so a repeat in the same batch, in another batch or in another process counts once. The one plan kept is
-- generic: every step looks rows up by key, so the batch's size never calls for another.
CREATE FUNCTION self_checkin_batch(p_tokens text[], p_codes text[])
RETURNS TABLE (i int, activity_status text, status text, name text, first_time boolean)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH input AS (
    SELECT t.token, t.code, t.i
    FROM unnest(p_tokens, p_codes) WITH ORDINALITY AS t(token, code, i)
  ),
  -- Each scan's activity and sign-up, read by their unique indexes.
  found AS (
    SELECT input.i, a.id AS activity_id, a.status AS activity_status, s.id AS signup_id, s.status, s.name, s.checked_in_at
    FROM input
    LEFT JOIN activities a ON a.public_token = input.token
    LEFT JOIN signups s ON s.code = input.code AND s.activity_id = a.id
  ),
  -- The sign-ups to check in are locked first, in one order: batches of two processes holding the same
  -- residents (a double scan on two phones) then queue instead of each holding one the other needs (a
  -- deadlock, which PostgreSQL notices only after deadlock_timeout, a second by default).
  locked AS (
    SELECT s.id FROM signups s
    WHERE s.id IN (
        SELECT signup_id FROM found
        WHERE activity_status IN ('published', 'in_progress') AND status = 'confirmed' AND checked_in_at IS NULL
      )
    ORDER BY s.id
    FOR NO KEY UPDATE
  ),
  -- Rechecked on the row's latest version: a sign-up another batch checked in meanwhile is left alone.
  upd AS (
    UPDATE signups s
    SET checked_in_at = now(), checkin_method = 'self', updated_at = now()
    WHERE s.id IN (SELECT id FROM locked) AND s.status = 'confirmed' AND s.checked_in_at IS NULL
    RETURNING s.id, s.activity_id
  ),
  marks AS (SELECT rollup_mark_activities_by_id(array_agg(DISTINCT upd.activity_id)) FROM upd)
  SELECT f.i::int, f.activity_status, f.status, f.name,
    (u.id IS NOT NULL AND row_number() OVER (PARTITION BY f.signup_id ORDER BY f.i) = 1)
  FROM found f
  LEFT JOIN upd u ON u.id = f.signup_id
  -- Holds no column: it makes the marks run (a CTE that changes nothing runs only when it is read).
  WHERE (SELECT count(*) FROM marks) >= 0
  ORDER BY f.i;
END $$;
