-- Runs after every migration (issue 8, least privilege). Triggers maintain derived data — unit
-- state, hash chains, KPI counters, the audit trail — so a person needs write access only to what
-- they write themselves, never to the derived tables: every trigger function of this schema runs
-- as the schema owner (SECURITY DEFINER, search_path pinned). session_user stays the person, so
-- actors and the trail still name them. Idempotent; costs nothing at any scale.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure
    from pg_proc p
    where p.pronamespace = current_schema()::regnamespace
      and p.prorettype = 'trigger'::regtype
      and not p.prosecdef
      and pg_get_userbyid(p.proowner) = current_user
  loop
    execute format('alter function %s security definer set search_path = %I, pg_temp', f, current_schema());
  end loop;
end $$;
