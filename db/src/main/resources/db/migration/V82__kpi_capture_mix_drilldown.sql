-- The capture-mix drill-down (V80) read every typed capture of the period and joined each to its
-- event for the station: at 1M units a rare station × shift took 2.4 s (p99). Now the evidence of a
-- typed capture carries its station and shift (set by the event trigger, backfilled here) and the
-- drill-down reads one page along a partial index, joining only that page to the events.
-- Cost at 10M units / 71M events: one pass over custody_event for its typed captures (≈ 3 %,
-- hash-joined to their evidence rows) and an update of those evidence rows (≈ 2M), then an index
-- on them; measured at 1M in docs/benchmarks.md ("V82").

alter table kpi_evidence add column station text, add column shift text;

update kpi_evidence ev
set station = x.station, shift = kpi_shift(ev.occurred_at, (select s.time_zone from site s where s.id = ev.site_id))
from (select e.id, coalesce(split_part(l.path, '/', 2), '') as station
      from custody_event e left join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
      where e.capture_method = 'manual') x
where ev.metric = 'manual_capture' and ev.event_id = x.id;

create index kpi_evidence_manual_station_idx on kpi_evidence (station, shift, occurred_at desc)
  where metric = 'manual_capture';
analyze kpi_evidence;

create or replace function kpi_count_events() returns trigger
  language plpgsql set enable_seqscan = off as $$
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
    select m.metric, e.occurred_at, e.site_id, e.category, e.unit_id, e.id, m.detail, e.station, e.shift
    from e cross join lateral (values
      ('manual_capture', e.capture_method = 'manual', e.biz_step::text || ': serial typed by hand'),
      ('receipt_uncaptured', e.serialised and e.biz_step = 'receiving' and e.disposition <> 'returned'
                             and e.capture_method not in ('scan', 'manual'),
                             'received without a serial capture (' || e.capture_method::text || ')'),
      ('loss', e.disposition in ('stolen', 'unknown'), e.biz_step::text || ': ' || e.disposition::text)) m(metric, hit, detail)
    where m.hit
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

create or replace function kpi_chart_drilldown(p_chart text, p_station text, p_shift text, p_lo integer, p_hi integer,
                                    p_from date, p_to date, p_site bigint, p_category text,
                                    p_limit integer, p_offset integer)
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
  elsif p_chart = 'capture_mix' then
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
    left join location l on l.id = coalesce(ce.to_location_id, ce.from_location_id)
    order by ev.occurred_at desc, ev.unit_id;
  else
    raise exception 'unknown chart %', p_chart using errcode = 'invalid_parameter_value';
  end if;
end $$;
alter function kpi_chart_drilldown(text, text, text, integer, integer, date, date, bigint, text, integer, integer) rows 50;
