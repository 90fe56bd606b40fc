-- Less work per new unit (issue 9: EPCIS import speed; the demo generator and receiving write units
-- too): unit_serial_idx, a btree on the raw serial as captured (V1), is dropped. Every lookup, search
-- and uniqueness rule reads serial_norm (V1's normalize_serial: case, spaces and hyphens never tell two
-- serials apart), which has its own indexes; nothing filters, joins or sorts on the raw serial through
-- an index (a kit's members are sorted in memory after their parent's index finds them). The index
-- still cost one entry per new unit: 20,000 per 100,000 imported events of the benchmark's document.
-- Cost at 10M units: an index dropped (no data read or written).

drop index unit_serial_idx;
