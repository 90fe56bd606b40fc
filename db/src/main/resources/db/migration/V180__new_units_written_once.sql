-- EPCIS import speed (issue 9): a unit that is new in an import batch is written once, with the
-- state of its first events, instead of twice (COPY of a stateless row, then the event trigger's
-- update of that row: a second, non-HOT version with an entry in each of unit's 16 indexes, two of
-- them trigram GINs, and PostgreSQL's re-check of the foreign keys of a row inserted in the same
-- transaction). The importer COPYs such units into unit_pending; the custody event trigger inserts
-- them into unit with the state it computes from the statement's events, exactly as the update
-- would have set it. State is still computed only by the trigger from events: a client cannot
-- preset it (unit_starts_stateless still refuses that for any insert not made by a trigger).
--   * unit_pending: unlogged, one transaction's rows at a time (a staged unit is inserted into unit
--     by the custody event statement of the same transaction, or by create_pending_units() before
--     it when its batch has no event for it, e.g. a parent named only as parentID); other
--     transactions never see uncommitted rows, and committed ones are always consumed.
--   * apply_events_to_units: as V160 (chain, checks and state formulas unchanged), plus the insert
--     of staged units; its unit-count check now counts updated and inserted units together.
--   * kpi_detect_clones: as V30 (+ its V32/V160 settings), with a staged unit read as a unit
--     without state (its product from unit_pending): it fires before the state trigger, so a new
--     unit is not in unit yet; for a stateless unit the result is the same as before.
--   * kpi_count_events is not changed: it fires after the state trigger, when the unit exists.
-- Desktop writes and the demo generator do not stage units: for them only a scan of the (empty)
-- unit_pending per statement is added.
-- Cost at 10M units / 80M events: a new empty table, function bodies and a trigger's WHEN clause
-- (no data read or written).

create unlogged table unit_pending (
  id              bigint primary key,
  internal_id     text not null,
  product_id      bigint not null,
  manufacturer_id bigint not null,
  serial          text not null,
  gtin            char(14),
  lot_id          bigint,
  expiry          date
);
comment on table unit_pending is
  'Units an import creates, waiting for their first custody events (inserted into unit, with state, by the event trigger of the same transaction).';
grant insert on unit_pending to serialtrace_supervisor;

-- Rows inserted by the event trigger carry the state it computed (trigger depth 1); any other
-- insert still starts stateless.
drop trigger unit_starts_stateless on unit;
create trigger unit_starts_stateless
  before insert on unit
  for each row when (pg_trigger_depth() = 0)
  execute function refuse_preset_state();

-- Staged units of this transaction that no event of the batch is for (created by the importer as
-- a parent, say): into unit without state, before the events that name them. Returns how many.
create function create_pending_units(unit_ids bigint[]) returns integer
  language plpgsql security definer set search_path from current as $$
declare
  created integer;
begin
  with staged as (
    delete from unit_pending where id = any (unit_ids) returning *
  )
  insert into unit (id, internal_id, product_id, manufacturer_id, serial, gtin, lot_id, expiry)
  select id, internal_id, product_id, manufacturer_id, serial, gtin, lot_id, expiry from staged;
  get diagnostics created = row_count;
  return created;
end $$;
revoke execute on function create_pending_units(bigint[]) from public;
grant execute on function create_pending_units(bigint[]) to serialtrace_supervisor;

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

  -- Unit state: as V160 for units in unit; a staged unit (not in unit yet) is inserted with the
  -- values the update would give a unit without state (fresh, newer: the latest event's status,
  -- step, id and time; the latest setter's location, holder and parent; n events from first_at).
  with batch as (
    select distinct on (e.unit_id) e.unit_id, e.id, e.occurred_at, e.disposition, e.biz_step,
           count(*) over (partition by e.unit_id) as n,
           min(e.occurred_at) over (partition by e.unit_id) as first_at
    from new_events e
    order by e.unit_id, e.occurred_at desc, e.id desc
  ), setters as (
    -- one hashed pass: max over [time, id, value] picks the value of the latest event that sets it
    select e.unit_id,
           max(array[e.us, e.id, e.to_location_id])
             filter (where e.from_location_id is not null or e.to_location_id is not null) as placed,
           max(array[e.us, e.id, e.destination_party_id]) filter (where e.destination_party_id is not null) as held,
           max(array[e.us, e.id, case when e.biz_step = 'packing' then e.parent_unit_id end])
             filter (where e.biz_step in ('packing', 'unpacking')) as nested
    from (select n.*, (extract(epoch from n.occurred_at) * 1000000)::bigint as us from new_events n) e
    group by e.unit_id
  ), latest as (
    select b.*, s.placed, s.held, s.nested, o.id is not null as existing,
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
  select (select count(*) from updated) + (select count(*) from created) into units_written;

  select count(*) into units_touched from (select distinct unit_id from new_events) touched;  -- hashed, no sort
  if units_written <> units_touched then
    raise exception 'custody event for an unknown unit' using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

-- As V30 (settings of V32 and V160), a staged unit read as one without state.
create or replace function kpi_detect_clones() returns trigger
  language plpgsql security definer set search_path from current
  set enable_seqscan = off set random_page_cost = 1.1 as $$
begin
  insert into kpi_evidence (metric, occurred_at, site_id, category, unit_id, event_id, detail)
  select 'clone', c.occurred_at, c.site_id, kpi_category_of(c.product_id), c.unit_id, c.id,
         format('seen at %s (%s) at %s and at %s (%s) at %s, %s apart',
                ps.code, c.prev_path, c.prev_at at time zone 'UTC', s.code, c.path, c.occurred_at at time zone 'UTC',
                justify_hours(abs(extract(epoch from c.occurred_at - c.prev_at)) * interval '1 second'))
  from (
    select e.id, e.unit_id, e.occurred_at, l.site_id, l.path, coalesce(o.product_id, pu.product_id) as product_id,
           coalesce(lag(l.site_id) over w, ol.site_id) as prev_site,
           coalesce(lag(e.occurred_at) over w, case when ol.id is not null then o.last_event_at end) as prev_at,
           coalesce(lag(l.path) over w, ol.path) as prev_path
    from new_events e
    join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
    left join unit o on o.id = e.unit_id
    left join unit_pending pu on o.id is null and pu.id = e.unit_id
    left join location ol on ol.id = o.location_id
    where o.id is not null or pu.id is not null
    window w as (partition by e.unit_id order by e.occurred_at, e.id)
  ) c
  join site s on s.id = c.site_id
  join site ps on ps.id = c.prev_site
  where c.prev_site <> c.site_id and abs(extract(epoch from c.occurred_at - c.prev_at)) < 6 * 3600;
  return null;
end $$;
