package dev.serialtrace.db.epcis;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY's binary format as BinaryCopyBuffer writes it (through CopyRows, as the import sends it), read back by PostgreSQL itself: every type the import sends. */
class CopyRowsBinaryTest {

    @Test
    void theServerReadsBackEveryValueAsWritten() throws Exception {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create type step as enum ('receiving', 'storing')");
            s.execute("create table t (id bigint, at timestamptz, label text, step step, doc jsonb, flag boolean, ids bigint[])");
            OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 8, 30, 15, 123_456_000, ZoneOffset.ofHours(1));
            OffsetDateTime before2000 = OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC);
            CopyRows rows = CopyRows.binary("t", "id, at, label, step, doc, flag, ids", 64);   // small: the buffer must grow
            rows.row(7).int8(1L).time(at).text("Zürich \t tab \\ backslash").text("storing")
                    .jsonb("[{\"type\":\"po\",\"id\":\"PO-1\"}]").bool(true).int8Array(new long[] {7, -8, Long.MAX_VALUE});
            rows.row(7).int8(null).time(before2000).text(null).text("receiving").jsonb(null).bool(false).int8Array(new long[0]);
            assertThat(rows.copy(c)).isEqualTo(2);

            try (ResultSet r = s.executeQuery("select id, extract(epoch from at)::numeric, label, step::text, doc::text, flag,"
                    + " ids::text from t order by at")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getObject(1)).isNull();
                assertThat(r.getBigDecimal(2)).isEqualByComparingTo("946684799.999999");
                assertThat(r.getString(3)).isNull();
                assertThat(r.getString(4)).isEqualTo("receiving");
                assertThat(r.getString(5)).isNull();
                assertThat(r.getBoolean(6)).isFalse();
                assertThat(r.getString(7)).isEqualTo("{}");
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(1);
                assertThat(r.getBigDecimal(2)).isEqualByComparingTo(at.toEpochSecond() + ".123456");
                assertThat(r.getString(3)).isEqualTo("Zürich \t tab \\ backslash");
                assertThat(r.getString(4)).isEqualTo("storing");
                assertThat(r.getString(5)).isEqualTo("[{\"id\": \"PO-1\", \"type\": \"po\"}]");
                assertThat(r.getBoolean(6)).isTrue();
                assertThat(r.getString(7)).isEqualTo("{7,-8," + Long.MAX_VALUE + "}");
                assertThat(r.next()).isFalse();
            }
        }
    }
}
