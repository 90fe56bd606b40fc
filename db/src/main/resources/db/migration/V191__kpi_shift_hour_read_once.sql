-- A capture's shift (issue 9: EPCIS import speed; every custody event insert computes it for the
-- KPI counts). V80's kpi_shift converted the time to the zone and extracted the hour up to four
-- times (once per bound it compared); now once, as an index into the day's 24 hours. Same result
-- for every hour: 06–13 early, 14–21 late, 22–05 night. Still an inlinable SQL expression.
-- Cost: replaces one function (no data read or written).
create or replace function kpi_shift(at timestamptz, zone text) returns text
  language sql stable parallel safe
  return (array['night', 'night', 'night', 'night', 'night', 'night',
                'early', 'early', 'early', 'early', 'early', 'early', 'early', 'early',
                'late', 'late', 'late', 'late', 'late', 'late', 'late', 'late',
                'night', 'night'])[date_part('hour', at at time zone coalesce(zone, 'UTC'))::int + 1];
