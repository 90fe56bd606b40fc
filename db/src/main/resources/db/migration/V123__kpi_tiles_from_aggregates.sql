-- The KPI tiles read aggregates only (issue 6, speed). kpi_series read a year of kpi_return_fact
-- and kpi_claim_fact (a row per return and claim: they grow with units, ≈ 10× at 10M) and every day
-- row of kpi_daily. Now:
--   * returns and claims are counted into kpi_daily by statement triggers on the fact tables (the
--     facts are recomputed in place by "insert … on conflict do update": each trigger takes the old
--     rows out and the new ones in): returns_received, returns_serial_match, returns_grey by the day
--     received; claims_opened, claims_grey by the day opened; claims_decided by the day decided;
--   * claim times as a histogram in kpi_daily: metric 'claim_minutes:B' counts the claims decided
--     after 1.05^(B-1) ≤ minutes < 1.05^B (B = 0: under a minute), 'claim_minutes_sum:B' adds up their
--     minutes; a median or p90 is the mean of the bucket that holds it: exact when that bucket's
--     claims took the same time, within 5 % otherwise (the system timings of V81 are within 5 % too);
--   * kpi_series reads whole months from kpi_daily_month (V120) and only the period's edge days from
--     kpi_daily.
-- A view then reads days × sites × categories × metrics, whatever the number of units.
-- Cost at 10M units / 71M events: one pass over each fact table (≈ 250k returns and 140k claims at
-- 10M: seconds); no history read.

create function kpi_claim_minutes_bucket(minutes integer) returns integer
  language sql immutable parallel safe
  return case when minutes < 1 then 0 else floor(ln(minutes) / ln(1.05))::integer + 1 end;

-- What one claim fact adds to kpi_daily: (metric, day, n) rows.
create function kpi_claim_counts(p_opened date, p_decided date, p_minutes integer, p_grey boolean)
  returns table (metric text, day date, n bigint)
  language sql immutable parallel safe as $$
  select m.metric, m.day, m.n from (values
    ('claims_opened', p_opened, 1::bigint),
    ('claims_grey', case when p_grey then p_opened end, 1::bigint),
    ('claims_decided', p_decided, 1::bigint),
    ('claim_minutes:' || kpi_claim_minutes_bucket(p_minutes), case when p_minutes is not null then p_decided end, 1::bigint),
    ('claim_minutes_sum:' || kpi_claim_minutes_bucket(p_minutes), case when p_minutes is not null then p_decided end,
     p_minutes::bigint)) m(metric, day, n)
  where m.day is not null
$$;

create function kpi_count_return_facts() returns trigger
  language plpgsql set enable_seqscan = off as $$
begin
  insert into kpi_daily as k (metric, day, site_id, category, n)
  select m.metric, f.day, f.site_id, f.category, sum(f.sign * m.hit)
  from (select n.day, n.site_id, n.category, n.serial_match, n.grey, 1 as sign from new_rows n
        union all
        select o.day, o.site_id, o.category, o.serial_match, o.grey, -1 from old_rows o) f
  cross join lateral (values ('returns_received', 1), ('returns_serial_match', case when f.serial_match then 1 else 0 end),
                             ('returns_grey', case when f.grey then 1 else 0 end)) m(metric, hit)
  where f.day is not null and m.hit <> 0
  group by 1, 2, 3, 4
  having sum(f.sign * m.hit) <> 0
  on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
  return null;
end $$;

create function kpi_count_return_facts_inserted() returns trigger
  language plpgsql set enable_seqscan = off as $$
begin
  insert into kpi_daily as k (metric, day, site_id, category, n)
  select m.metric, f.day, f.site_id, f.category, sum(m.hit)
  from new_rows f
  cross join lateral (values ('returns_received', 1), ('returns_serial_match', case when f.serial_match then 1 else 0 end),
                             ('returns_grey', case when f.grey then 1 else 0 end)) m(metric, hit)
  where f.day is not null and m.hit <> 0
  group by 1, 2, 3, 4
  on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
  return null;
end $$;

create function kpi_count_claim_facts() returns trigger
  language plpgsql set enable_seqscan = off as $$
begin
  insert into kpi_daily as k (metric, day, site_id, category, n)
  select m.metric, m.day, f.site_id, f.category, sum(f.sign * m.n)
  from (select n.*, 1 as sign from new_rows n
        union all
        select o.*, -1 from old_rows o) f
  cross join lateral kpi_claim_counts(f.opened_day, f.decided_day, f.minutes, f.grey) m
  group by 1, 2, 3, 4
  having sum(f.sign * m.n) <> 0
  on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
  return null;
end $$;

create function kpi_count_claim_facts_inserted() returns trigger
  language plpgsql set enable_seqscan = off as $$
begin
  insert into kpi_daily as k (metric, day, site_id, category, n)
  select m.metric, m.day, f.site_id, f.category, sum(m.n)
  from new_rows f
  cross join lateral kpi_claim_counts(f.opened_day, f.decided_day, f.minutes, f.grey) m
  group by 1, 2, 3, 4
  on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
  return null;
end $$;

create trigger kpi_return_fact_count_insert after insert on kpi_return_fact
  referencing new table as new_rows for each statement execute function kpi_count_return_facts_inserted();
create trigger kpi_return_fact_count_update after update on kpi_return_fact
  referencing old table as old_rows new table as new_rows for each statement execute function kpi_count_return_facts();
create trigger kpi_claim_fact_count_insert after insert on kpi_claim_fact
  referencing new table as new_rows for each statement execute function kpi_count_claim_facts_inserted();
create trigger kpi_claim_fact_count_update after update on kpi_claim_fact
  referencing old table as old_rows new table as new_rows for each statement execute function kpi_count_claim_facts();

-- Backfill (once, set-based; kpi_daily's roll-up trigger of V120 fills the months).
insert into kpi_daily as k (metric, day, site_id, category, n)
select m.metric, f.day, f.site_id, f.category, sum(m.hit)
from kpi_return_fact f
cross join lateral (values ('returns_received', 1), ('returns_serial_match', case when f.serial_match then 1 else 0 end),
                           ('returns_grey', case when f.grey then 1 else 0 end)) m(metric, hit)
where f.day is not null and m.hit <> 0
group by 1, 2, 3, 4
on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;

insert into kpi_daily as k (metric, day, site_id, category, n)
select m.metric, m.day, f.site_id, f.category, sum(m.n)
from kpi_claim_fact f
cross join lateral kpi_claim_counts(f.opened_day, f.decided_day, f.minutes, f.grey) m
group by 1, 2, 3, 4
on conflict (metric, day, site_id, category) do update set n = k.n + excluded.n;
analyze kpi_daily;
analyze kpi_daily_month;

create or replace function kpi_series(p_from date, p_to date, p_site bigint, p_category text, p_bucket text)
  returns table (bucket date, metric text, n bigint)
  language plpgsql stable as $$
#variable_conflict use_column
declare
  -- whole months [m_first, m_past) come from kpi_daily_month (V120); trends by week or day read days only
  m_first date := case when p_bucket in ('all', 'month') and p_from <> date_trunc('month', p_from)::date
                       then (date_trunc('month', p_from) + interval '1 month')::date else p_from end;
  m_past date := greatest(m_first, case when p_bucket in ('all', 'month') then date_trunc('month', p_to + 1)::date else p_from end);
begin
  return query
  with b as (select case when p_bucket = 'all' then null else p_bucket end as unit),
  k as materialized (   -- the day rows at the period's edges and the whole months between them
    select d.metric, d.day, d.n from kpi_daily d
    where ((d.day >= p_from and d.day < m_first and d.day <= p_to) or (d.day >= m_past and d.day <= p_to))   -- two ranges: generic plans use both
      and (p_site is null or d.site_id = p_site) and (p_category is null or d.category = p_category)
    union all
    select m.metric, m.month, m.n from kpi_daily_month m
    where m.month >= m_first and m.month < m_past
      and (p_site is null or m.site_id = p_site) and (p_category is null or m.category = p_category)
  ), kb as (
    select case when b.unit is null then p_from else date_trunc(b.unit, k.day)::date end as bucket, k.metric, sum(k.n)::bigint as n
    from k, b group by 1, 2
  )
  select kb.bucket, kb.metric, kb.n from kb
  where not starts_with(kb.metric, 'claim_minutes:') and not starts_with(kb.metric, 'claim_minutes_sum:')
  union all
  -- median and p90 of claim times from their histogram (V123): the mean of the bucket that holds the
  -- percentile — exact when its claims took the same time, within 5 % otherwise
  select h.bucket, m.metric, m.n
  from (select g.bucket,
               (array_agg(round(g.total::numeric / g.cnt)::bigint order by g.b) filter (where g.cum >= 0.5 * g.all_n))[1] as p50,
               (array_agg(round(g.total::numeric / g.cnt)::bigint order by g.b) filter (where g.cum >= 0.9 * g.all_n))[1] as p90
        from (select x.*, sum(x.cnt) over (partition by x.bucket order by x.b) as cum,
                     sum(x.cnt) over (partition by x.bucket) as all_n
              from (select kb.bucket, split_part(kb.metric, ':', 2)::integer as b,
                           sum(kb.n) filter (where starts_with(kb.metric, 'claim_minutes:')) as cnt,
                           sum(kb.n) filter (where starts_with(kb.metric, 'claim_minutes_sum:')) as total
                    from kb
                    where starts_with(kb.metric, 'claim_minutes:') or starts_with(kb.metric, 'claim_minutes_sum:')
                    group by 1, 2) x
              where x.cnt > 0) g
        group by 1) h
  cross join lateral (values ('claim_minutes_p50', h.p50), ('claim_minutes_p90', h.p90)) m(metric, n)
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
