-- The system KPIs of DOMAIN.md §7 that had no data (issue 6): serial lookup time and report
-- generation time (with its outcome). The app records each lookup and each report in memory and
-- adds them here in batches (dev.serialtrace.db.timing.OperationTimings): one row per kind, UTC day,
-- duration bucket and outcome, so a year of timings is a few thousand rows whatever the traffic.
-- bucket b holds durations of 1.1^b ≤ µs < 1.1^(b+1); a percentile read from it is within 5 %.
-- Also: kpi_series reads these timings (lookups, lookup_us_p50/p90, reports, reports_ok,
-- reports_failed, report_us_p50/p90). Cost at 10M: catalogue changes and an empty table.

create table kpi_timing_daily (
  kind   text     not null,   -- lookup, report
  day    date     not null,
  bucket smallint not null,
  failed boolean  not null,
  n      bigint   not null,
  primary key (kind, day, bucket, failed)
);

-- Whoever can look up or generate a report records its timing.
grant insert, update on kpi_timing_daily to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;

create or replace function kpi_series(p_from date, p_to date, p_site bigint, p_category text, p_bucket text)
  returns table (bucket date, metric text, n bigint)
  language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
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
  union all
  -- the system's own timings (V81): not per site or category; percentiles from the log histogram
  select x.bucket, m.metric, m.n
  from (select h.bucket, h.kind, sum(h.n)::bigint as total, sum(h.failed)::bigint as failed,
               round(power(1.1, min(h.b) filter (where h.cum >= 0.5 * h.all_n) + 0.5))::bigint as p50,
               round(power(1.1, min(h.b) filter (where h.cum >= 0.9 * h.all_n) + 0.5))::bigint as p90
        from (select g.*, sum(g.n) over (partition by g.bucket, g.kind order by g.b) as cum,
                     sum(g.n) over (partition by g.bucket, g.kind) as all_n
              from (select case when b.unit is null then p_from else date_trunc(b.unit, t.day)::date end as bucket,
                           t.kind, t.bucket as b, sum(t.n) as n, coalesce(sum(t.n) filter (where t.failed), 0) as failed
                    from kpi_timing_daily t, b
                    where t.day between p_from and p_to
                    group by 1, 2, 3) g) h
        group by 1, 2) x
  cross join lateral (values (x.kind || 's', x.total), (x.kind || 's_failed', x.failed),
                             (x.kind || 's_ok', x.total - x.failed),
                             (x.kind || '_us_p50', x.p50), (x.kind || '_us_p90', x.p90)) m(metric, n);
end $$;
