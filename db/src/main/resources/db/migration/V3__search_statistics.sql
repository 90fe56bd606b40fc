-- Partial search (issue 3): with the default statistics target PostgreSQL guesses that a short,
-- common fragment ('%123%') matches a handful of serials and reads its whole trigram posting list
-- (tens of thousands of rows at 10M units). A finer histogram shows the fragment is common, and a
-- sequential scan that stops at the LIMIT takes a millisecond instead. Rare fragments still use
-- the trigram index.
alter table unit alter column serial_norm set statistics 1000;
alter table unit alter column internal_id set statistics 1000;
analyze unit;
