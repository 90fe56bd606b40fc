-- Spot audits and the capture-exception queue (issue 5).
-- Cost at 10,000,000 units / 80,000,000 events: nothing here reads or rewrites unit or
-- custody_event; spot_audit, audit_* and capture_exception hold thousands of rows. The new column
-- is nullable without a default (a catalogue change only).

-- The locations an audit covers, one row each (from the scope's "locations" array), for the
-- "last counted / due" column of planning and the overlapping-scope guard.
create view audit_scope_location as
  select a.id as audit_id, a.status, a.site_id, l.value::bigint as location_id,
         coalesce(a.closed_at, a.started_at, a.planned_at) as counted_at
  from spot_audit a
  cross join lateral jsonb_array_elements_text(
    case when jsonb_typeof(a.scope -> 'locations') = 'array' then a.scope -> 'locations' else '[]'::jsonb end) l(value);

-- When each location was last counted by a closed (or signed) audit.
create view location_last_counted as
  select location_id, max(counted_at) as last_counted_at, count(*) as audits
  from audit_scope_location
  where status in ('closed', 'signed')
  group by location_id;

-- An exception raised by an audit scan points back at it.
alter table capture_exception add column audit_scan_id bigint references audit_scan;
create index capture_exception_status_idx on capture_exception (status, kind);

-- close_spot_audit probes the audit's scans per expected unit
create index audit_scan_unit_idx on audit_scan (audit_id, unit_id);

-- Record accuracy of each closed audit: expected units found, over everything the records got
-- right or wrong (expected + unexpected). The accuracy KPI is computed from this.
create view spot_audit_accuracy as
  select a.id as audit_id, a.code, a.site_id, a.auditor, a.status, a.started_at, a.closed_at,
         a.expected_count, a.found_count, a.missing_count, a.unexpected_count,
         case when coalesce(a.expected_count, 0) + coalesce(a.unexpected_count, 0) = 0 then null
              else round(a.found_count::numeric / (a.expected_count + a.unexpected_count), 4) end as accuracy
  from spot_audit a
  where a.status in ('closed', 'signed');

-- Closing an audit, set-based (5,000 expected units: one pass each over expected and scans).
-- Missing: expected, not scanned, not counted through a scanned kit, and not moved out of scope by
-- an event recorded after the audit started (such a move is the records being right, not a
-- discrepancy). Each wrong-location, status-conflict or unknown scan becomes one discrepancy
-- (per unit, or per distinct unknown capture).
create function close_spot_audit(p_audit bigint) returns void
  language plpgsql as $$
declare
  a         spot_audit%rowtype;
  scope_ids bigint[];
  moved     integer;
  missing   integer;
begin
  select * into a from spot_audit where id = p_audit for update;
  if not found then
    raise exception 'no spot audit with id %', p_audit using errcode = 'no_data_found';
  end if;
  if a.status <> 'in_progress' then
    raise exception 'audit % is %, not in progress', a.code, a.status using errcode = 'check_violation';
  end if;
  select coalesce(array_agg(location_id), '{}') into scope_ids from audit_scope_location where audit_id = p_audit;

  select count(*) into moved
  from audit_expected e join unit u on u.id = e.unit_id
  where e.audit_id = p_audit and u.last_event_at > a.started_at
    and (u.location_id is null or u.location_id <> all(scope_ids))
    and not exists (select 1 from audit_scan s where s.audit_id = p_audit and s.unit_id = e.unit_id);

  insert into audit_discrepancy (audit_id, kind, unit_id, location_id)
  select p_audit, 'missing', e.unit_id, e.location_id
  from audit_expected e join unit u on u.id = e.unit_id
  where e.audit_id = p_audit
    and not exists (select 1 from audit_scan s
                    where s.audit_id = p_audit and s.unit_id = e.unit_id and s.classification <> 'invalid')
    and not (u.parent_unit_id is not null
             and exists (select 1 from audit_scan s
                         where s.audit_id = p_audit and s.unit_id = u.parent_unit_id
                           and s.classification in ('matched', 'duplicate', 'wrong_location')))
    and not (u.last_event_at > a.started_at and (u.location_id is null or u.location_id <> all(scope_ids)));
  get diagnostics missing = row_count;

  insert into audit_discrepancy (audit_id, kind, unit_id, scan_id, location_id)
  select distinct on (coalesce(s.unit_id::text, normalize_serial(s.raw_input)))
         p_audit, s.classification::text::discrepancy_kind, s.unit_id, s.id, s.location_id
  from audit_scan s
  where s.audit_id = p_audit and s.classification in ('wrong_location', 'status_conflict', 'unknown')
  order by coalesce(s.unit_id::text, normalize_serial(s.raw_input)), s.seq;

  update spot_audit set
    status = 'closed',
    closed_at = now(),
    expected_count = (select count(*) from audit_expected where audit_id = p_audit),
    missing_count = missing,
    found_count = (select count(*) from audit_expected where audit_id = p_audit) - missing - moved,
    unexpected_count = (select count(*) from audit_discrepancy where audit_id = p_audit and kind <> 'missing')
  where id = p_audit;
end $$;
