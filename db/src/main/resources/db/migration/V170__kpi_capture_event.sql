-- The first page behind a scanned, imported or system capture-mix segment (issue 6, fifth pass).
--
-- V151 found those events in custody_event by the station's locations and the shift's hours, then
-- probed each one's unit for its category and site. At 10M units a page of a rare category in a busy
-- cell probed hundreds of units in a unit table far larger than the cache: p99 680 ms (scan) and
-- 1,625 ms (import), all of it cold reads. Typed captures had their own narrow index since V82.
--
-- Now every other capture gets one narrow row, written by the same statement trigger that counts it
-- in kpi_capture_mix, with the station, shift, site and category counted there (so a segment's list
-- and its count agree by construction, and a location-less event keeps the site it was counted for).
-- Its index holds the filter columns, so a page is one index range read, whatever the filter, plus
-- the page's own events. The backfill fills the table in index order, so even before a vacuum sets
-- its visibility map a page reads neighbouring heap pages.
--
-- Cost: a row and an index entry per non-typed capture on the write path (measured in
-- docs/benchmarks.md). Backfill at 10M units / 71M events: one pass over the history joined to unit,
-- a sort, an index build; about 5 GB of table and 4 GB of index (measured in docs/benchmarks.md).
-- Purging a custody partition (V70) leaves its rows here; the page joins the events, so purged events
-- drop out of the list (as kpi_evidence's do).

create table kpi_capture_event (
  station     text           not null,
  shift       text           not null,
  method      capture_method not null,
  occurred_at timestamptz    not null,
  unit_id     bigint         not null,
  event_id    bigint         not null,
  site_id     bigint         not null,
  category    text           not null
);

set local work_mem = '256MB';
set local maintenance_work_mem = '1GB';

-- a location-less event's site and time zone: its unit's location now (what the trigger saw at the
-- time is not known any more; for events recorded after this migration it is)
insert into kpi_capture_event (station, shift, method, occurred_at, unit_id, event_id, site_id, category)
select coalesce(split_part(l.path, '/', 2), ''), kpi_shift(ce.occurred_at, st.time_zone), ce.capture_method,
       ce.occurred_at, ce.unit_id, ce.id, coalesce(l.site_id, ul.site_id, 0), p.category
from custody_event ce
join unit u on u.id = ce.unit_id
join product p on p.id = u.product_id
left join location l on l.id = coalesce(ce.to_location_id, ce.from_location_id)
left join location ul on ul.id = u.location_id
left join site st on st.id = coalesce(l.site_id, ul.site_id)
where ce.capture_method <> 'manual'
order by 1, 2, 3, 4 desc, 5, 6;

create index kpi_capture_event_cell_idx on kpi_capture_event (station, shift, method, occurred_at desc, unit_id, event_id)
  include (site_id, category);
analyze kpi_capture_event;

-- As V160, with the capture row.
create or replace function kpi_count_events() returns trigger
  language plpgsql set enable_seqscan = off set random_page_cost = 1.1 as $$
begin
  with e as (
    select ne.id, ne.unit_id, ne.occurred_at, ne.biz_step, ne.disposition, ne.capture_method,
           (ne.occurred_at at time zone 'UTC')::date as day,
           coalesce(l.site_id, ul.site_id, 0) as site_id, p.category, p.tracking_mode = 'serial' as serialised,
           coalesce(split_part(l.path, '/', 2), '') as station, kpi_shift(ne.occurred_at, st.time_zone) as shift
    from new_events ne
    join unit u on u.id = ne.unit_id
    join product p on p.id = u.product_id
    left join location l on l.id = coalesce(ne.to_location_id, ne.from_location_id)
    left join location ul on ul.id = u.location_id
    left join site st on st.id = coalesce(l.site_id, ul.site_id)
  ), evidence as (
    insert into kpi_evidence (metric, occurred_at, site_id, category, unit_id, event_id, detail, station, shift)
    select m.metric, e.occurred_at, e.site_id, e.category, e.unit_id, e.id,
           case m.metric
             when 'manual_capture' then e.biz_step::text || ': serial typed by hand'
             when 'receipt_uncaptured' then 'received without a serial capture (' || e.capture_method::text || ')'
             else e.biz_step::text || ': ' || e.disposition::text
           end, e.station, e.shift
    from e cross join lateral (values
      ('manual_capture', e.capture_method = 'manual'),
      ('receipt_uncaptured', e.serialised and e.biz_step = 'receiving' and e.disposition <> 'returned'
                             and e.capture_method not in ('scan', 'manual')),
      ('loss', e.disposition in ('stolen', 'unknown'))) m(metric, hit)
    where m.hit
  ), captured as (
    insert into kpi_capture_event (station, shift, method, occurred_at, unit_id, event_id, site_id, category)
    select e.station, e.shift, e.capture_method, e.occurred_at, e.unit_id, e.id, e.site_id, e.category
    from e where e.capture_method <> 'manual'
  ), mix as (
    insert into kpi_capture_mix as k (day, site_id, category, station, shift, method, n)
    select e.day, e.site_id, e.category, e.station, e.shift, e.capture_method, count(*)
    from e group by 1, 2, 3, 4, 5, 6
    on conflict (day, site_id, category, station, shift, method) do update set n = k.n + excluded.n
  ), counts as (
    select day, site_id, category,
           count(*) as events,
           count(*) filter (where serialised and biz_step = 'receiving' and disposition <> 'returned') as receipts,
           count(*) filter (where serialised and biz_step = 'receiving' and disposition <> 'returned'
                            and capture_method in ('scan', 'manual')) as receipts_captured,
           count(*) filter (where capture_method in ('scan', 'manual')) as captures,
           count(*) filter (where capture_method = 'scan') as captures_scanned,
           count(*) filter (where disposition in ('stolen', 'unknown')) as losses
    from e group by day, site_id, category
  )
  insert into kpi_daily as k (metric, day, site_id, category, n)
  select m.metric, c.day, c.site_id, c.category, m.n
  from counts c cross join lateral (values ('events', c.events), ('receipts', c.receipts),
       ('receipts_captured', c.receipts_captured), ('captures', c.captures),
       ('captures_scanned', c.captures_scanned), ('losses', c.losses)) m(metric, n)
  where m.n > 0
  on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
  return null;
end $$;

-- As V151, with the scanned, imported and system segments read from kpi_capture_event.
create or replace function kpi_chart_drilldown(p_chart text, p_station text, p_shift text, p_method capture_method,
                                    p_lo integer, p_hi integer, p_from date, p_to date, p_site bigint,
                                    p_category text, p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language plpgsql stable as $$
#variable_conflict use_column
begin
  if p_chart = 'claim_time' then
    return query
    select f.unit_id, null::bigint, wc.decided_at,
           format('claim decided (%s) after %s', wc.outcome, justify_hours(f.minutes * interval '1 minute')),
           wc.claim_number
    from kpi_claim_fact f join warranty_claim wc on wc.id = f.claim_id
    where f.unit_id is not null and f.decided_day between p_from and p_to
      and f.minutes >= p_lo and (p_hi is null or f.minutes < p_hi)
      and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
    order by f.decided_day desc, wc.decided_at desc, f.unit_id
    limit p_limit offset p_offset;
  elsif p_chart = 'capture_mix' and p_method = 'manual' then
    -- typed captures: their evidence carries station and shift (V82), one page along a partial index
    return query
    select ev.unit_id, ev.event_id, ev.occurred_at,
           format('%s at %s, %s shift', ev.detail, coalesce(l.path, 'no location'), p_shift),
           coalesce(ce.manual_reason, '')
    from (select * from kpi_evidence x
          where x.metric = 'manual_capture' and x.station = p_station and x.shift = p_shift
            and x.occurred_at >= p_from and x.occurred_at < p_to + 1
            and (p_site is null or x.site_id = p_site) and (p_category is null or x.category = p_category)
          order by x.occurred_at desc, x.unit_id
          limit p_limit offset p_offset) ev
    join custody_event ce on ce.unit_id = ev.unit_id and ce.occurred_at = ev.occurred_at and ce.id = ev.event_id
      and ce.occurred_at >= p_from and ce.occurred_at < p_to + 1   -- plans only the period's partitions
    left join location l on l.id = coalesce(ce.to_location_id, ce.from_location_id)
    order by ev.occurred_at desc, ev.unit_id;
  elsif p_chart = 'capture_mix' then
    -- scanned, imported and system captures: one page along kpi_capture_event's index (the site and
    -- category filters are read from the index too); only the page's own events are fetched
    return query
    select ev.unit_id, ev.event_id, ev.occurred_at,
           format('%s (%s) at %s, %s shift', ce.biz_step, ce.capture_method, coalesce(l.path, 'no location'), p_shift),
           coalesce(ce.manual_reason, ce.device, '')
    from (select x.unit_id, x.event_id, x.occurred_at from kpi_capture_event x
          where x.station = p_station and x.shift = p_shift and x.method = p_method
            and x.occurred_at >= p_from::timestamp at time zone 'UTC'
            and x.occurred_at < (p_to + 1)::timestamp at time zone 'UTC'
            and (p_site is null or x.site_id = p_site) and (p_category is null or x.category = p_category)
          order by x.occurred_at desc, x.unit_id, x.event_id
          limit p_limit offset p_offset) ev
    join custody_event ce on ce.unit_id = ev.unit_id and ce.occurred_at = ev.occurred_at and ce.id = ev.event_id
      and ce.occurred_at >= p_from::timestamp at time zone 'UTC'   -- plans only the period's partitions
      and ce.occurred_at < (p_to + 1)::timestamp at time zone 'UTC'
    left join location l on l.id = coalesce(ce.to_location_id, ce.from_location_id)
    order by ev.occurred_at desc, ev.unit_id, ev.event_id;
  else
    raise exception 'unknown chart %', p_chart using errcode = 'invalid_parameter_value';
  end if;
end $$;
alter function kpi_chart_drilldown(text, text, text, capture_method, integer, integer, date, date, bigint, text, integer, integer)
  rows 50 set plan_cache_mode = force_custom_plan;   -- a generic plan would plan every partition of the history

drop function kpi_shift_windows(date[], float8[], text[], text);
