-- Issue 5: serials captured from quantity stock during an audit are audit scans like any other, so
-- they are journaled on the client and stored exactly once (by client scan id) with the unit they
-- created. Cost at 10M units: none (audit_scan is small; a nullable column is a catalogue change).
alter type scan_classification add value if not exists 'retrofitted';

alter table audit_scan add column stock_id bigint references stock;
comment on column audit_scan.stock_id is
  'A retrofitted scan: the quantity stock its serial was captured from (the new unit is unit_id).';
