-- Sign-in failures of people who connect straight to an external server (issue 8).
-- A wrong password never becomes a session, so nothing in the database sees it: PostgreSQL has no
-- hook for failed authentication short of a server extension (e.g. credcheck's auth-failure ban)
-- or log scraping. The embedded demo counts through its owner's connection; a desktop or CLI on an
-- external server counts through this role instead: it can log in (once an admin enables it) and
-- do nothing of its own but call record_failed_sign_in(login) — which every signed-in person may
-- already call. Its password is not a secret (Database.SIGN_IN_RECORDER_PASSWORD unless the admin
-- chose another and the clients have SERIALTRACE_SIGN_IN_RECORDER_PASSWORD): anyone who can reach
-- the server may count failures against a login, i.e. lock it for 15 minutes, the price of lockout
-- (threat model). The lock itself is enforced at login on PostgreSQL 17 and after connecting by
-- every client (refuse_locked_person).
-- Cheap at any scale: one role and grants.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'serialtrace_sign_in_recorder') then
    create role serialtrace_sign_in_recorder nologin;
  end if;
end $$;
comment on role serialtrace_sign_in_recorder is
  'Counts failed sign-ins of people on external servers (record_failed_sign_in); holds no other right.';
grant usage on schema public to serialtrace_sign_in_recorder;
grant execute on function record_failed_sign_in(text) to serialtrace_sign_in_recorder;

-- Admins enable (or disable) it; the verifier is computed by the client, as for people.
create function enable_sign_in_recorder(password_verifier text) returns void
  language plpgsql security definer set search_path from current as $$
begin
  if password_verifier is null then
    execute 'alter role serialtrace_sign_in_recorder nologin password null';
  elsif password_verifier not like 'SCRAM-SHA-256$%' then
    raise exception 'passwords are stored only as SCRAM-SHA-256 verifiers' using errcode = 'invalid_parameter_value';
  else
    execute format('alter role serialtrace_sign_in_recorder login password %L', password_verifier);
  end if;
  insert into audit_trail (table_name, record_id, action, new_values)
  values ('person_role', 'serialtrace_sign_in_recorder', case when password_verifier is null then 'revoke' else 'grant' end::trail_action,
          jsonb_build_object('login', 'serialtrace_sign_in_recorder', 'can_log_in', password_verifier is not null));
end $$;
revoke execute on function enable_sign_in_recorder(text) from public;
grant execute on function enable_sign_in_recorder(text) to serialtrace_admin;
