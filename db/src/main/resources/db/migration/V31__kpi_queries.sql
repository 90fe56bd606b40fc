-- KPI read functions (issue 6), called through jOOQ. They read only the aggregates of V30 and
-- the small tables (spot audits, sync log, customer queries); none scans the custody history
-- except fraud_signals' period-bounded reads of facts and evidence.
-- Filters: p_from..p_to inclusive UTC days; p_site / p_category null = all.

-- Every metric of the period, per bucket: p_bucket = 'all' (one bucket starting at p_from),
-- 'day', 'week' or 'month'. Percentile metrics (…_p50/_p90, minutes) are per bucket.
create function kpi_series(p_from date, p_to date, p_site bigint, p_category text, p_bucket text)
  returns table (bucket date, metric text, n bigint)
  language sql stable as $$
  with b as (select case when p_bucket = 'all' then null else p_bucket end as unit)
  select case when b.unit is null then p_from else date_trunc(b.unit, k.day)::date end, k.metric, sum(k.n)::bigint
  from kpi_daily k, b
  where k.day between p_from and p_to and (p_site is null or k.site_id = p_site)
    and (p_category is null or k.category = p_category)
  group by 1, 2
  union all
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, f.day)::date end as bucket,
               count(*) as received, count(*) filter (where f.serial_match) as serial_match,
               count(*) filter (where f.grey) as grey
        from kpi_return_fact f, b
        where f.day between p_from and p_to and (p_site is null or f.site_id = p_site)
          and (p_category is null or f.category = p_category)
        group by 1) x
  cross join lateral (values ('returns_received', x.received), ('returns_serial_match', x.serial_match),
                             ('returns_grey', x.grey)) m(metric, n)
  union all
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, f.opened_day)::date end as bucket,
               count(*) as opened, count(*) filter (where f.grey) as grey
        from kpi_claim_fact f, b
        where f.opened_day between p_from and p_to and (p_site is null or f.site_id = p_site)
          and (p_category is null or f.category = p_category)
        group by 1) x
  cross join lateral (values ('claims_opened', x.opened), ('claims_grey', x.grey)) m(metric, n)
  union all
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, f.decided_day)::date end as bucket,
               count(*) as decided,
               percentile_disc(0.5) within group (order by f.minutes) as p50,
               percentile_disc(0.9) within group (order by f.minutes) as p90
        from kpi_claim_fact f, b
        where f.decided_day between p_from and p_to and (p_site is null or f.site_id = p_site)
          and (p_category is null or f.category = p_category)
        group by 1) x
  cross join lateral (values ('claims_decided', x.decided), ('claim_minutes_p50', x.p50),
                             ('claim_minutes_p90', x.p90)) m(metric, n)
  union all
  -- spot audits: by site only (an audit's scope is shelves, not a product category)
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, (a.closed_at at time zone 'UTC')::date)::date end as bucket,
               sum(s.matched)::bigint as matched, sum(e.expected)::bigint as expected, sum(s.unexpected)::bigint as unexpected,
               count(*) as audits
        from spot_audit a, b,
             lateral (select count(*) as expected from audit_expected x where x.audit_id = a.id) e,
             lateral (select count(*) filter (where sc.classification = 'matched') as matched,
                             count(*) filter (where sc.classification in ('wrong_location', 'status_conflict', 'unknown')) as unexpected
                      from audit_scan sc where sc.audit_id = a.id) s
        where a.status in ('closed', 'signed') and a.closed_at >= p_from and a.closed_at < p_to + 1
          and (p_site is null or a.site_id = p_site)
        group by 1) x
  cross join lateral (values ('audit_matched', x.matched), ('audit_expected', x.expected),
                             ('audit_unexpected', x.unexpected), ('audits', x.audits)) m(metric, n)
  union all
  -- integration: not per site or category
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, (l.started_at at time zone 'UTC')::date)::date end as bucket,
               count(*) as runs, count(*) filter (where l.status = 'success') as ok
        from sync_log l, b
        where l.started_at >= p_from and l.started_at < p_to + 1
        group by 1) x
  cross join lateral (values ('sync_runs', x.runs), ('sync_success', x.ok)) m(metric, n)
  union all
  select x.bucket, m.metric, m.n
  from (select case when b.unit is null then p_from else date_trunc(b.unit, (q.answered_at at time zone 'UTC')::date)::date end as bucket,
               count(*) as answered,
               percentile_disc(0.5) within group (order by extract(epoch from q.answered_at - q.received_at) / 60) as p50,
               percentile_disc(0.9) within group (order by extract(epoch from q.answered_at - q.received_at) / 60) as p90
        from customer_query q, b
        where q.answered_at >= p_from and q.answered_at < p_to + 1
        group by 1) x
  cross join lateral (values ('queries_answered', x.answered), ('query_minutes_p50', x.p50::bigint),
                             ('query_minutes_p90', x.p90::bigint)) m(metric, n)
$$;

-- The serials and events behind a KPI (the ones that miss its target, or for trend KPIs the
-- cases it counts), newest first. p_code is a KPI code of dev.serialtrace.db.kpi.KpiCode.
create function kpi_drilldown(p_code text, p_from date, p_to date, p_site bigint, p_category text,
                              p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language sql stable as $$
  select * from (
    select ev.unit_id, ev.event_id, ev.occurred_at, ev.detail, coalesce(s.number, '')
    from kpi_evidence ev left join shipment s on s.id = ev.shipment_id
    where ev.metric = case p_code when 'CAPTURE_AT_RECEIVING' then 'receipt_uncaptured'
                                  when 'SCAN_RATIO' then 'manual_capture'
                                  when 'DISPATCH_VERIFICATION' then 'shipped_unverified'
                                  when 'THEFT_LOSS' then 'loss'
                                  when 'CLONES' then 'clone' end
      and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1
      and (p_site is null or ev.site_id = p_site) and (p_category is null or ev.category = p_category)
    union all
    select f.unit_id, null, ra.received_at,
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
    union all
    select f.unit_id, null, case when p_code = 'CLAIM_TIME' then wc.decided_at else wc.opened_at end,
           case when p_code = 'CLAIM_TIME'
                then format('claim decided (%s) after %s', wc.outcome, justify_hours(f.minutes * interval '1 minute'))
                else format('claim from region %s / channel %s, not where the unit was shipped', wc.region, wc.channel) end,
           wc.claim_number
    from kpi_claim_fact f join warranty_claim wc on wc.id = f.claim_id
    where f.unit_id is not null
      and ((p_code = 'CLAIM_TIME' and f.decided_day between p_from and p_to)
           or (p_code = 'GREY_MARKET' and f.grey and f.opened_day between p_from and p_to))
      and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
    union all
    select d.unit_id, d.resolution_event_id, a.closed_at,
           format('%s in audit %s%s', d.kind, a.code, coalesce(' — ' || d.resolution::text, ', unresolved')), a.code
    from spot_audit a join audit_discrepancy d on d.audit_id = a.id
    where p_code = 'AUDIT_ACCURACY' and d.unit_id is not null and a.status in ('closed', 'signed')
      and a.closed_at >= p_from and a.closed_at < p_to + 1 and (p_site is null or a.site_id = p_site)
    union all
    select q.unit_id, null, q.answered_at,
           format('query answered after %s', justify_hours(date_trunc('minute', q.answered_at - q.received_at))), q.serial
    from customer_query q
    where p_code = 'QUERY_RESOLUTION' and q.unit_id is not null and q.answered_at >= p_from and q.answered_at < p_to + 1
  ) x
  order by 3 desc, 1
  limit p_limit offset p_offset
$$;

-- Shipped and returned per lot / product / customer / reason of the period.
create function returns_by(p_dim text, p_from date, p_to date, p_site bigint, p_category text)
  returns table (key_id bigint, label text, shipped bigint, returned bigint)
  language sql stable as $$
  with shipped as (
    select d.key_id, sum(d.n)::bigint as n from kpi_shipped_dim d
    where d.dim = p_dim and d.day between p_from and p_to
      and (p_site is null or d.site_id = p_site) and (p_category is null or d.category = p_category)
    group by 1
  ), returned as (
    select case p_dim when 'lot' then f.lot_id when 'product' then f.product_id when 'customer' then f.customer_id end as key_id,
           case when p_dim = 'reason' then f.reason end as reason, count(*) as n
    from kpi_return_fact f
    where f.day between p_from and p_to
      and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
    group by 1, 2
  )
  select coalesce(s.key_id, r.key_id), case p_dim
           when 'lot' then (select p.sku || ' lot ' || l.lot_code from lot l join product p on p.id = l.product_id where l.id = coalesce(s.key_id, r.key_id))
           when 'product' then (select p.sku || ' ' || p.name from product p where p.id = coalesce(s.key_id, r.key_id))
           when 'customer' then (select c.name from party c where c.id = coalesce(s.key_id, r.key_id)) end,
         coalesce(s.n, 0), coalesce(r.n, 0)
  from shipped s full join returned r on r.key_id = s.key_id
  where p_dim <> 'reason'
  union all
  select null, r.reason, (select coalesce(sum(d.n), 0)::bigint from kpi_shipped_dim d
                          where d.dim = 'product' and d.day between p_from and p_to
                            and (p_site is null or d.site_id = p_site) and (p_category is null or d.category = p_category)),
         r.n
  from returned r where p_dim = 'reason'
$$;

-- Runs of returned serials of one product whose numbers lie close together (consecutive returned
-- numbers at most p_max_gap apart, at least p_min_returns returns): a bad production run shows
-- up as one range. Shipped = units of that product in the range that were ever shipped.
create function returns_serial_ranges(p_from date, p_to date, p_site bigint, p_category text,
                                      p_max_gap integer, p_min_returns integer)
  returns table (product_id bigint, label text, prefix text, first_serial text, last_serial text,
                 shipped bigint, returned bigint)
  language sql stable as $$
  with r as (
    select u.product_id, u.serial_norm,
           regexp_replace(u.serial_norm, '[0-9]+$', '') as prefix,
           substring(u.serial_norm from '([0-9]+)$')::numeric as num
    from kpi_return_fact f join unit u on u.id = f.unit_id
    where f.day between p_from and p_to and f.product_id is not null
      and (p_site is null or f.site_id = p_site) and (p_category is null or f.category = p_category)
      and u.serial_norm ~ '[0-9]$'
  ), g as (
    select r.*, sum(case when lag is null or num - lag > p_max_gap then 1 else 0 end)
                  over (partition by product_id, prefix order by num) as grp
    from (select r.*, lag(num) over (partition by product_id, prefix order by num) as lag from r) r
  ), runs as (
    select g.product_id, g.prefix, min(g.num) as lo, max(g.num) as hi, count(*) as returned,
           (array_agg(g.serial_norm order by g.num))[1] as first_serial,
           (array_agg(g.serial_norm order by g.num desc))[1] as last_serial
    from g group by g.product_id, g.prefix, g.grp
    having count(*) >= p_min_returns
  )
  select runs.product_id, p.sku || ' ' || p.name, runs.prefix, runs.first_serial, runs.last_serial,
         (select count(*) from unit u
          where u.product_id = runs.product_id and u.serial_norm >= runs.prefix and u.serial_norm like runs.prefix || '%'
            and u.serial_norm ~ '[0-9]$'
            and substring(u.serial_norm from '([0-9]+)$')::numeric between runs.lo and runs.hi
            and regexp_replace(u.serial_norm, '[0-9]+$', '') = runs.prefix
            and exists (select 1 from shipment_unit su join shipment s on s.id = su.shipment_id
                        where su.unit_id = u.id and s.direction = 'outbound' and s.shipped_at is not null)),
         runs.returned
  from runs join product p on p.id = runs.product_id
$$;

-- Fraud and leakage signals of the period with their evidence, newest first.
create function fraud_signals(p_from date, p_to date, p_limit integer)
  returns table (kind text, occurred_at timestamptz, unit_id bigint, serial text, reference text, evidence text)
  language sql stable as $$
  select * from (
    select case when f.never_sold then 'claim_never_sold'
                when f.other_customer then 'claim_other_customer'
                else 'claim_other_region' end,
           wc.opened_at, wc.unit_id, wc.claimed_serial, wc.claim_number,
           case when f.never_sold and wc.unit_id is null
                  then format('claim %s by %s for serial %s, which is unknown to us', wc.claim_number, c.name, wc.claimed_serial)
                when f.never_sold
                  then format('claim %s by %s for serial %s, which was never shipped before the claim (status %s)',
                              wc.claim_number, c.name, wc.claimed_serial, coalesce(u.status::text, 'none'))
                when f.other_customer
                  then format('claim %s by %s; the unit was shipped to %s on %s (%s)', wc.claim_number, c.name, b.name,
                              to_char(s.shipped_at at time zone 'UTC', 'YYYY-MM-DD'), s.number)
                else format('claim %s from region %s / channel %s; shipped to region %s / channel %s on %s (%s)',
                            wc.claim_number, coalesce(wc.region, '—'), coalesce(wc.channel, '—'), coalesce(s.region, '—'),
                            coalesce(s.channel, '—'), to_char(s.shipped_at at time zone 'UTC', 'YYYY-MM-DD'), s.number) end
    from kpi_claim_fact f
    join warranty_claim wc on wc.id = f.claim_id
    join party c on c.id = wc.claimant_id
    left join unit u on u.id = wc.unit_id
    left join shipment s on s.id = f.sale_shipment_id
    left join party b on b.id = s.party_id
    where f.opened_day between p_from and p_to and (f.never_sold or f.other_customer or f.grey)
    union all
    select case when f.never_shipped then 'return_never_shipped' else 'return_other_region' end,
           ra.received_at, f.unit_id, coalesce(ra.received_serial, ra.authorised_serial), ra.rma_number,
           case when f.never_shipped
                  then format('RMA %s from %s: serial %s came back but was never shipped by us', ra.rma_number, c.name,
                              coalesce(ra.received_serial, ra.authorised_serial))
                else format('RMA %s from %s (region %s / channel %s); shipped to region %s / channel %s (%s)',
                            ra.rma_number, c.name, coalesce(c.region, '—'), coalesce(c.sales_channel, '—'),
                            coalesce(s.region, '—'), coalesce(s.channel, '—'), s.number) end
    from kpi_return_fact f
    join return_authorisation ra on ra.id = f.rma_id
    join party c on c.id = ra.customer_id
    left join shipment s on s.id = f.sale_shipment_id
    where f.day between p_from and p_to and (f.never_shipped or f.grey)
    union all
    select 'clone', ev.occurred_at, ev.unit_id, u.serial, coalesce(ev.event_id::text, ''), ev.detail
    from kpi_evidence ev join unit u on u.id = ev.unit_id
    where ev.metric = 'clone' and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1
  ) x
  order by 2 desc, 3
  limit p_limit
$$;
