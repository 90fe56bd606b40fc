-- Theft and loss by zone (issue 6): "by location" was by site only. A zone is the location level
-- below the site, the same work area as the capture mix's station (V80): the second part of the
-- path of the loss event's location (to, else from) — "A" for S1/A/01/02/3; "" when the event has
-- no location.
--
--   * kpi_loss_zone   units lost per (UTC day, site, category, zone), kept by a statement trigger
--                     on kpi_evidence's loss rows (the event trigger writes those with their
--                     station since V82), so the chart reads days × zones, never the losses;
--   * the drill-down  reads the loss evidence of one site and zone newest first along a partial
--                     index and stops after a page.
--
-- Cost at 10M units / 71M events: loss evidence written before V82 gets its zone by one primary-key
-- probe of custody_event per loss (39 losses in the 1M demo, 0.4 s; losses are a tiny share of
-- events, ≈ 10× that at 10M), then one grouped pass over those rows; the index covers only loss rows.

update kpi_evidence ev
set station = coalesce(split_part(l.path, '/', 2), ''),
    shift = kpi_shift(ev.occurred_at, (select s.time_zone from site s where s.id = ev.site_id))
from custody_event e
left join location l on l.id = coalesce(e.to_location_id, e.from_location_id)
where ev.metric = 'loss' and ev.station is null
  and e.unit_id = ev.unit_id and e.occurred_at = ev.occurred_at and e.id = ev.event_id;
update kpi_evidence set station = '' where metric = 'loss' and station is null;   -- event not found: no zone

create index kpi_evidence_loss_zone_idx on kpi_evidence (site_id, station, occurred_at desc) where metric = 'loss';

create table kpi_loss_zone (
  day      date   not null,
  site_id  bigint not null,
  category text   not null,
  zone     text   not null,
  n        bigint not null,
  primary key (day, site_id, category, zone)
);

insert into kpi_loss_zone (day, site_id, category, zone, n)
select (occurred_at at time zone 'UTC')::date, site_id, category, coalesce(station, ''), count(*)
from kpi_evidence where metric = 'loss'
group by 1, 2, 3, 4;
analyze kpi_loss_zone;

create function kpi_count_loss_zones() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into kpi_loss_zone as k (day, site_id, category, zone, n)
    select (occurred_at at time zone 'UTC')::date, site_id, category, coalesce(station, ''), count(*)
    from new_rows where metric = 'loss'
    group by 1, 2, 3, 4
    on conflict (day, site_id, category, zone) do update set n = k.n + excluded.n;
  else
    update kpi_loss_zone k set n = k.n - o.n
    from (select (occurred_at at time zone 'UTC')::date as day, site_id, category, coalesce(station, '') as zone, count(*) as n
          from old_rows where metric = 'loss' group by 1, 2, 3, 4) o
    where k.day = o.day and k.site_id = o.site_id and k.category = o.category and k.zone = o.zone;
  end if;
  return null;
end $$;

create trigger kpi_evidence_loss_zone_insert after insert on kpi_evidence
  referencing new table as new_rows for each statement execute function kpi_count_loss_zones();
create trigger kpi_evidence_loss_zone_delete after delete on kpi_evidence
  referencing old table as old_rows for each statement execute function kpi_count_loss_zones();

-- The losses of one site and zone in the period, newest first, in the shape of kpi_drilldown.
create function kpi_loss_zone_drilldown(p_site bigint, p_zone text, p_from date, p_to date, p_category text,
                                        p_limit integer, p_offset integer)
  returns table (unit_id bigint, event_id bigint, occurred_at timestamptz, what text, reference text)
  language plpgsql stable as $$
#variable_conflict use_column
begin
  return query
  select ev.unit_id, ev.event_id, ev.occurred_at, ev.detail, ''::text
  from kpi_evidence ev
  where ev.metric = 'loss' and ev.site_id = p_site and ev.station = p_zone
    and ev.occurred_at >= p_from and ev.occurred_at < p_to + 1
    and (p_category is null or ev.category = p_category)
  order by ev.occurred_at desc, ev.unit_id
  limit p_limit offset p_offset;
end $$;
alter function kpi_loss_zone_drilldown(bigint, text, date, date, text, integer, integer) rows 50;
