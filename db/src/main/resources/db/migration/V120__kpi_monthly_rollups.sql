-- Monthly roll-ups of the KPI day tables (issue 6, speed). A one-year view read every day row of
-- kpi_daily and kpi_capture_mix (≈ 107k capture-mix rows for the 1M demo's last year), and the
-- Operations charts' p99 was ≈ 1 s at 1M units. A view now reads whole months from these tables
-- and only the days at the period's ragged edges from the day tables: 13,947 instead of 106,806
-- capture-mix rows for the 1M demo's last year.
--
-- Kept incrementally by statement triggers on the day tables themselves (insert, update — the
-- day tables are written by "insert … on conflict do update", which fires both — and delete): each
-- adds the change of n to its month, so every writer of the day tables (event, shipment and
-- timing triggers, backfills) keeps the months right without knowing about them.
--
-- Cost at 10M units / 71M events: one grouped pass over each day table (they grow with days ×
-- sites × categories × stations, not with units: ≈ 300k rows at 1M), seconds; no history read.

create table kpi_daily_month (
  metric   text   not null,
  month    date   not null,   -- first day of the UTC month
  site_id  bigint not null,
  category text   not null,
  n        bigint not null,
  primary key (metric, month, site_id, category)
);

create table kpi_capture_mix_month (
  month    date           not null,
  site_id  bigint         not null,
  category text           not null,
  station  text           not null,
  shift    text           not null,
  method   capture_method not null,
  n        bigint         not null,
  primary key (month, site_id, category, station, shift, method)
);

insert into kpi_daily_month (metric, month, site_id, category, n)
select metric, date_trunc('month', day)::date, site_id, category, sum(n) from kpi_daily group by 1, 2, 3, 4;
insert into kpi_capture_mix_month (month, site_id, category, station, shift, method, n)
select date_trunc('month', day)::date, site_id, category, station, shift, method, sum(n) from kpi_capture_mix
group by 1, 2, 3, 4, 5, 6;
-- a period's days, whatever the metric (the primary key leads with the metric: a year was a scan of it all)
create index kpi_daily_day_idx on kpi_daily (day);
create index kpi_daily_month_month_idx on kpi_daily_month (month);
analyze kpi_daily_month;
analyze kpi_capture_mix_month;

create function kpi_roll_daily() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into kpi_daily_month as k (metric, month, site_id, category, n)
    select metric, date_trunc('month', day)::date, site_id, category, sum(n) from new_rows group by 1, 2, 3, 4
    on conflict (metric, month, site_id, category) do update set n = k.n + excluded.n;
  elsif tg_op = 'UPDATE' then
    insert into kpi_daily_month as k (metric, month, site_id, category, n)
    select metric, date_trunc('month', day)::date, site_id, category, sum(n)
    from (select metric, day, site_id, category, n from new_rows
          union all select metric, day, site_id, category, -n from old_rows) d
    group by 1, 2, 3, 4
    on conflict (metric, month, site_id, category) do update set n = k.n + excluded.n;
  else
    insert into kpi_daily_month as k (metric, month, site_id, category, n)
    select metric, date_trunc('month', day)::date, site_id, category, -sum(n) from old_rows group by 1, 2, 3, 4
    on conflict (metric, month, site_id, category) do update set n = k.n + excluded.n;
  end if;
  return null;
end $$;

create trigger kpi_daily_roll_insert after insert on kpi_daily
  referencing new table as new_rows for each statement execute function kpi_roll_daily();
create trigger kpi_daily_roll_update after update on kpi_daily
  referencing old table as old_rows new table as new_rows for each statement execute function kpi_roll_daily();
create trigger kpi_daily_roll_delete after delete on kpi_daily
  referencing old table as old_rows for each statement execute function kpi_roll_daily();

create function kpi_roll_capture_mix() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into kpi_capture_mix_month as k (month, site_id, category, station, shift, method, n)
    select date_trunc('month', day)::date, site_id, category, station, shift, method, sum(n) from new_rows
    group by 1, 2, 3, 4, 5, 6
    on conflict (month, site_id, category, station, shift, method) do update set n = k.n + excluded.n;
  elsif tg_op = 'UPDATE' then
    insert into kpi_capture_mix_month as k (month, site_id, category, station, shift, method, n)
    select date_trunc('month', day)::date, site_id, category, station, shift, method, sum(n)
    from (select day, site_id, category, station, shift, method, n from new_rows
          union all select day, site_id, category, station, shift, method, -n from old_rows) d
    group by 1, 2, 3, 4, 5, 6
    on conflict (month, site_id, category, station, shift, method) do update set n = k.n + excluded.n;
  else
    insert into kpi_capture_mix_month as k (month, site_id, category, station, shift, method, n)
    select date_trunc('month', day)::date, site_id, category, station, shift, method, -sum(n) from old_rows
    group by 1, 2, 3, 4, 5, 6
    on conflict (month, site_id, category, station, shift, method) do update set n = k.n + excluded.n;
  end if;
  return null;
end $$;

create trigger kpi_capture_mix_roll_insert after insert on kpi_capture_mix
  referencing new table as new_rows for each statement execute function kpi_roll_capture_mix();
create trigger kpi_capture_mix_roll_update after update on kpi_capture_mix
  referencing old table as old_rows new table as new_rows for each statement execute function kpi_roll_capture_mix();
create trigger kpi_capture_mix_roll_delete after delete on kpi_capture_mix
  referencing old table as old_rows for each statement execute function kpi_roll_capture_mix();
