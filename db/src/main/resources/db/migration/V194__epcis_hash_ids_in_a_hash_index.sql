-- Cheaper EPCIS import (issue 9): no two imported events share a hash id, kept by a hash index (an
-- exclusion constraint) instead of the primary key's btree.
--
-- A hash id is a SHA-256 digest written out as ~80 characters of text, so every imported event went
-- into the btree at a random place, comparing its key with a dozen or more on the way down. At 2.3M
-- imported events the btree was 356 MB, more than shared_buffers, and a batch's inserts and duplicate
-- probes read ever more of it from outside the cache (per 5,000 events over a 1 GB document: COPY
-- 30 → 46 ms, probe 26 → 47 ms). A hash index keeps a 4-byte hash code per entry (81 MB at 2.3M) and
-- finds its bucket with one hash. Measured in docs/benchmarks.md (issue 9, eleventh follow-up).
--
-- Only equality reads hash_id (the importer's duplicate probe and its lookup of events declared in
-- error), which a hash index serves. The constraint refuses a second row with the same hash id as the
-- primary key did (SQLSTATE 23P01 instead of 23505; the importer finds duplicates before it writes, so
-- neither is expected).
-- Cost: the btree dropped and the hash index built over epcis_event, which holds imported events only
-- (7 s for 2.3M of them here, the conflict check included: about 4 minutes at 80M).

alter table epcis_event
  drop constraint epcis_event_pkey,
  alter column hash_id set not null,
  add constraint epcis_event_hash_id_unique exclude using hash (hash_id with =);
