package dev.serialtrace.db.kpi;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** V191's kpi_shift (the hour read once) names the same shift as V80's for every quarter hour, in every zone a site can have. */
class KpiShiftTest {

    @Test
    void everyQuarterHourFallsInTheSameShiftAsBefore() throws Exception {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     with t as (select at, zone
                                from generate_series(timestamptz '2026-03-28 00:00Z', timestamptz '2026-03-31 00:00Z',
                                                     interval '15 minutes') at
                                cross join unnest(array[null, 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) zone)
                     select count(*),
                            count(*) filter (where kpi_shift(at, zone) is distinct from
                              case when extract(hour from at at time zone coalesce(zone, 'UTC')) between 6 and 13 then 'early'
                                   when extract(hour from at at time zone coalesce(zone, 'UTC')) between 14 and 21 then 'late'
                                   else 'night' end),
                            count(distinct kpi_shift(at, zone))
                     from t""")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(289 * 5);   // three days (Berlin's switch to summer time among them), five zones
            assertThat(r.getLong(2)).as("quarter hours whose shift changed").isZero();
            assertThat(r.getLong(3)).isEqualTo(3);
        }
    }
}
