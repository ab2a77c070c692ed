-- The two statements that run most often spent more on being planned than on their rows: the self
-- check-in batch (a dozen WITH steps, about 1 ms of planning per batch whatever its size) and the rollup
-- mark that every activity and booking statement's trigger runs (a SQL function, which PostgreSQL 15
-- plans again on each call). As PL/pgSQL functions their plans are made once per connection and kept.
CREATE OR REPLACE FUNCTION rollup_mark_pairs(pairs jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (org_id, month)
  SELECT DISTINCT (p ->> 'o')::uuid, (p ->> 'm')::date
  FROM jsonb_array_elements(pairs) p
  WHERE p ->> 'o' IS NOT NULL AND p ->> 'm' IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM rollup_dirty d
      WHERE d.org_id = (p ->> 'o')::uuid AND d.month = (p ->> 'm')::date AND d.tx = txid_current()
    );
END $$;
--> statement-breakpoint
-- Self check-ins of many residents in one statement and one commit: for each (token, code), in order, what
-- was found and whether this scan was the one that checked the person in. The conditional update decides,
-- so a repeat in the same batch, in another batch or in another process counts once; attendance grows by
-- the number of rows that update really changed. The one plan kept is generic: every step looks rows up
-- by key, so the batch's size never calls for another.
CREATE OR REPLACE FUNCTION self_checkin_batch(p_tokens text[], p_codes text[])
RETURNS TABLE (i int, activity_status text, status text, name text, first_time boolean, attendance_count int)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH input AS (
    SELECT t.token, t.code, t.i
    FROM unnest(p_tokens, p_codes) WITH ORDINALITY AS t(token, code, i)
  ),
  -- The batch's activities are locked first, in one order: batches of several processes then queue
  -- for a shared activity instead of each holding one the other needs (a deadlock, which PostgreSQL
  -- only notices after deadlock_timeout, a second by default).
  locked AS (
    SELECT a.id FROM activities a
    WHERE a.public_token IN (SELECT token FROM input)
    ORDER BY a.id
    FOR NO KEY UPDATE
  ),
  -- Each scan's activity and sign-up, read by their unique indexes. The condition on `locked` holds no
  -- column, so it runs once, before any row is read: the batch holds its activities first. (Joined to
  -- `locked` instead, the one plan kept, made for a batch of unknown size, scanned it again for every
  -- scan: a cost that grew with the square of the batch.)
  found AS (
    SELECT input.i, a.id AS activity_id, a.status AS activity_status, a.attendance_count,
           s.id AS signup_id, s.status, s.name, s.checked_in_at
    FROM input
    LEFT JOIN activities a ON a.public_token = input.token
    LEFT JOIN signups s ON s.code = input.code AND s.activity_id = a.id
    WHERE (SELECT count(*) FROM locked) >= 0
  ),
  upd AS (
    UPDATE signups s
    SET checked_in_at = now(), checkin_method = 'self', updated_at = now()
    WHERE s.id IN (
        SELECT signup_id FROM found
        WHERE activity_status IN ('published', 'in_progress') AND status = 'confirmed'
      )
      AND s.status = 'confirmed' AND s.checked_in_at IS NULL
    RETURNING s.id, s.activity_id
  ),
  counts AS (SELECT activity_id, count(*)::int AS n FROM upd GROUP BY activity_id),
  bump AS (
    UPDATE activities a
    SET attendance_count = a.attendance_count + counts.n
    FROM counts
    WHERE a.id = counts.activity_id
    RETURNING a.id, a.attendance_count
  ),
  -- A scan that found the person not yet checked in, but whose update another process's batch beat
  -- (the row changed under us): that batch has committed its count, which this statement's snapshot
  -- cannot see. Reading the row with a lock gives its latest version.
  stale AS (
    SELECT a.id, a.attendance_count
    FROM activities a
    WHERE a.id IN (
        SELECT f.activity_id FROM found f
        WHERE f.status = 'confirmed' AND f.checked_in_at IS NULL AND f.activity_status IN ('published', 'in_progress')
          AND f.signup_id NOT IN (SELECT id FROM upd)
      )
      AND a.id NOT IN (SELECT activity_id FROM counts)
    FOR SHARE
  ),
  marked AS (
    SELECT f.*, (u.id IS NOT NULL AND row_number() OVER (PARTITION BY f.signup_id ORDER BY f.i) = 1) AS first_time
    FROM found f
    LEFT JOIN upd u ON u.id = f.signup_id
  )
  SELECT m.i::int, m.activity_status, m.status, m.name, m.first_time,
    (CASE WHEN m.first_time
      THEN b.attendance_count - c.n + row_number() OVER (PARTITION BY m.activity_id, m.first_time ORDER BY m.i)
      ELSE coalesce(b.attendance_count, st.attendance_count, m.attendance_count)
    END)::int
  FROM marked m
  LEFT JOIN counts c ON c.activity_id = m.activity_id
  LEFT JOIN bump b ON b.id = m.activity_id
  LEFT JOIN stale st ON st.id = m.activity_id
  ORDER BY m.i;
END $$;
