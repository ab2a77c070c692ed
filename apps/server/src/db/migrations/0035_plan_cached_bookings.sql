-- The booking batch, like the self check-in batch of 0034, as a PL/pgSQL function whose plan is made once
-- per connection, where each batch used to plan it again. See bookings.repository.ts (bookBatch) for what
-- it does; the statement is the one it ran, with the batch's columns as the function's arrays.
--
-- Every step keeps one row per item or reads the base tables by their indexes: the planner cannot tell how
-- many rows a WITH query holds and guesses, so a join of two of them became a nested loop that grew with
-- the square of the batch (two thirds of a 400-booking statement's time). That is also why the one plan
-- kept, a generic one, suits every batch size.
CREATE OR REPLACE FUNCTION book_batch(
  p_campaign_ids uuid[], p_slot_ids uuid[], p_ids uuid[], p_audit_ids uuid[], p_codes text[], p_bidxs text[],
  p_idems text[], p_values_enc text[], p_names_masked text[], p_phones_masked text[]
)
RETURNS TABLE (i int, outcome text, code text, slot_id uuid, status text, values_enc text, created_at timestamptz)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  with input as (
    select t.*
    from unnest(p_campaign_ids, p_slot_ids, p_ids, p_audit_ids, p_codes, p_bidxs, p_idems, p_values_enc,
                p_names_masked, p_phones_masked)
      with ordinality as t(campaign_id, slot_id, id, audit_id, code, bidx, idem, values_enc, name_masked, phone_masked, i)
  ),
  -- An earlier booking that answers the item: same Idempotency-Key first, else the same person's live one.
  -- Two look-ups, each by its own index (an OR of the two would scan the table for every item).
  seen as (
    select input.*, p.code as p_code, p.slot_id as p_slot_id, p.status as p_status, p.values_enc as p_values_enc,
           p.created_at as p_created_at
    from input
    left join lateral (
      (select b.code, b.slot_id, b.status, b.values_enc, b.created_at
       from bookings b where b.campaign_id = input.campaign_id and b.idempotency_key = input.idem)
      union all
      (select b.code, b.slot_id, b.status, b.values_enc, b.created_at
       from bookings b where b.campaign_id = input.campaign_id and b.identity_bidx = input.bidx
         and b.status in ('confirmed', 'waitlisted', 'offered', 'fulfilled'))
      limit 1
    ) p on true
  ),
  checked as (
    select seen.*, (seen.p_code is null and c.id is not null and s.id is not null) as ok
    from seen
    left join booking_campaigns c on c.id = seen.campaign_id
      and c.status = 'published' and now() >= c.opens_at and now() < c.closes_at
    left join booking_slots s on s.id = seen.slot_id and s.campaign_id = seen.campaign_id and s.ends_at > now()
  ),
  -- Within the batch the same person twice counts once: the first (the leader) books, the others follow it.
  led as (
    select checked.*, case when ok then min(i) filter (where ok) over (partition by campaign_id, bidx) end as leader_i
    from checked
  ),
  -- Each slot's leaders in arrival order: the first "taken" of them get a place.
  queued as (
    select led.*,
      case when i = leader_i then count(*) filter (where i = leader_i) over (partition by slot_id order by i) end as rn
    from led
  ),
  wanted as (select slot_id, count(*)::int as n from queued where i = leader_i group by slot_id),
  locked as (
    select s.id, s.booked, least(w.n, s.capacity - s.booked) as taken
    from booking_slots s join wanted w on w.slot_id = s.id
    order by s.id
    for update of s
  ),
  took as (
    update booking_slots s set booked = l.booked + l.taken
    from locked l where s.id = l.id and l.taken > 0
    returning s.id
  ),
  given as (select coalesce(jsonb_object_agg(id::text, taken), '{}'::jsonb) as by_slot from locked),
  -- Every row with its leader's code, slot, values and rank (the leader comes first among the ok rows
  -- of a person); the leader got a place if its rank is within what its slot gave.
  answered as (
    select q.*,
      first_value(code) over person as lead_code,
      first_value(slot_id) over person as lead_slot_id,
      first_value(values_enc) over person as lead_values_enc,
      first_value(rn) over person as lead_rn
    from queued q
    window person as (partition by campaign_id, bidx, ok order by i)
  ),
  placed as (
    select a.*, a.lead_rn <= coalesce((g.by_slot ->> a.lead_slot_id::text)::int, 0) as placed
    from answered a cross join given g
  ),
  created as (select * from placed where ok and i = leader_i and placed),
  ins as (
    insert into bookings (id, campaign_id, slot_id, code, identity_bidx, idempotency_key, values_enc, name_masked, phone_masked,
                          status, consent_at)
    select id, campaign_id, slot_id, code, bidx, idem, values_enc, name_masked, phone_masked, 'confirmed', now() from created
    returning id
  ),
  aud as (
    insert into audit_log (id, action, entity, entity_id, details)
    select audit_id, 'booking.create', 'booking', id::text, jsonb_build_object('campaignId', campaign_id, 'slotId', slot_id)
    from created
    returning id
  )
  -- (ins, aud and took run whether or not they are read: PostgreSQL executes every data-modifying WITH.)
  select a.i::int as i,
    case
      when a.p_code is not null then 'existing'
      when not a.ok then 'invalid'
      when not a.placed then 'full'
      when a.i = a.leader_i then 'created'
      else 'existing'
    end as outcome,
    coalesce(a.p_code, case when a.ok and a.placed then a.lead_code end) as code,
    coalesce(a.p_slot_id, case when a.ok and a.placed then a.lead_slot_id end) as slot_id,
    coalesce(a.p_status, case when a.ok and a.placed then 'confirmed' end) as status,
    coalesce(a.p_values_enc, case when a.ok and a.placed then a.lead_values_enc end) as values_enc,
    coalesce(a.p_created_at, case when a.ok and a.placed then now() end) as created_at
  from placed a
  order by a.i;
END $$;
