-- Less server work per imported event (issue 9: EPCIS import speed), nothing stored changes:
--   * epcis_event_sync_idx (V40) is dropped: no query reads epcis_event by sync_id (V130 dropped the
--     foreign key it served), yet every imported event paid an index entry for it (≈ 0.8 ms per
--     5,000 events).
--   * apply_events_to_units: a unit's event count and first time come from the grouped pass that
--     already finds its latest location, holder and parent (was: a window over the sorted events),
--     and the number of units the statement names from that pass too (was: one more scan of the
--     statement's events). Same values; the rest is as V180.
-- Cost at 10M units / 80M events: one index dropped (epcis_event holds imported events only) and a
-- function replaced (no data read or written).

drop index epcis_event_sync_idx;

create or replace function apply_events_to_units() returns trigger
  language plpgsql security definer set search_path from current as $$
declare
  units_touched bigint;
  units_written bigint;
begin
  if exists (select 1 from new_events e
             where (e.from_location_id is not null and not exists (select 1 from location l where l.id = e.from_location_id))
                or (e.to_location_id is not null and not exists (select 1 from location l where l.id = e.to_location_id))
                or (e.source_party_id is not null and not exists (select 1 from party p where p.id = e.source_party_id))
                or (e.destination_party_id is not null and not exists (select 1 from party p where p.id = e.destination_party_id))) then
    raise exception 'custody event refers to an unknown location or party' using errcode = 'foreign_key_violation';
  end if;
  if not loads_history() and exists (select 1 from new_events e where e.actor is distinct from session_user) then
    raise exception 'the actor of a custody event is the signed-in person (%), not a value the client sends', session_user
      using errcode = 'insufficient_privilege';
  end if;
  if exists (select 1 from new_events n
             where n.corrects_event_id is not null
               and not exists (select 1 from custody_event c where c.id = n.corrects_event_id and c.unit_id = n.unit_id)) then
    raise exception 'a correction must reference an earlier event of the same unit' using errcode = 'foreign_key_violation';
  end if;

  -- Hash chain: as V160.
  with heads as (
    select t.unit_id, h.chain_seq, h.link
    from (select distinct unit_id from new_events) t
    left join lateral (select c.chain_seq, c.link from custody_chain c where c.unit_id = t.unit_id
                       order by c.chain_seq desc limit 1) h on true
  )
  insert into custody_chain (unit_id, chain_seq, event_id, occurred_at, link)
  select e.unit_id, coalesce(h.chain_seq, 0) + row_number() over w, e.id, e.occurred_at,
         custody_chain_link(h.link, custody_event_canonical(e)) over w
  from new_events e join heads h on h.unit_id = e.unit_id
  window w as (partition by e.unit_id order by e.id rows between unbounded preceding and current row);

  -- Unit state: as V180 for units in unit; a staged unit (not in unit yet) is inserted with the
  -- values the update would give a unit without state (fresh, newer: the latest event's status,
  -- step, id and time; the latest setter's location, holder and parent; n events from first_at).
  with batch as (
    select distinct on (e.unit_id) e.unit_id, e.id, e.occurred_at, e.disposition, e.biz_step
    from new_events e
    order by e.unit_id, e.occurred_at desc, e.id desc
  ), setters as (
    -- one hashed pass: the unit's count and first time; max over [time, id, value] picks the value
    -- of the latest event that sets it
    select e.unit_id, count(*) as n, min(e.occurred_at) as first_at,
           max(array[e.us, e.id, e.to_location_id])
             filter (where e.from_location_id is not null or e.to_location_id is not null) as placed,
           max(array[e.us, e.id, e.destination_party_id]) filter (where e.destination_party_id is not null) as held,
           max(array[e.us, e.id, case when e.biz_step = 'packing' then e.parent_unit_id end])
             filter (where e.biz_step in ('packing', 'unpacking')) as nested
    from (select n.*, (extract(epoch from n.occurred_at) * 1000000)::bigint as us from new_events n) e
    group by e.unit_id
  ), latest as (
    select b.*, s.n, s.first_at, s.placed, s.held, s.nested, o.id is not null as existing,
           o.last_event_at is null as fresh,
           (extract(epoch from o.last_event_at) * 1000000)::bigint as old_us, o.last_event_id as old_id,
           (o.last_event_at is null or (b.occurred_at, b.id) > (o.last_event_at, o.last_event_id)) as newer
    from batch b join setters s on s.unit_id = b.unit_id left join unit o on o.id = b.unit_id
  ), updated as (
    update unit u set
      event_count     = u.event_count + l.n,
      first_event_at  = least(u.first_event_at, l.first_at),
      status          = case when l.newer then l.disposition else u.status end,
      last_biz_step   = case when l.newer then l.biz_step else u.last_biz_step end,
      location_id     = case when l.placed is not null and (l.fresh or (l.placed[1], l.placed[2]) > (l.old_us, l.old_id))
                             then l.placed[3] else u.location_id end,
      holder_party_id = case when l.held is not null and (l.fresh or (l.held[1], l.held[2]) > (l.old_us, l.old_id))
                             then l.held[3] else u.holder_party_id end,
      parent_unit_id  = case when l.nested is not null and (l.fresh or (l.nested[1], l.nested[2]) > (l.old_us, l.old_id))
                             then l.nested[3] else u.parent_unit_id end,
      last_event_id   = case when l.newer then l.id else u.last_event_id end,
      last_event_at   = case when l.newer then l.occurred_at else u.last_event_at end
    from latest l
    where l.existing and u.id = l.unit_id
    returning 1
  ), staged as (
    delete from unit_pending p using latest l where not l.existing and p.id = l.unit_id
    returning p.*
  ), created as (
    insert into unit (id, internal_id, product_id, manufacturer_id, serial, gtin, lot_id, expiry,
                      event_count, first_event_at, status, last_biz_step, location_id, holder_party_id,
                      parent_unit_id, last_event_id, last_event_at)
    select p.id, p.internal_id, p.product_id, p.manufacturer_id, p.serial, p.gtin, p.lot_id, p.expiry,
           l.n, l.first_at, l.disposition, l.biz_step, l.placed[3], l.held[3], l.nested[3], l.id, l.occurred_at
    from staged p join latest l on l.unit_id = p.id
    returning 1
  )
  select (select count(*) from updated) + (select count(*) from created), (select count(*) from setters)
    into units_written, units_touched;
  if units_written <> units_touched then
    raise exception 'custody event for an unknown unit' using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;
