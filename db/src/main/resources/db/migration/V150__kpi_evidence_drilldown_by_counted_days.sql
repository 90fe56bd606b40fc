-- Tile drill-downs over evidence rows, bounded by the counters (issue 6, fourth pass).
--
-- kpi_drilldown (V33) read a tile's evidence newest first along (metric, occurred_at) and filtered
-- by site and category: a filter with few or no rows (a category without typed captures or
-- unverified dispatches) read every evidence row of the period — 75k rows at 1M units for
-- SCAN_RATIO, 485–682 ms p99 at 10M for SCAN_RATIO and DISPATCH_VERIFICATION.
--
-- kpi_daily already counts those rows per UTC day, site and category, written by the same statement
-- as the evidence (typed captures = captures − captures_scanned, receipts without a serial capture =
-- receipts − receipts_captured, unverified dispatches = shipped − shipped_verified, losses): checked
-- equal cell by cell on the 1M demo. So the function first reads the counters (≤ 3 rows per day of
-- the period) to find the newest days that hold a page, and reads evidence only from the oldest of
-- them on; none counted = no evidence read at all. If the counters promise more rows than the bounded
-- read finds (they count whole UTC days at the period's edges), it reads the rest of the period as
-- before, so the page is always the one the unbounded query returns.
--
-- Cost: catalogue changes only (no data is read or written; no new index, nothing on any write path).

create function kpi_evidence_counted_since(p_metric text, p_from date, p_to date, p_site bigint, p_category text,
                                           p_wanted integer, out since timestamptz, out counted bigint)
  language plpgsql stable as $$
-- The start of the newest UTC days of the period whose counted evidence of p_metric reaches p_wanted
-- rows (all counted days when fewer) and how many rows those days count; 'infinity' and 0 when
-- nothing is counted; null when p_metric has no counter.
#variable_conflict use_column
declare
  v_plus text;
  v_minus text;
  v_first date := (p_from::timestamptz at time zone 'UTC')::date;   -- the UTC days the period touches
  v_last date := (((p_to + 1)::timestamptz - interval '1 microsecond') at time zone 'UTC')::date;
begin
  select x.plus, x.minus into v_plus, v_minus
  from (values ('manual_capture', 'captures', 'captures_scanned'), ('receipt_uncaptured', 'receipts', 'receipts_captured'),
               ('shipped_unverified', 'shipped', 'shipped_verified'), ('loss', 'losses', null)) x(metric, plus, minus)
  where x.metric = p_metric;
  if v_plus is null then
    return;
  end if;
  select coalesce(min(d.day)::timestamp at time zone 'UTC', 'infinity'), coalesce(sum(d.n), 0) into since, counted
  from (select c.day, c.n, sum(c.n) over (order by c.day desc) - c.n as before
        from (select k.day, sum(case when k.metric = v_plus then k.n else -k.n end) as n
              from kpi_daily k
              where k.metric in (v_plus, v_minus) and k.day between v_first and v_last
                and (p_site is null or k.site_id = p_site) and (p_category is null or k.category = p_category)
              group by k.day) c
        where c.n > 0) d
  where d.before < p_wanted;
end $$;
alter function kpi_evidence_counted_since(text, date, date, bigint, text, integer) set plan_cache_mode = force_custom_plan;

create or replace function kpi_drilldown(p_code text, p_from date, p_to date, p_site bigint, p_category text,
                              p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language plpgsql stable as $$
#variable_conflict use_column
declare
  n integer := p_limit + p_offset;
  v_metric text := case p_code when 'CAPTURE_AT_RECEIVING' then 'receipt_uncaptured'
                             when 'SCAN_RATIO' then 'manual_capture'
                             when 'DISPATCH_VERIFICATION' then 'shipped_unverified'
                             when 'THEFT_LOSS' then 'loss'
                             when 'CLONES' then 'clone' end;
  v_since timestamptz := '-infinity';   -- evidence is read from here on (within the period)
  v_counted bigint;
  found_rows integer;
begin
  if v_metric is not null then
    select c.since, c.counted into v_since, v_counted from kpi_evidence_counted_since(v_metric, p_from, p_to, p_site, p_category, n) c;
    v_since := coalesce(v_since, '-infinity');
    if v_since > '-infinity' and v_since < 'infinity' and v_counted >= n then
      select count(*) into found_rows
      from (select 1 from kpi_evidence ev
            where ev.metric = v_metric and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1 and ev.occurred_at >= v_since
              and (p_site is null or ev.site_id = p_site) and (p_category is null or ev.category = p_category)
            limit n) x;
      if found_rows < n then
        v_since := '-infinity';   -- counted more than found (a UTC day at the period's edge): read the whole period
      end if;
    end if;
  end if;
  return query
  select * from (
    (select ev.unit_id, ev.event_id, ev.occurred_at, ev.detail, coalesce(s.number, '')
     from kpi_evidence ev left join shipment s on s.id = ev.shipment_id
     where ev.metric = v_metric and v_since < 'infinity'
       and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1 and ev.occurred_at >= v_since
       and (p_site is null or ev.site_id = p_site) and (p_category is null or ev.category = p_category)
     order by ev.occurred_at desc, ev.unit_id limit n)   -- unit_id: a shipment's lines share one time; the page is the outer order's
    union all
    (select f.unit_id, null::bigint, ra.received_at,
            case when p_code = 'RETURN_AUTH_ACCURACY'
                 then format('authorised %s, received %s', ra.authorised_serial, coalesce(ra.received_serial, '—'))
                 when p_code = 'GREY_MARKET' then 'returned from another region or channel than shipped to'
                 else 'returned: ' || ra.reason end,
            ra.rma_number
     from kpi_return_fact f join return_authorisation ra on ra.id = f.rma_id
     where p_code in ('RETURN_AUTH_ACCURACY', 'RETURN_RATE', 'GREY_MARKET') and f.unit_id is not null
       and f.day between p_from and p_to
       and (p_code <> 'RETURN_AUTH_ACCURACY' or not f.serial_match) and (p_code <> 'GREY_MARKET' or f.grey)
       and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
     order by f.day desc, ra.received_at desc limit n)
    union all
    (select f.unit_id, null::bigint, wc.decided_at,
            format('claim decided (%s) after %s', wc.outcome, justify_hours(f.minutes * interval '1 minute')),
            wc.claim_number
     from kpi_claim_fact f join warranty_claim wc on wc.id = f.claim_id
     where p_code = 'CLAIM_TIME' and f.unit_id is not null and f.decided_day between p_from and p_to
       and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
     order by f.decided_day desc, wc.decided_at desc limit n)
    union all
    (select f.unit_id, null::bigint, wc.opened_at,
            format('claim from region %s / channel %s, not where the unit was shipped', wc.region, wc.channel),
            wc.claim_number
     from kpi_claim_fact f join warranty_claim wc on wc.id = f.claim_id
     where p_code = 'GREY_MARKET' and f.grey and f.unit_id is not null and f.opened_day between p_from and p_to
       and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
     order by f.opened_day desc, wc.opened_at desc limit n)
    union all
    (select d.unit_id, d.resolution_event_id, a.closed_at,
            format('%s in audit %s%s', d.kind, a.code, coalesce(' — ' || d.resolution::text, ', unresolved')), a.code
     from spot_audit a join audit_discrepancy d on d.audit_id = a.id
     where p_code = 'AUDIT_ACCURACY' and d.unit_id is not null and a.status in ('closed', 'signed')
       and a.closed_at >= p_from and a.closed_at < p_to + 1 and (p_site is null or a.site_id = p_site)
     order by a.closed_at desc limit n)
    union all
    (select q.unit_id, null::bigint, q.answered_at,
            format('query answered after %s', justify_hours(date_trunc('minute', q.answered_at - q.received_at))), q.serial
     from customer_query q
     where p_code = 'QUERY_RESOLUTION' and q.unit_id is not null and q.answered_at >= p_from and q.answered_at < p_to + 1
     order by q.answered_at desc limit n)
  ) x
  order by 3 desc, 1
  limit p_limit offset p_offset;
end $$;
-- each call planned with its own code, filter and bound (a generic plan cannot use the bound's index range)
alter function kpi_drilldown(text, date, date, bigint, text, integer, integer) rows 50 set plan_cache_mode = force_custom_plan;
