-- The dashboard's figures of care, volunteers, stations, bookings and business outcomes: the same marking
-- of (organisation, month) pairs as in 0024, on the tables those figures are counted from.
CREATE TRIGGER care_visits_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, visited_at
  ON care_visits FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', 'visited_at');
--> statement-breakpoint
CREATE TRIGGER care_recipients_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, status
  ON care_recipients FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', '');
--> statement-breakpoint
CREATE TRIGGER care_alerts_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, status, escalation_level
  ON care_alerts FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', 'created_at');
--> statement-breakpoint
CREATE TRIGGER volunteer_hours_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, started_at, minutes, status
  ON volunteer_hours FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', 'started_at');
--> statement-breakpoint
CREATE TRIGGER business_outcomes_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, occurred_on, amount_fen
  ON business_outcomes FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty('org_id', 'occurred_on');
--> statement-breakpoint
-- Station services, bookings and visits (for the volunteer's side) belong to the organisation of their place,
-- campaign or person: looked up here. Arguments: what to look up, the column that points to it, the time column.
CREATE OR REPLACE FUNCTION rollup_mark_via() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  k uuid;
  o uuid;
  m date;
BEGIN
  FOREACH r IN ARRAY (CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
    WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
    ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END)
  LOOP
    k := (r ->> TG_ARGV[1])::uuid;
    o := NULL;
    IF k IS NOT NULL THEN
      IF TG_ARGV[0] = 'place' THEN
        SELECT p.org_id INTO o FROM places p WHERE p.id = k;
      ELSIF TG_ARGV[0] = 'campaign' THEN
        SELECT c.org_id INTO o FROM booking_campaigns c WHERE c.id = k;
      ELSE
        SELECT pe.org_id INTO o FROM persons pe WHERE pe.id = k;
      END IF;
    END IF;
    m := date_trunc('month', ((r ->> TG_ARGV[2])::timestamptz) AT TIME ZONE 'Asia/Shanghai')::date;
    IF o IS NOT NULL AND m IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM rollup_dirty d WHERE d.org_id = o AND d.month = m AND d.tx = txid_current()
    ) THEN
      INSERT INTO rollup_dirty (org_id, month) VALUES (o, m);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER care_visits_volunteer_rollup AFTER INSERT OR DELETE OR UPDATE OF volunteer_id, visited_at
  ON care_visits FOR EACH ROW EXECUTE FUNCTION rollup_mark_via('person', 'volunteer_id', 'visited_at');
--> statement-breakpoint
CREATE TRIGGER service_tallies_rollup AFTER INSERT OR DELETE OR UPDATE OF count
  ON service_tallies FOR EACH ROW EXECUTE FUNCTION rollup_mark_via('place', 'place_id', 'day');
--> statement-breakpoint
CREATE TRIGGER service_records_rollup AFTER INSERT OR DELETE
  ON service_records FOR EACH ROW EXECUTE FUNCTION rollup_mark_via('place', 'place_id', 'created_at');
--> statement-breakpoint
CREATE TRIGGER bookings_rollup AFTER INSERT OR DELETE OR UPDATE OF status
  ON bookings FOR EACH ROW EXECUTE FUNCTION rollup_mark_via('campaign', 'campaign_id', 'created_at');
