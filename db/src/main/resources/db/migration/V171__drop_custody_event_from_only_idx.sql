-- V121's partial index served only the capture-mix drill-down's reading of custody_event by from-location,
-- which V170 replaced by kpi_capture_event. Dropping it takes an index entry per location-less event off
-- the write path. Cost: a catalogue change and the index's files removed (no rows read).
drop index custody_event_from_only_idx;
