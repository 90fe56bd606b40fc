-- EPCIS exchange (issue 9): what each imported EPCIS event became, so that importing the same
-- document again changes nothing, and the event exactly as received (lossless: fields custody
-- history has no column for, such as foreign read points, quantities, sensor reports, stay here).
-- A new, empty table: costs nothing at 10M units / 80M events.

create table epcis_event (
  hash_id           text primary key,          -- GS1 event hash id (ni:///sha-256;…?ver=CBV2.0)
  event_id          text,                      -- the eventID as the sender gave it, if any
  event_type        text not null,
  event_time        timestamptz not null,
  sync_id           bigint references sync_log,
  custody_event_ids bigint[] not null default '{}',
  payload           jsonb not null,
  imported_at       timestamptz not null default now()
);
create index epcis_event_event_id_idx on epcis_event (event_id) where event_id is not null;
create index epcis_event_sync_idx on epcis_event (sync_id);

comment on table epcis_event is
  'EPCIS events taken in by import; the custody events they produced; replays are recognised by hash_id or event_id.';
