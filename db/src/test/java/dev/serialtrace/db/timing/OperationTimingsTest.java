package dev.serialtrace.db.timing;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.KpiQuery;
import dev.serialtrace.db.kpi.KpiValue;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitLookup;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.serialtrace.db.jooq.Tables.KPI_TIMING_DAILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Lookup and report timings: recorded in memory, written in batches, read back as the system KPIs. */
class OperationTimingsTest {
    private static final Clock MARCH_10 = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final KpiFilter MARCH = KpiFilter.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    @Test
    void lookupAndReportTimesAreTheKnownMediansAndP90sWithin5Percent() {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        OperationTimings timings = new OperationTimings(dsl, MARCH_10, 0);
        // 10 lookups: 5 × 0.1 ms, 4 × 0.2 ms, 1 × 5 ms → median 0.1 ms, p90 0.2 ms
        for (int i = 0; i < 5; i++) {
            timings.record(OperationTimings.Kind.LOOKUP, 100_000, true);
        }
        for (int i = 0; i < 4; i++) {
            timings.record(OperationTimings.Kind.LOOKUP, 200_000, true);
        }
        timings.record(OperationTimings.Kind.LOOKUP, 5_000_000, true);
        // reports: 1.5 s and 3 s generated, one failing after 40 s
        timings.record(OperationTimings.Kind.REPORT, 1_500_000_000L, true);
        timings.record(OperationTimings.Kind.REPORT, 3_000_000_000L, true);
        timings.record(OperationTimings.Kind.REPORT, 40_000_000_000L, false);
        assertThat(dsl.fetchCount(KPI_TIMING_DAILY)).isZero();   // nothing written before the batch
        timings.flush();
        timings.record(OperationTimings.Kind.LOOKUP, 100_000, true);   // a second batch adds to the same rows
        timings.close();

        Map<KpiCode, KpiValue> kpi = new KpiQuery(dsl).compute(MARCH).stream()
                .collect(Collectors.toMap(KpiValue::kpi, Function.identity()));
        KpiValue lookup = kpi.get(KpiCode.LOOKUP_TIME);
        assertThat(lookup.denominator()).isEqualTo(11);
        assertThat(lookup.value()).isCloseTo(100, within(5.0));    // microseconds
        assertThat(lookup.p90()).isCloseTo(200, within(10.0));
        assertThat(lookup.formattedValue()).isEqualTo("0.10 ms");
        KpiValue report = kpi.get(KpiCode.REPORT_TIME);
        assertThat(report.denominator()).isEqualTo(3);
        assertThat(report.value()).isCloseTo(3_000_000, within(150_000.0));
        assertThat(report.p90()).isCloseTo(40_000_000, within(2_000_000.0));
        KpiValue success = kpi.get(KpiCode.REPORT_SUCCESS);
        assertThat(success.numerator()).isEqualTo(2);
        assertThat(success.denominator()).isEqualTo(3);
        // other months see nothing; the rows are per day, not per lookup
        assertThat(new KpiQuery(dsl).compute(KpiFilter.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))).stream()
                .filter(v -> v.kpi() == KpiCode.LOOKUP_TIME).findFirst().orElseThrow().value()).isNull();
        assertThat(dsl.fetchCount(KPI_TIMING_DAILY)).isEqualTo(6);
    }

    @Test
    void everyLookupIsTimedFoundOrNot() {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        OperationTimings timings = new OperationTimings(dsl, MARCH_10, 0);
        UnitLookup lookup = new UnitLookup(dsl, ParserOptions.defaults(MARCH_10), timings);
        lookup.lookup("NO-SUCH-SERIAL-1");
        lookup.lookup("]C1 garbage");
        lookup.lookup("ABC123");
        timings.flush();
        assertThat(dsl.select(DSL.sum(KPI_TIMING_DAILY.N)).from(KPI_TIMING_DAILY)
                .where(KPI_TIMING_DAILY.KIND.eq("lookup"), KPI_TIMING_DAILY.DAY.eq(LocalDate.of(2026, 3, 10)))
                .fetchOne(0, Long.class)).isEqualTo(3);
    }

    @Test
    void bucketsAreTenPercentWide() {
        assertThat(OperationTimings.bucket(500)).isZero();
        assertThat(OperationTimings.bucket(1_000_000)).isEqualTo((short) 72);   // 1 ms: 1.1^72 ≈ 954 µs
        assertThat(Math.pow(1.1, OperationTimings.bucket(1_000_000) + 0.5)).isCloseTo(1000, within(50.0));
    }
}
