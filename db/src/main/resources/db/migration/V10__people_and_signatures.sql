-- People, group roles and electronic signatures (issue 8).
-- Each person is a PostgreSQL login role of their own; `person` holds what the server does not:
-- the printed name shown on signatures, and the sign-in failure count and lock.
-- Cheap at any scale: new small tables, functions and triggers; no history is touched.

-- Group roles are cluster-wide: created once, whichever database of the cluster migrates first.
do $$
declare
  g text;
begin
  foreach g in array array['serialtrace_viewer', 'serialtrace_quality', 'serialtrace_supervisor',
                           'serialtrace_compliance', 'serialtrace_admin'] loop
    if not exists (select 1 from pg_roles where rolname = g) then
      execute format('create role %I nologin', g);
    end if;
  end loop;
end $$;

create table person (
  login           text primary key,              -- the person's PostgreSQL role (their session_user)
  printed_name    text not null check (btrim(printed_name) <> ''),
  created_at      timestamptz not null default now(),
  created_by      text not null default session_user,
  failed_sign_ins integer not null default 0,    -- consecutive failures since the last success
  locked_until    timestamptz                    -- sign-in and signing refused until then
);
comment on table person is 'People who sign in: one PostgreSQL login role each; printed name for signatures; sign-in lock.';

-- Lock policy: this many consecutive failures lock the account for this long.
create function sign_in_lock_policy(out max_failures integer, out lock_period interval)
  language sql immutable
  return row(5, interval '15 minutes');

-- Counted by the client that saw the failure (the server does not tell SQL about failed logins).
-- Returns the failures left before the lock (0 = locked now). Anyone may call it, so anyone can
-- lock an account by failing on purpose: the price of lockout, see the threat model.
create function record_failed_sign_in(who text) returns integer
  language plpgsql security definer set search_path from current as $$
declare
  failures integer;
  policy record;
begin
  select * into policy from sign_in_lock_policy();
  update person set failed_sign_ins = failed_sign_ins + 1,
                    locked_until = case when failed_sign_ins + 1 >= policy.max_failures
                                        then now() + policy.lock_period else locked_until end
  where login = who
  returning failed_sign_ins into failures;
  if failures is null then
    return policy.max_failures;   -- not a person: nothing to count, nothing revealed
  end if;
  return greatest(policy.max_failures - failures, 0);
end $$;

-- A successful sign-in (or signature) by the session's own person clears the count.
create function record_successful_sign_in() returns void
  language sql security definer set search_path from current
  begin atomic
    update person set failed_sign_ins = 0, locked_until = null
    where login = session_user and (failed_sign_ins <> 0 or locked_until is not null);
  end;

-- Raises when the session's person is locked (errcode 'ST423'); the client calls it right after
-- connecting, and on PostgreSQL 17 the login event trigger below does it before any SQL runs.
create function refuse_locked_person() returns void
  language plpgsql security definer set search_path from current as $$
declare
  until timestamptz;
begin
  select locked_until into until from person where login = session_user;
  if until is not null and until > now() then
    raise exception 'the account "%" is locked after repeated failed sign-ins until %', session_user, until
      using errcode = 'ST423', hint = 'wait until then, or ask an administrator to unlock it';
  end if;
end $$;

-- ---------------------------------------------------------------- electronic signatures
-- Who signed, their printed name and the time come from the database, never from the client:
-- the signer is the session user (the signing service opens a connection as the signer with their
-- password), the printed name comes from `person`. Signatures are never changed or deleted.
create function stamp_signature() returns trigger
  language plpgsql security definer set search_path from current as $$
declare
  name text;
begin
  if new.signer is distinct from session_user then
    raise exception 'a signature is recorded for the signed-in person only: % cannot sign as %', session_user, new.signer
      using errcode = 'insufficient_privilege';
  end if;
  perform refuse_locked_person();
  select printed_name into name from person where login = session_user;
  if name is null then
    raise exception '"%" is not a registered person and cannot sign', session_user
      using errcode = 'insufficient_privilege', hint = 'an administrator adds people with `serialtrace users add`';
  end if;
  if new.content_hash is null or length(new.content_hash) <> 32 then
    raise exception 'a signature binds a SHA-256 content hash (32 bytes)' using errcode = 'check_violation';
  end if;
  new.printed_name := name;
  new.signed_at := now();
  return new;
end $$;

-- The bulk loader (the schema owner: demo data, imports of signed records) keeps the signer it
-- loads; everyone else is stamped. `loads_history` is also used by the custody event trigger.
create function loads_history() returns boolean
  language sql stable security definer set search_path from current
  return pg_has_role(session_user, (select relowner from pg_class where oid = 'custody_event'::regclass), 'MEMBER');

create trigger signature_stamped
  before insert on signature
  for each row when (not loads_history())
  execute function stamp_signature();

create trigger signature_append_only
  before update or delete on signature
  for each row execute function refuse_history_change();
create trigger signature_no_truncate
  before truncate on signature
  for each statement execute function refuse_history_change();

-- ---------------------------------------------------------------- lock enforced at login
-- PostgreSQL 17 has login event triggers (creating one needs a superuser). Elsewhere the client's
-- check after connecting (refuse_locked_person) is the lock.
do $$
begin
  if current_setting('server_version_num')::int >= 170000
     and (select rolsuper from pg_roles where rolname = current_user) then
    execute $t$
      create function refuse_locked_login() returns event_trigger
        language plpgsql security definer set search_path from current as $f$
      begin
        -- only people can be locked; the owner, maintenance and replication roles never are
        if exists (select 1 from person where login = session_user and locked_until > now()) then
          perform refuse_locked_person();
        end if;
      end $f$ $t$;
    execute 'create event trigger person_locked_at_login on login execute function refuse_locked_login()';
  end if;
end $$;

-- What every group role may do here; the rest of the privileges come with the roles migration.
grant select on person to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
grant select on signature to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
-- signers: supervisors (audit sign-off, discrepancy approval), compliance (reviews, report approval),
-- quality (reviews of analyses), admin
grant insert (subject_type, subject_id, meaning, content_hash) on signature
  to serialtrace_quality, serialtrace_supervisor, serialtrace_compliance, serialtrace_admin;
grant usage on sequence signature_id_seq
  to serialtrace_quality, serialtrace_supervisor, serialtrace_compliance, serialtrace_admin;
grant execute on function record_failed_sign_in(text), record_successful_sign_in(), refuse_locked_person()
  to public;

-- ---------------------------------------------------------------- managing people (admins)
-- Security definer functions owned by the schema owner (who needs CREATEROLE): an admin manages
-- people without being able to create arbitrary roles or touch anything else. Passwords arrive
-- as SCRAM verifiers computed by the client, never in clear text (statement logs stay clean).
create function group_role(short_name text) returns text
  language plpgsql immutable as $$
begin
  if short_name not in ('viewer', 'quality', 'supervisor', 'compliance', 'admin') then
    raise exception 'unknown role "%"; roles are viewer, quality, supervisor, compliance, admin', short_name
      using errcode = 'invalid_parameter_value';
  end if;
  return 'serialtrace_' || short_name;
end $$;

create function create_person(login text, printed_name text, password_verifier text, roles text[])
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
  foreach r in array coalesce(roles, '{}') loop
    execute format('grant %I to %I', group_role(r), login);
  end loop;
  insert into person (login, printed_name) values (login, btrim(printed_name));
end $$;

create function grant_person_role(who text, role_name text) returns void
  language plpgsql security definer set search_path from current as $$
begin
  if not exists (select 1 from person where login = who) then
    raise exception 'no person "%"', who using errcode = 'no_data_found';
  end if;
  execute format('grant %I to %I', group_role(role_name), who);
end $$;

create function revoke_person_role(who text, role_name text) returns void
  language plpgsql security definer set search_path from current as $$
begin
  if not exists (select 1 from person where login = who) then
    raise exception 'no person "%"', who using errcode = 'no_data_found';
  end if;
  execute format('revoke %I from %I', group_role(role_name), who);
end $$;

create function unlock_person(who text) returns void
  language sql security definer set search_path from current
  begin atomic
    update person set failed_sign_ins = 0, locked_until = null where login = who;
  end;

-- People with their roles (short names), for `users list` and the app's "what may I do".
create view person_role as
  select p.login, p.printed_name, p.created_at, p.created_by, p.failed_sign_ins, p.locked_until,
         coalesce(array_agg(distinct substr(g.rolname, 13)) filter (where g.rolname is not null), '{}') as roles
  from person p
  left join pg_roles r on r.rolname = p.login
  left join pg_auth_members m on m.member = r.oid
  left join pg_roles g on g.oid = m.roleid and g.rolname like 'serialtrace\_%'
  group by p.login;

revoke execute on function create_person(text, text, text, text[]), grant_person_role(text, text),
  revoke_person_role(text, text), unlock_person(text) from public;
grant execute on function create_person(text, text, text, text[]), grant_person_role(text, text),
  revoke_person_role(text, text), unlock_person(text) to serialtrace_admin;
grant select on person_role to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
