-- EPCIS import speed (issue 9): the event as received is stored as text, not jsonb. Nothing reads
-- it as jsonb (it is the lossless record of what a partner sent; export is built from custody
-- history), and parsing ~500 bytes of JSON into jsonb for each imported event was one of the
-- largest server costs of an import (15–25 µs per event). Text keeps the event exactly as the
-- importer serialised it (jsonb re-ordered keys and dropped duplicates); any reader can still
-- cast it (payload::jsonb).
-- Cost at 10M units / 80M events: a rewrite of epcis_event, which holds imported events only
-- (none in a demo database; about a minute per 2 million imported events, under an exclusive lock).
alter table epcis_event alter column payload type text using payload::text;
comment on column epcis_event.payload is 'the EPCIS event as received, JSON text (cast to jsonb to query it)';
