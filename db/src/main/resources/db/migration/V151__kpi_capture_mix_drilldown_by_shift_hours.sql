-- The first page behind a scanned or imported capture-mix segment (issue 6, fourth pass).
--
-- V121 read, for each day holding the cell, every event of the method at the station's locations
-- that day — all 24 hours, every category — and then kept the shift, site and category asked for. A
-- rare shift or category in a busy station read whole days: 322 ms / 1.1 s p99 at 1M units for
-- imported / scanned segments, 1.7 s / 1.0 s at 10M.
--
-- Now it reads only the hours of the shift (in the time zones of the sites that can hold the cell:
-- the site filtered on, or those of the station's locations), and only as much of them as a page
-- needs: the day counts of kpi_capture_mix, spread over each day's shift windows, size batches of
-- windows read newest first until the page is full (twice what is missing, at least twice the last
-- batch); the last window of a batch is cut to its newest part. What is read is always whole windows
-- from the newest on, so the page is the same as before (the kpi_shift, site and category checks per
-- event stay: the windows only narrow the reading).
-- Typed captures keep their evidence path (V82), claim times are unchanged.
--
-- Cost: catalogue changes only (no data is read or written; no new index, nothing on any write path).

-- The hours of shift p_shift on each of p_days in the time zones p_zones, as disjoint UTC windows newest
-- first, each with the events it is expected to hold: p_n (the day's count) spread over the day's windows by
-- length. A local day's shift can fall on the UTC day before or after it, so three local days are looked at.
create function kpi_shift_windows(p_days date[], p_n float8[], p_zones text[], p_shift text)
  returns table (lo timestamptz, hi timestamptz, n float8)
  language sql stable as $$
  select w.lo, w.hi, w.n * extract(epoch from w.hi - w.lo) / w.day_secs
  from (select i.*, sum(extract(epoch from i.hi - i.lo)) over (partition by i.day) as day_secs
        from (select g.day, g.n, min(g.lo) as lo, max(g.hi) as hi
              from (select m.*, sum(m.starts) over (partition by m.day order by m.lo, m.hi) as grp
                    from (select r.*, case when r.lo <= max(r.hi) over (partition by r.day order by r.lo, r.hi
                                                                      rows between unbounded preceding and 1 preceding)
                                           then 0 else 1 end as starts
                          from (select d.day, d.n,
                                       greatest((ld.local + make_interval(hours => h.start)) at time zone z.zone,
                                                d.day::timestamp at time zone 'UTC') as lo,
                                       least((ld.local + make_interval(hours => h.start + 8)) at time zone z.zone,
                                             (d.day + 1)::timestamp at time zone 'UTC') as hi
                                from unnest(p_days, p_n) d(day, n)
                                cross join unnest(p_zones) z(zone)
                                cross join (select case p_shift when 'early' then 6 when 'late' then 14 when 'night' then 22 end) h(start)
                                cross join lateral (values ((d.day - 1)::timestamp), (d.day::timestamp), ((d.day + 1)::timestamp)) ld(local)) r
                          where r.lo < r.hi) m) g
              group by g.day, g.n, g.grp) i) w
  order by w.lo desc
$$;

create or replace function kpi_chart_drilldown(p_chart text, p_station text, p_shift text, p_method capture_method,
                                    p_lo integer, p_hi integer, p_from date, p_to date, p_site bigint,
                                    p_category text, p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language plpgsql stable as $$
#variable_conflict use_column
declare
  wanted integer := p_limit + p_offset;
  days date[];
  day_n float8[];
  locs bigint[];
  zones text[];
  w_lo timestamptz[];   -- the windows to read, newest first, and the events each is expected to hold
  w_hi timestamptz[];
  w_n float8[];
  nwin integer;
  k integer;
  b_lo timestamptz[];   -- one batch of windows
  b_hi timestamptz[];
  acc float8;
  target float8 := 0;
  m integer;           -- days[1:m] are in the windows
  cut timestamptz;
  lo timestamptz;
  hi timestamptz;
  got bigint := 0;
  found_now bigint;
  t_at timestamptz[]; t_unit bigint[]; t_id bigint[]; t_what text[]; t_ref text[];
  r_at timestamptz[] := '{}'; r_unit bigint[] := '{}'; r_id bigint[] := '{}'; r_what text[] := '{}'; r_ref text[] := '{}';
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
    -- the days holding the cell for this filter, newest first, with their counts (the aggregate knows them)
    select array_agg(x.day order by x.day desc), array_agg(x.n order by x.day desc) into days, day_n
    from (select k.day, sum(k.n)::float8 as n from kpi_capture_mix k
          where k.station = p_station and k.shift = p_shift and k.method = p_method
            and k.day between p_from and p_to and (p_site is null or k.site_id = p_site)
            and (p_category is null or k.category = p_category)
          group by k.day) x;
    if days is null then
      return;
    end if;
    -- the station's locations ("" = the site itself; events without any location are added below)
    select coalesce(array_agg(l.id), '{}') into locs from location l
    where split_part(l.path, '/', 2) = p_station and (p_site is null or l.site_id = p_site);
    -- the time zones that can place an event of the cell in p_shift (kpi_shift of the event's site; UTC without one)
    select coalesce(array_agg(distinct z.zone), '{}') into zones
    from (select coalesce(s.time_zone, 'UTC') as zone from site s
          where (p_site is null or s.id = p_site)
            and (p_station = '' or s.id in (select l.site_id from location l where l.id = any(locs)))
          union all
          select 'UTC' where p_station = '' and (p_site is null or p_site = 0)) z;
    -- the shift's hours of the days that hold a page by their counts (the rest only if those fall short)
    select count(*) into m from (select sum(x) over (order by i) - x as before from unnest(day_n) with ordinality u(x, i)) c
    where c.before < wanted;
    select array_agg(w.lo), array_agg(w.hi), array_agg(w.n) into w_lo, w_hi, w_n
    from kpi_shift_windows(days[1:m], day_n[1:m], zones, p_shift) w;
    nwin := coalesce(array_length(w_lo, 1), 0);
    -- read windows newest first, a batch at a time, until a page is found, the last window of a batch cut
    -- to its newest part. Every window is read whole, so what is read is exactly the newest events.
    k := 1;
    loop
      if k > nwin and got < wanted and m < array_length(days, 1) then
        select array_agg(w.lo), array_agg(w.hi), array_agg(w.n) into w_lo, w_hi, w_n
        from kpi_shift_windows(days[m + 1:], day_n[m + 1:], zones, p_shift) w;
        m := array_length(days, 1);
        k := 1;
        nwin := coalesce(array_length(w_lo, 1), 0);
      end if;
      exit when got >= wanted or k > nwin;
      target := greatest((wanted - got) * 2, target * 2);   -- twice what is missing, at least twice the last batch
      b_lo := '{}';
      b_hi := '{}';
      acc := 0;
      while k <= nwin and acc < target loop
        if acc + w_n[k] > 2 * target then
          cut := w_hi[k] - (w_hi[k] - w_lo[k]) * ((target - acc) / w_n[k]);
          b_lo := b_lo || cut;
          b_hi := b_hi || w_hi[k];
          w_n[k] := w_n[k] - (target - acc);
          w_hi[k] := cut;
          acc := target;
        else
          b_lo := b_lo || w_lo[k];
          b_hi := b_hi || w_hi[k];
          acc := acc + w_n[k];
          k := k + 1;
        end if;
      end loop;
      lo := b_lo[array_length(b_lo, 1)];   -- the batch's span: constants of the (custom) plan, so it plans only its partitions
      hi := b_hi[1];
      select array_agg(e.occurred_at), array_agg(e.unit_id), array_agg(e.id),
             array_agg(format('%s (%s) at %s, %s shift', e.biz_step, e.capture_method, coalesce(l.path, 'no location'), p_shift)),
             array_agg(coalesce(e.manual_reason, e.device, '')), count(*)
        into t_at, t_unit, t_id, t_what, t_ref, found_now
      from unnest(b_lo, b_hi) w(win_lo, win_hi)   -- not lo/hi: those are the variables, constants of the plan
      cross join lateral (
        select c.id, c.unit_id, c.occurred_at, c.biz_step, c.capture_method, c.to_location_id, c.from_location_id,
               c.manual_reason, c.device
        from custody_event c
        where c.to_location_id = any(locs) and c.capture_method = p_method and c.occurred_at >= lo and c.occurred_at < hi
          and c.occurred_at >= w.win_lo and c.occurred_at < w.win_hi
        union all
        select c.id, c.unit_id, c.occurred_at, c.biz_step, c.capture_method, c.to_location_id, c.from_location_id,
               c.manual_reason, c.device
        from custody_event c
        where c.to_location_id is null and c.capture_method = p_method and c.from_location_id = any(locs)
          and c.occurred_at >= lo and c.occurred_at < hi and c.occurred_at >= w.win_lo and c.occurred_at < w.win_hi
        union all
        select c.id, c.unit_id, c.occurred_at, c.biz_step, c.capture_method, c.to_location_id, c.from_location_id,
               c.manual_reason, c.device
        from custody_event c
        where p_station = '' and c.to_location_id is null and c.capture_method = p_method and c.from_location_id is null
          and c.occurred_at >= lo and c.occurred_at < hi and c.occurred_at >= w.win_lo and c.occurred_at < w.win_hi
      ) e
      -- one probe per candidate event (limit 1 keeps it a lookup: a join here was planned as a merge
      -- join over the whole unit table)
      cross join lateral (select p.category, ul.site_id from unit u join product p on p.id = u.product_id
                          left join location ul on ul.id = u.location_id where u.id = e.unit_id limit 1) u
      left join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
      left join site st on st.id = coalesce(l.site_id, u.site_id)
      where kpi_shift(e.occurred_at, st.time_zone) = p_shift
        and (p_site is null or coalesce(l.site_id, u.site_id, 0) = p_site)
        and (p_category is null or u.category = p_category);
      r_at := r_at || t_at;
      r_unit := r_unit || t_unit;
      r_id := r_id || t_id;
      r_what := r_what || t_what;
      r_ref := r_ref || t_ref;
      got := got + found_now;
    end loop;
    return query
    select r.unit_id, r.event_id, r.occurred_at, r.what, r.reference
    from unnest(r_at, r_unit, r_id, r_what, r_ref) r(occurred_at, unit_id, event_id, what, reference)
    order by r.occurred_at desc, r.unit_id, r.event_id
    limit p_limit offset p_offset;
  else
    raise exception 'unknown chart %', p_chart using errcode = 'invalid_parameter_value';
  end if;
end $$;
alter function kpi_chart_drilldown(text, text, text, capture_method, integer, integer, date, date, bigint, text, integer, integer)
  rows 50 set plan_cache_mode = force_custom_plan;   -- a generic plan would plan every partition of the history
