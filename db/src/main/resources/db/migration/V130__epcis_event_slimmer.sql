-- Faster EPCIS import (issue 9): fewer per-row costs on epcis_event.
--  * The foreign key to sync_log ran one lookup per imported event (a row trigger): ~20 µs of a
--    write path that has ~50 µs per event to spend. Every import writes its sync_log row before its
--    first batch and the column is never set otherwise, so the key guarded nothing an import could
--    get wrong, and no role may delete sync_log rows (V60 grants insert and update only).
--  * event_id is no longer stored when it equals the hash id (the importer's change: most senders,
--    and our own exports, use the GS1 event hash as eventID), so its index holds only the others.
-- Cost at 10M units / 80M events: dropping a constraint only (no rewrite, no scan); epcis_event
-- holds imported events only.
alter table epcis_event drop constraint epcis_event_sync_id_fkey;
comment on column epcis_event.event_id is
  'the eventID as the sender gave it, when it is not the hash id (then it is null: look it up in hash_id)';
