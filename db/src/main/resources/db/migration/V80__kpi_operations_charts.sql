-- Operations charts of the dashboard (issue 6): capture-method mix by station and shift, theft
-- and loss by site and period (read from kpi_daily, nothing new), warranty-claim processing time
-- as a histogram (read from kpi_claim_fact), and the drill-downs behind their bars.
--
--   * station = the work area where a capture happened: the event's location (to, else from)
--     one level below its site — a dock (D1…) or a zone (A, R, K…); '' for events without a
--     location (inspecting, packing…);
--   * shift = the site's local hour of the event: early 06–14, late 14–22, night 22–06.
--
-- kpi_capture_mix is kept by the same statement trigger as kpi_daily (kpi_count_events, replaced
-- here with one more grouped insert) and backfilled below in one grouped pass over the history.
-- Cost at 10M units / 71M events: one sequential pass over custody_event joined to unit, product,
-- location and site by hash (no sort, grouped in memory: a few thousand groups per day), like the
-- counter backfill of V30 — measured at 1M units / 7.1M events in docs/benchmarks.md ("V80"),
-- linear in events, so ≈ 10× that at 10M. The table holds at most days × stations × 3 shifts ×
-- 4 methods × categories rows (≈ 60k per year for the demo warehouse).

create function kpi_shift(at timestamptz, zone text) returns text
  language sql stable parallel safe
  return case when extract(hour from at at time zone coalesce(zone, 'UTC')) between 6 and 13 then 'early'
              when extract(hour from at at time zone coalesce(zone, 'UTC')) between 14 and 21 then 'late'
              else 'night' end;

create table kpi_capture_mix (
  day      date           not null,
  site_id  bigint         not null,
  category text           not null,
  station  text           not null,
  shift    text           not null,
  method   capture_method not null,
  n        bigint         not null,
  primary key (day, site_id, category, station, shift, method)
);

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
    insert into kpi_evidence (metric, occurred_at, site_id, category, unit_id, event_id, detail)
    select m.metric, e.occurred_at, e.site_id, e.category, e.unit_id, e.id, m.detail
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

-- Backfill (once, set-based): same definitions as the trigger.
insert into kpi_capture_mix (day, site_id, category, station, shift, method, n)
select (e.occurred_at at time zone 'UTC')::date, coalesce(l.site_id, ul.site_id, 0), p.category,
       coalesce(split_part(l.path, '/', 2), ''), kpi_shift(e.occurred_at, st.time_zone), e.capture_method, count(*)
from custody_event e
join unit u on u.id = e.unit_id
join product p on p.id = u.product_id
left join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
left join location ul on ul.id = u.location_id
left join site st on st.id = coalesce(l.site_id, ul.site_id)
group by 1, 2, 3, 4, 5, 6;
analyze kpi_capture_mix;

-- Claims decided in the period per processing-time bin; p_edges are the bins' lower bounds in
-- minutes, ascending, starting at 0 (bin i = edges[i] ≤ minutes < edges[i+1], the last one open).
create function kpi_claim_time_histogram(p_from date, p_to date, p_site bigint, p_category text, p_edges integer[])
  returns table (bin integer, claims bigint)
  language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
  select width_bucket(f.minutes, p_edges), count(*)
  from kpi_claim_fact f
  where f.decided_day between p_from and p_to and f.minutes is not null
    and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
  group by 1;
end $$;

-- The serials and events behind a bar of the operations charts, newest first, in the shape of
-- kpi_drilldown (theft and loss per site and period uses kpi_drilldown itself).
--   claim_time:  claims decided in the period with p_lo ≤ minutes < p_hi (p_hi null = open);
--   capture_mix: the typed (manual) captures of station p_station in shift p_shift — the evidence
--                of kpi_evidence, read newest-first along (metric, occurred_at), each joined to its
--                event by primary key (its partition is pruned by the time) for the location.
create function kpi_chart_drilldown(p_chart text, p_station text, p_shift text, p_lo integer, p_hi integer,
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
    from kpi_evidence ev
    join custody_event ce on ce.unit_id = ev.unit_id and ce.occurred_at = ev.occurred_at and ce.id = ev.event_id
    left join location l on l.id = coalesce(ce.to_location_id, ce.from_location_id)
    left join site st on st.id = ev.site_id
    where ev.metric = 'manual_capture' and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1
      and (p_site is null or ev.site_id = p_site) and (p_category is null or ev.category = p_category)
      and coalesce(split_part(l.path, '/', 2), '') = p_station
      and kpi_shift(ev.occurred_at, st.time_zone) = p_shift
    order by ev.occurred_at desc, ev.unit_id
    limit p_limit offset p_offset;
  else
    raise exception 'unknown chart %', p_chart using errcode = 'invalid_parameter_value';
  end if;
end $$;
alter function kpi_chart_drilldown(text, text, text, integer, integer, date, date, bigint, text, integer, integer) rows 50;
