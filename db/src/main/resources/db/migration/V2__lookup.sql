-- Lookup and search (issue 3).

-- Serials read by eye or OCR confuse 0/O, 1/I/L, 5/S, 8/B and 2/Z. Folding each group to its
-- digit makes "did you mean" one index probe per candidate key. Mirrors core SerialVariants.fold;
-- the argument is an already normalised serial (serial_norm).
create function fold_confusables(serial_norm text) returns text
  language sql immutable strict parallel safe
  return translate(serial_norm, 'OILSBZ', '011582');

create index unit_serial_folded_idx on unit (fold_confusables(serial_norm));

-- Prefix search (LIKE 'ABC%') needs pattern-ops btrees whatever the database collation is;
-- suffix and contains use the pg_trgm GIN indexes of V1.
create index unit_serial_norm_prefix_idx on unit (serial_norm text_pattern_ops);
create index unit_internal_id_prefix_idx on unit (internal_id text_pattern_ops);
create index lot_code_upper_prefix_idx on lot (upper(lot_code) text_pattern_ops);
create index lot_code_upper_trgm_idx on lot using gin (upper(lot_code) gin_trgm_ops);
