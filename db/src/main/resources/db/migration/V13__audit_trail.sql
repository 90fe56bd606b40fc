-- Part 11 audit trail (issue 8): every create, modify and delete of the records that can change,
-- with the old and the new values, written by the database itself (row triggers, security
-- definer), time-stamped, append-only, readable by compliance.
-- Cheap at any scale: a new table and triggers on small tables; no history is touched.

create type trail_action as enum ('insert', 'update', 'delete', 'grant', 'revoke');

create table audit_trail (
  id          bigint generated always as identity primary key,
  changed_at  timestamptz not null default clock_timestamp(),
  changed_by  text not null default session_user,      -- the person, never a value a client sends
  table_name  text not null,
  record_id   text,                                    -- the row's key ("id", or the login for people)
  action      trail_action not null,
  old_values  jsonb,                                   -- the row before (update, delete)
  new_values  jsonb,                                   -- the row after (insert, update)
  transaction_id bigint not null default txid_current()
);
create index audit_trail_record_idx on audit_trail (table_name, record_id, changed_at);
create index audit_trail_changed_at_idx on audit_trail (changed_at);
comment on table audit_trail is 'Part 11 audit trail: who changed which record when, old and new values; written only by triggers.';

create function record_audit_trail() returns trigger
  language plpgsql security definer set search_path from current as $$
declare
  before jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after  jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
begin
  if tg_op = 'UPDATE' and before = after then
    return null;   -- nothing changed
  end if;
  insert into audit_trail (table_name, record_id, action, old_values, new_values)
  values (tg_table_name, coalesce(after, before) ->> coalesce(tg_argv[0], 'id'), lower(tg_op)::trail_action, before, after);
  return null;
end $$;

-- Later migrations (audits, rules, reports …) put their own tables under the trail with this.
create function enable_audit_trail(target regclass, key_column text default 'id') returns void
  language plpgsql as $$
begin
  execute format('create trigger audit_trail after insert or update or delete on %s '
                 'for each row execute function record_audit_trail(%L)', target, key_column);
end $$;

select enable_audit_trail(t) from unnest(array['product', 'format_rule', 'party', 'site', 'location', 'lot',
  'spot_audit', 'audit_discrepancy', 'capture_exception', 'warranty_claim', 'return_authorisation']::regclass[]) t;
select enable_audit_trail('person', 'login');
select enable_audit_trail('person_site', 'login');

create trigger audit_trail_append_only
  before update or delete on audit_trail
  for each row execute function refuse_history_change();
create trigger audit_trail_no_truncate
  before truncate on audit_trail
  for each statement execute function refuse_history_change();

-- Role changes happen in the catalog, which has no triggers: the functions that make them log them.
create or replace function grant_person_role(who text, role_name text) returns void
  language plpgsql security definer set search_path from current as $$
begin
  if not exists (select 1 from person where login = who) then
    raise exception 'no person "%"', who using errcode = 'no_data_found';
  end if;
  execute format('grant %I to %I', group_role(role_name), who);
  insert into audit_trail (table_name, record_id, action, new_values)
  values ('person_role', who, 'grant', jsonb_build_object('login', who, 'role', role_name));
end $$;

create or replace function revoke_person_role(who text, role_name text) returns void
  language plpgsql security definer set search_path from current as $$
begin
  if not exists (select 1 from person where login = who) then
    raise exception 'no person "%"', who using errcode = 'no_data_found';
  end if;
  execute format('revoke %I from %I', group_role(role_name), who);
  insert into audit_trail (table_name, record_id, action, old_values)
  values ('person_role', who, 'revoke', jsonb_build_object('login', who, 'role', role_name));
end $$;

create or replace function create_person(login text, printed_name text, password_verifier text, roles text[])
  returns void
  language plpgsql security definer set search_path from current as $$
declare
  r text;
begin
  if login !~ '^[a-z_][a-z0-9_.]{1,62}$' then
    raise exception 'user ID "%" is not valid: lower-case letters, digits, "_" and "." (2 to 63, starting with a letter)', login
      using errcode = 'invalid_parameter_value';
  end if;
  if password_verifier not like 'SCRAM-SHA-256$%' then
    raise exception 'passwords are stored only as SCRAM-SHA-256 verifiers' using errcode = 'invalid_parameter_value';
  end if;
  if exists (select 1 from pg_roles where rolname = login) then
    raise exception 'a database role "%" already exists', login using errcode = 'duplicate_object';
  end if;
  foreach r in array coalesce(roles, '{}') loop
    perform group_role(r);   -- validates before anything is created
  end loop;
  execute format('create role %I login password %L', login, password_verifier);
  insert into person (login, printed_name) values (login, btrim(printed_name));
  foreach r in array coalesce(roles, '{}') loop
    execute format('grant %I to %I', group_role(r), login);
    insert into audit_trail (table_name, record_id, action, new_values)
    values ('person_role', login, 'grant', jsonb_build_object('login', login, 'role', r));
  end loop;
end $$;

-- compliance reads the trail; nobody writes it but the triggers (the table's owner)
revoke all on audit_trail from serialtrace_viewer, serialtrace_quality, serialtrace_supervisor, serialtrace_admin;
grant select on audit_trail to serialtrace_compliance;
