-- The capture-mix drill-down by method (issue 6): a bar segment of station × shift × method lists
-- the events of that method there, not only the typed captures (V80/V82 listed manual ones whatever
-- segment was clicked).
--
-- How the first page stays cheap on a long history: kpi_capture_mix (V80) already says on which UTC
-- days the cell has events and how many, so the function reads the cell's days newest first only
-- until they hold offset + limit events, then reads the events of just those days at the station's
-- locations along custody_event's (to_location_id, occurred_at) index; events whose station comes
-- from their from-location (to_location_id null: losses, dispatch) or that have no location (44 % of
-- the demo's events: shipping, inspecting, EPCIS imports) use a new partial index led by the method.
-- Typed captures keep their evidence path (V82).
--
-- Cost at 10M units / 71M events: custody_event_from_only_idx indexes only the events without a
-- to-location — 57 % of them in the 1M demo (4.0M of 7.1M events: a 12.8 s migration and ≈ 100 MB
-- at 1M, so ≈ 2–3 min and ≈ 1 GB at 10M): one pass over custody_event per partition (an index build:
-- no table rewrite; writers wait, readers do not) and a sort of those rows. kpi_capture_mix_cell_idx
-- is on the small aggregate (at most days × stations × 3 shifts × 4 methods × categories rows).

create index kpi_capture_mix_cell_idx on kpi_capture_mix (station, shift, method, day);
create index custody_event_from_only_idx on custody_event (capture_method, from_location_id, occurred_at)
  where to_location_id is null;

drop function kpi_chart_drilldown(text, text, text, integer, integer, date, date, bigint, text, integer, integer);

-- The serials and events behind a bar of the operations charts, newest first, in the shape of
-- kpi_drilldown (theft and loss uses kpi_drilldown and kpi_loss_zone_drilldown).
--   claim_time:  claims decided in the period with p_lo ≤ minutes < p_hi (p_hi null = open);
--   capture_mix: the events of method p_method at station p_station in shift p_shift.
create function kpi_chart_drilldown(p_chart text, p_station text, p_shift text, p_method capture_method,
                                    p_lo integer, p_hi integer, p_from date, p_to date, p_site bigint,
                                    p_category text, p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language plpgsql stable as $$
#variable_conflict use_column
declare
  wanted integer := p_limit + p_offset;
  days date[];
  locs bigint[];
  lo timestamptz;   -- the span of those days: constants of the (custom) plan, so it plans only their partitions
  hi timestamptz;
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
    -- the cell's days, newest first, until they hold a page (the aggregate counts them)
    select array_agg(d.day order by d.day desc) into days
    from (select x.day, sum(x.n) over (order by x.day desc) - x.n as before
          from (select k.day, sum(k.n) as n from kpi_capture_mix k
                where k.station = p_station and k.shift = p_shift and k.method = p_method
                  and k.day between p_from and p_to and (p_site is null or k.site_id = p_site)
                  and (p_category is null or k.category = p_category)
                group by k.day) x) d
    where d.before < wanted;
    if days is null then
      return;
    end if;
    lo := days[array_length(days, 1)]::timestamp at time zone 'UTC';
    hi := (days[1] + 1)::timestamp at time zone 'UTC';
    -- the station's locations ("" = the site itself; events without any location are added below)
    select coalesce(array_agg(l.id), '{}') into locs from location l
    where split_part(l.path, '/', 2) = p_station and (p_site is null or l.site_id = p_site);
    return query
    select e.unit_id, e.id, e.occurred_at,
           format('%s (%s) at %s, %s shift', e.biz_step, e.capture_method, coalesce(l.path, 'no location'), p_shift),
           coalesce(e.manual_reason, e.device, '')
    from unnest(days) d(day)
    cross join lateral (
      select * from custody_event c
      where c.to_location_id = any(locs) and c.capture_method = p_method and c.occurred_at >= lo and c.occurred_at < hi
        and c.occurred_at >= d.day::timestamp at time zone 'UTC' and c.occurred_at < (d.day + 1)::timestamp at time zone 'UTC'
      union all
      select * from custody_event c
      where c.to_location_id is null and c.capture_method = p_method and c.from_location_id = any(locs)
        and c.occurred_at >= lo and c.occurred_at < hi
        and c.occurred_at >= d.day::timestamp at time zone 'UTC' and c.occurred_at < (d.day + 1)::timestamp at time zone 'UTC'
      union all
      select * from custody_event c
      where p_station = '' and c.to_location_id is null and c.capture_method = p_method and c.from_location_id is null
        and c.occurred_at >= lo and c.occurred_at < hi
        and c.occurred_at >= d.day::timestamp at time zone 'UTC' and c.occurred_at < (d.day + 1)::timestamp at time zone 'UTC'
    ) e
    -- one probe per candidate event (limit 1 keeps it a lookup: a join here was planned as a merge
    -- join over the whole unit table)
    cross join lateral (select p.category, ul.site_id from unit u join product p on p.id = u.product_id
                        left join location ul on ul.id = u.location_id where u.id = e.unit_id limit 1) u
    left join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
    left join site st on st.id = coalesce(l.site_id, u.site_id)
    where kpi_shift(e.occurred_at, st.time_zone) = p_shift
      and (p_site is null or coalesce(l.site_id, u.site_id, 0) = p_site)
      and (p_category is null or u.category = p_category)
    order by e.occurred_at desc, e.unit_id, e.id
    limit p_limit offset p_offset;
  else
    raise exception 'unknown chart %', p_chart using errcode = 'invalid_parameter_value';
  end if;
end $$;
alter function kpi_chart_drilldown(text, text, text, capture_method, integer, integer, date, date, bigint, text, integer, integer)
  rows 50 set plan_cache_mode = force_custom_plan;   -- a generic plan would plan every partition of the history
