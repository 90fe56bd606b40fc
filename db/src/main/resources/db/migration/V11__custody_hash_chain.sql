-- Tamper evidence for custody history (issue 8): every event is linked into its unit's hash chain,
-- computed by the database when the event is inserted, and periodic anchors hash all links.
--
-- Canonical form of an event (version 1): the UTF-8 bytes of these fields joined by '|':
--   custody_event/v1 | id | unit_id | occurred_at as µs since 1970 UTC | occurred_zone |
--   recorded_at µs | biz_step | disposition | from_location_id | to_location_id | source_party_id |
--   destination_party_id | parent_unit_id | biz_transactions (jsonb text) | capture_method | raw_scan |
--   manual_reason | device | actor | corrects_event_id | is_illegal_transition | is_out_of_order | flag_reason
-- where every field that is text or may be null is written as an SQL literal (quote_nullable:
-- 'text' with quotes doubled, or NULL), so no value can shift another; times as integers avoid
-- any dependence on the session's time zone or date style; booleans as t/f.
-- Link of the n-th event of a unit = sha256(link of event n-1 || canonical form); the first
-- event's previous link is empty. The order is insertion order (by id within one statement).
--
-- The links live in `custody_chain`, written set-based by the existing AFTER INSERT statement
-- trigger: an AFTER trigger cannot fill columns of rows already written without rewriting them,
-- and a BEFORE ROW trigger would cost a lookup per row of every COPY. The columns chain_seq,
-- prev_hash and hash of custody_event (V1) stay as they are (unused).
--
-- Cost at 10M units / 80M events: one pass over the history in (unit, time) order (merge of the
-- partitions' primary keys), hashing each event (sha256 of ~300 bytes) and writing an 80M-row
-- table of ~90 bytes per row (~7 GB), then its primary key (~2.4 GB, sorted build) and the first
-- anchor (one scan of the links). Measured on 1M units / 7.1M events: see docs/benchmarks.md
-- ("Hash chain migration"); it scales linearly, so expect roughly 10× that at 10M units.

create function custody_event_canonical(e custody_event) returns bytea
  language sql stable parallel safe
  return convert_to(concat_ws('|', 'custody_event/v1', e.id, e.unit_id,
      (extract(epoch from e.occurred_at) * 1000000)::bigint, quote_nullable(e.occurred_zone),
      (extract(epoch from e.recorded_at) * 1000000)::bigint, e.biz_step, e.disposition,
      quote_nullable(e.from_location_id), quote_nullable(e.to_location_id), quote_nullable(e.source_party_id),
      quote_nullable(e.destination_party_id), quote_nullable(e.parent_unit_id), quote_nullable(e.biz_transactions::text),
      e.capture_method, quote_nullable(e.raw_scan), quote_nullable(e.manual_reason), quote_nullable(e.device),
      quote_nullable(e.actor), quote_nullable(e.corrects_event_id), e.is_illegal_transition, e.is_out_of_order,
      quote_nullable(e.flag_reason)), 'UTF8');

-- The chain as a running aggregate: state = the previous link, starting from the unit's head.
create function custody_chain_step(previous bytea, head bytea, content bytea) returns bytea
  language sql immutable parallel safe
  return sha256(coalesce(previous, head, ''::bytea) || content);

create aggregate custody_chain_link(head bytea, content bytea) (
  sfunc = custody_chain_step,
  stype = bytea
);

create table custody_chain (
  unit_id     bigint not null,
  chain_seq   integer not null,          -- 1, 2, … per unit, in insertion order
  event_id    bigint not null,
  occurred_at timestamptz not null,      -- with unit_id and event_id: the event's primary key
  link        bytea not null             -- sha256(previous link || canonical event)
);
comment on table custody_chain is
  'Hash chain of each unit''s custody events (issue 8); written only by the custody event trigger, never changed.';

-- Existing history: chained in occurrence order (new events follow in insertion order).
insert into custody_chain (unit_id, chain_seq, event_id, occurred_at, link)
select e.unit_id, row_number() over w, e.id, e.occurred_at,
       custody_chain_link(null::bytea, custody_event_canonical(e)) over w
from custody_event e
window w as (partition by e.unit_id order by e.occurred_at, e.id rows between unbounded preceding and current row);

alter table custody_chain add primary key (unit_id, chain_seq);
create index custody_chain_event_idx on custody_chain using brin (event_id);

create trigger custody_chain_append_only
  before update or delete on custody_chain
  for each row execute function refuse_history_change();
create trigger custody_chain_no_truncate
  before truncate on custody_chain
  for each statement execute function refuse_history_change();

-- ---------------------------------------------------------------- anchors
-- An anchor hashes every link of a range of event ids, chained to the previous anchor. A unit's
-- chain could be rewritten consistently by someone with full control of the database; the anchors
-- cannot be, once their digests are kept outside it (verify prints the newest one to write down
-- or file with the integrity report).
create table custody_anchor (
  id            bigint generated always as identity primary key,
  anchored_at   timestamptz not null default now(),
  anchored_by   text not null default session_user,
  after_event_id bigint not null,         -- links of events with after_event_id < id <= up_to_event_id
  up_to_event_id bigint not null,
  link_count    bigint not null,
  previous_digest bytea,
  digest        bytea not null            -- sha256(previous digest || digest of the range's links)
);

-- Digest of the links of a range of event ids: sha256 over the sha256 of each block of 100,000 ids
-- (the links in event-id order), so no aggregate value grows beyond a few MB at any scale.
create function custody_links_digest(after_id bigint, up_to_id bigint, out link_count bigint, out digest bytea)
  language sql stable
  return (select row(coalesce(sum(n), 0)::bigint, sha256(coalesce(string_agg(d, ''::bytea order by block), ''::bytea)))
          from (select c.event_id / 100000 as block, count(*) as n,
                       sha256(string_agg(c.link, ''::bytea order by c.event_id)) as d
                from custody_chain c
                where c.event_id > after_id and c.event_id <= up_to_id
                group by 1) blocks);

-- Anchors everything written since the last anchor. The share lock waits for transactions that
-- are inserting events and holds new ones back while the range is fixed, so no event with a lower
-- id can commit into an anchored range afterwards. (Bulk loads that bring their own ids — the demo
-- generator — run before any anchor.)
create function anchor_custody_chain() returns custody_anchor
  language plpgsql security definer set search_path from current as $$
declare
  last custody_anchor;
  upto bigint;
  d record;
  result custody_anchor;
begin
  lock table custody_event in share mode;
  select * into last from custody_anchor order by id desc limit 1;
  select coalesce(max(event_id), 0) into upto from custody_chain
  where event_id > coalesce(last.up_to_event_id, 0);
  if upto = 0 then
    upto := coalesce(last.up_to_event_id, 0);
  end if;
  select * into d from custody_links_digest(coalesce(last.up_to_event_id, 0), upto);
  insert into custody_anchor (after_event_id, up_to_event_id, link_count, previous_digest, digest)
  values (coalesce(last.up_to_event_id, 0), upto, d.link_count, last.digest,
          sha256(coalesce(last.digest, ''::bytea) || d.digest))
  returning * into result;
  return result;
end $$;

create trigger custody_anchor_append_only
  before update or delete on custody_anchor
  for each row execute function refuse_history_change();

select anchor_custody_chain();

-- ---------------------------------------------------------------- the insert trigger
-- As V4, plus: the actor is the session user (only the bulk loader, the schema owner, may load
-- events with other actors, e.g. imports and demo data); a correction references an event of the
-- same unit; and each statement's events are linked into their units' chains, set-based.
-- Security definer: people only need INSERT on custody_event; the derived state and the chain
-- are written by the database. (session_user is still the person.)
create or replace function apply_events_to_units() returns trigger
  language plpgsql security definer set search_path from current as $$
declare
  units_touched bigint;
  units_updated bigint;
begin
  if exists (select 1 from new_events e
             where (e.from_location_id is not null and not exists (select 1 from location l where l.id = e.from_location_id))
                or (e.to_location_id is not null and not exists (select 1 from location l where l.id = e.to_location_id))
                or (e.source_party_id is not null and not exists (select 1 from party p where p.id = e.source_party_id))
                or (e.destination_party_id is not null and not exists (select 1 from party p where p.id = e.destination_party_id))) then
    raise exception 'custody event refers to an unknown location or party' using errcode = 'foreign_key_violation';
  end if;
  if not loads_history() and exists (select 1 from new_events e where e.actor is distinct from session_user) then
    raise exception 'the actor of a custody event is the signed-in person (%), not a value the client sends', session_user
      using errcode = 'insufficient_privilege';
  end if;
  if exists (select 1 from new_events n
             where n.corrects_event_id is not null
               and not exists (select 1 from custody_event c where c.id = n.corrects_event_id and c.unit_id = n.unit_id)) then
    raise exception 'a correction must reference an earlier event of the same unit' using errcode = 'foreign_key_violation';
  end if;

  -- Hash chain: the unit's newest link (one index probe per unit), then a running hash over the
  -- statement's events of that unit in id order. Two writers extending one unit's chain at once
  -- collide on the primary key (unit_id, chain_seq), so a chain can never fork.
  with numbered as (
    select e.unit_id, e.id, e.occurred_at, custody_event_canonical(e) as content,
           row_number() over (partition by e.unit_id order by e.id) as k
    from new_events e
  ), heads as (
    select t.unit_id, h.chain_seq, h.link
    from (select distinct unit_id from new_events) t
    left join lateral (select c.chain_seq, c.link from custody_chain c where c.unit_id = t.unit_id
                       order by c.chain_seq desc limit 1) h on true
  )
  insert into custody_chain (unit_id, chain_seq, event_id, occurred_at, link)
  select n.unit_id, coalesce(h.chain_seq, 0) + n.k, n.id, n.occurred_at, custody_chain_link(h.link, n.content) over w
  from numbered n join heads h on h.unit_id = n.unit_id
  window w as (partition by n.unit_id order by n.k rows between unbounded preceding and current row);

  with batch as (
    select distinct on (e.unit_id) e.unit_id, e.id, e.occurred_at, e.disposition, e.biz_step,
           count(*) over (partition by e.unit_id) as n,
           min(e.occurred_at) over (partition by e.unit_id) as first_at
    from new_events e
    order by e.unit_id, e.occurred_at desc, e.id desc
  ), setters as (
    -- one hashed pass: max over [time, id, value] picks the value of the latest event that sets it
    select e.unit_id,
           max(array[e.us, e.id, e.to_location_id])
             filter (where e.from_location_id is not null or e.to_location_id is not null) as placed,
           max(array[e.us, e.id, e.destination_party_id]) filter (where e.destination_party_id is not null) as held,
           max(array[e.us, e.id, case when e.biz_step = 'packing' then e.parent_unit_id end])
             filter (where e.biz_step in ('packing', 'unpacking')) as nested
    from (select n.*, (extract(epoch from n.occurred_at) * 1000000)::bigint as us from new_events n) e
    group by e.unit_id
  ), latest as (
    select b.*, s.placed, s.held, s.nested,
           o.last_event_at is null as fresh,
           (extract(epoch from o.last_event_at) * 1000000)::bigint as old_us, o.last_event_id as old_id,
           (o.last_event_at is null or (b.occurred_at, b.id) > (o.last_event_at, o.last_event_id)) as newer
    from batch b join setters s on s.unit_id = b.unit_id join unit o on o.id = b.unit_id
  )
  update unit u set
    event_count     = u.event_count + l.n,
    first_event_at  = least(u.first_event_at, l.first_at),
    status          = case when l.newer then l.disposition else u.status end,
    last_biz_step   = case when l.newer then l.biz_step else u.last_biz_step end,
    location_id     = case when l.placed is not null and (l.fresh or (l.placed[1], l.placed[2]) > (l.old_us, l.old_id))
                           then l.placed[3] else u.location_id end,
    holder_party_id = case when l.held is not null and (l.fresh or (l.held[1], l.held[2]) > (l.old_us, l.old_id))
                           then l.held[3] else u.holder_party_id end,
    parent_unit_id  = case when l.nested is not null and (l.fresh or (l.nested[1], l.nested[2]) > (l.old_us, l.old_id))
                           then l.nested[3] else u.parent_unit_id end,
    last_event_id   = case when l.newer then l.id else u.last_event_id end,
    last_event_at   = case when l.newer then l.occurred_at else u.last_event_at end
  from latest l
  where u.id = l.unit_id;
  get diagnostics units_updated = row_count;

  select count(*) into units_touched from (select distinct unit_id from new_events) touched;  -- hashed, no sort
  if units_updated <> units_touched then
    raise exception 'custody event for an unknown unit' using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

-- ---------------------------------------------------------------- verification
-- Every break in the chains of units first_unit..last_unit, recomputed from the events as they are
-- now (so changes made around the triggers, by a superuser, are found):
--   inserted  — an event without a link (written with triggers disabled)
--   deleted   — a link whose event is gone, a gap in a chain, or fewer events than the unit counted
--   reordered — the event's link is valid after another link of its unit, not after its predecessor
--   altered   — the event no longer hashes to its link (or a link itself was changed)
create function custody_chain_breaks(first_unit bigint, last_unit bigint)
  returns table (unit_id bigint, event_id bigint, chain_seq integer, kind text, detail text)
  language plpgsql stable security definer set search_path from current as $$
#variable_conflict use_column
begin
  -- plpgsql keeps the plan for the session: planning the join over every monthly partition
  -- costs more than verifying one unit's chain
  return query
  with links as (
    select c.unit_id, c.chain_seq, c.event_id, c.occurred_at, c.link,
           lag(c.chain_seq) over w as prev_seq, lag(c.link) over w as prev_link
    from custody_chain c
    where c.unit_id between first_unit and last_unit
    window w as (partition by c.unit_id order by c.chain_seq)
  ), events as (
    select e.id, e.unit_id, custody_event_canonical(e) as content
    from custody_event e
    where e.unit_id between first_unit and last_unit
  ), judged as (
    select coalesce(l.unit_id, e.unit_id) as unit_id, coalesce(l.event_id, e.id) as event_id, l.chain_seq,
           case
             when l.event_id is null then 'inserted'
             when e.id is null then 'deleted'
             when coalesce(l.prev_seq, 0) <> l.chain_seq - 1 then 'deleted'
             when sha256(coalesce(l.prev_link, ''::bytea) || e.content) = l.link then null
             when exists (select 1 from custody_chain o
                          where o.unit_id = l.unit_id and o.chain_seq <> l.chain_seq - 1
                            and sha256(o.link || e.content) = l.link)
                  or (l.chain_seq > 1 and sha256(e.content) = l.link) then 'reordered'
             else 'altered'
           end as kind,
           l.prev_seq, e.id is not null as event_present
    from links l
    full join events e on e.id = l.event_id and e.unit_id = l.unit_id
  )
  select j.unit_id, j.event_id, j.chain_seq, j.kind,
         case j.kind
           when 'inserted' then 'event ' || j.event_id || ' is not in the chain: it was written around the database''s triggers'
           when 'deleted' then case when j.event_present
                                    then 'chain positions ' || (coalesce(j.prev_seq, 0) + 1) || '–' || (j.chain_seq - 1)
                                         || ' are missing before event ' || j.event_id
                                    else 'event ' || j.event_id || ' (chain position ' || j.chain_seq || ') was deleted' end
           when 'reordered' then 'event ' || j.event_id || ' was moved from its place in the chain (position ' || j.chain_seq || ')'
           else 'event ' || j.event_id || ' no longer matches its hash: its content was changed after it was recorded'
         end
  from judged j
  where j.kind is not null
  union all
  -- the tail: events the unit counted beyond the last link (their links went with them)
  select u.id, null, null, 'deleted',
         (u.event_count - coalesce(c.last_seq, 0)) || ' event(s) at the end of the chain are missing (the unit counted '
           || u.event_count || ' events, the chain ends at position ' || coalesce(c.last_seq, 0) || ')'
  from unit u
  left join (select x.unit_id, max(x.chain_seq) as last_seq from custody_chain x
             where x.unit_id between first_unit and last_unit group by x.unit_id) c on c.unit_id = u.id
  where u.id between first_unit and last_unit and u.event_count > coalesce(c.last_seq, 0)
  order by 1, 3 nulls last, 2;
end $$;

-- Anchors whose links no longer hash to the recorded digest (links rewritten, added or removed).
create function custody_anchor_breaks()
  returns table (anchor_id bigint, anchored_at timestamptz, kind text, detail text)
  language sql stable security definer set search_path from current as $$
  select a.id, a.anchored_at,
         case when d.link_count > a.link_count then 'inserted'
              when d.link_count < a.link_count then 'deleted'
              else 'altered' end,
         'anchor ' || a.id || ' of ' || a.anchored_at || ' (events ' || (a.after_event_id + 1) || '–' || a.up_to_event_id
           || ', ' || a.link_count || ' links) no longer matches: ' || d.link_count || ' links now'
           || case when d.link_count = a.link_count then ', different content' else '' end
  from custody_anchor a
  cross join lateral custody_links_digest(a.after_event_id, a.up_to_event_id) d
  left join custody_anchor p on p.id = (select max(q.id) from custody_anchor q where q.id < a.id)
  where d.link_count <> a.link_count
     or sha256(coalesce(a.previous_digest, ''::bytea) || d.digest) <> a.digest
     or a.previous_digest is distinct from p.digest
  order by a.id
$$;

revoke execute on function anchor_custody_chain() from public;
grant execute on function anchor_custody_chain() to serialtrace_compliance, serialtrace_admin;
grant select on custody_chain, custody_anchor to serialtrace_viewer, serialtrace_quality, serialtrace_supervisor,
  serialtrace_compliance, serialtrace_admin;
