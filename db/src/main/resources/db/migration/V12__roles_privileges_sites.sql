-- Group roles with least privilege, and row-level security by site (issue 8).
-- Cheap at any scale: grants, policies and one small table; no history is read or rewritten.
--
--   viewer      reads everything except the audit trail
--   quality     viewer + analytics (the same reads today; analytics objects are granted to it)
--   supervisor  viewer + records custody events, runs spot audits, resolves discrepancies and
--               capture exceptions — for the sites they are granted
--   compliance  viewer + signs (reports, sign-offs), anchors the hash chain, reads the audit trail
--   admin       viewer + people, products, format rules, parties, sites, locations
-- Nobody but the schema owner owns a table; no group role may update or delete history
-- (custody_event, custody_chain, custody_anchor, signature, audit_trail): their triggers refuse
-- even the owner, and the grants below never include those rights.

-- ---------------------------------------------------------------- reading
grant usage on schema public to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
grant select on all tables in schema public to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
-- tables added by later migrations (same owner) are readable by every group role too
alter default privileges in schema public grant select on tables to serialtrace_viewer, serialtrace_quality,
  serialtrace_supervisor, serialtrace_compliance, serialtrace_admin;

-- ---------------------------------------------------------------- supervisors: floor work
grant insert on custody_event to serialtrace_supervisor;
grant usage on sequence custody_event_id_seq to serialtrace_supervisor;
grant insert, update on spot_audit, audit_expected, audit_scan, audit_discrepancy, capture_exception
  to serialtrace_supervisor;
grant usage on all sequences in schema public to serialtrace_supervisor, serialtrace_admin;
alter default privileges in schema public grant usage on sequences to serialtrace_supervisor, serialtrace_admin;

-- creating a month's partition needs the owner: the write path calls this first
alter function ensure_custody_partitions(date, date) security definer set search_path from current;

-- ---------------------------------------------------------------- admins: master data
grant insert, update on party, product, format_rule, site, location, lot to serialtrace_admin;

-- ---------------------------------------------------------------- sites
-- A person sees and changes the work records (audits, exceptions, orders, shipments) of the
-- sites they are granted, or of all sites. Master data, units and custody history are readable by
-- every role (a unit crosses sites; recall and trace-forward need its whole history); writing
-- history is limited to one's sites (the event's destination location).
alter table person add column all_sites boolean not null default true;
create table person_site (
  login   text not null references person on delete cascade,
  site_id bigint not null references site,
  primary key (login, site_id)
);
grant select on person_site to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;

-- The sites the session may see, once per query (`= any ((select visible_sites())::bigint[])`).
create function visible_sites() returns bigint[]
  language plpgsql stable security definer set search_path from current as $$
declare
  everywhere boolean;
begin
  if loads_history() then
    return (select coalesce(array_agg(id), '{}') from site);
  end if;
  select all_sites into everywhere from person where login = session_user;
  if everywhere is null then
    return '{}';   -- not a person: no site
  elsif everywhere then
    return (select coalesce(array_agg(id), '{}') from site);
  end if;
  return (select coalesce(array_agg(site_id), '{}') from person_site where login = session_user);
end $$;

create function location_site(location_id bigint) returns bigint
  language sql stable security definer set search_path from current
  return (select l.site_id from location l where l.id = location_id);

create function set_person_sites(who text, all_of_them boolean, sites bigint[]) returns void
  language plpgsql security definer set search_path from current as $$
begin
  update person set all_sites = all_of_them where login = who;
  if not found then
    raise exception 'no person "%"', who using errcode = 'no_data_found';
  end if;
  delete from person_site where login = who;
  insert into person_site (login, site_id) select who, unnest(coalesce(sites, '{}'));
end $$;
revoke execute on function set_person_sites(text, boolean, bigint[]) from public;
grant execute on function set_person_sites(text, boolean, bigint[]) to serialtrace_admin;

alter table spot_audit enable row level security;
create policy by_site on spot_audit using (site_id = any ((select visible_sites())::bigint[]));
alter table capture_exception enable row level security;
create policy by_site on capture_exception using (site_id is null or site_id = any ((select visible_sites())::bigint[]));
alter table shipment enable row level security;
create policy by_site on shipment using (site_id = any ((select visible_sites())::bigint[]));
alter table sales_order enable row level security;
create policy by_site on sales_order using (site_id = any ((select visible_sites())::bigint[]));
-- an audit's rows follow the audit (the subquery sees only visible audits)
alter table audit_expected enable row level security;
create policy by_audit on audit_expected using (exists (select 1 from spot_audit a where a.id = audit_id));
alter table audit_scan enable row level security;
create policy by_audit on audit_scan using (exists (select 1 from spot_audit a where a.id = audit_id));
alter table audit_discrepancy enable row level security;
create policy by_audit on audit_discrepancy using (exists (select 1 from spot_audit a where a.id = audit_id));

-- History: everyone reads; a person appends only where they work. (The owner is not subject to
-- RLS, so bulk loads pay nothing for it.)
alter table custody_event enable row level security;
create policy read_all on custody_event for select using (true);
create policy append_at_own_sites on custody_event for insert
  with check (to_location_id is null or location_site(to_location_id) = any ((select visible_sites())::bigint[]));
