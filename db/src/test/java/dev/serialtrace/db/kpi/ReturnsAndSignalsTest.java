package dev.serialtrace.db.kpi;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.serialtrace.db.kpi.FraudSignal.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Returns analysis and fraud/leakage signals on the hand-built {@link KpiFixture}. */
class ReturnsAndSignalsTest {
    static final KpiFilter MARCH = KpiQueryTest.MARCH;
    static final KpiFilter APRIL = KpiFilter.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
    static KpiFixture fx;
    static ReturnsAnalysisQuery returns;
    static FraudSignalQuery signals;

    @BeforeAll
    static void build() {
        fx = new KpiFixture(TestDatabase.fresh());
        fx.aprilSignals();
        returns = new ReturnsAnalysisQuery(fx.dsl);
        signals = new FraudSignalQuery(fx.dsl);
    }

    @Test
    void returnRateByLotProductCustomerAndReason() {
        List<ReturnRate> lots = returns.by(ReturnsAnalysisQuery.Dimension.LOT, MARCH);
        assertThat(lots).extracting(ReturnRate::label).containsExactly("LT-14 lot LA", "LT-14 lot LB");
        assertThat(lots.get(0).shipped()).isEqualTo(2);
        assertThat(lots.get(0).returned()).isEqualTo(2);
        assertThat(lots.get(0).rate()).isEqualTo(1.0);
        assertThat(lots.get(1).rate()).isEqualTo(0.0);
        assertThat(lots.get(0).outlier()).isFalse();     // two units prove nothing

        List<ReturnRate> customers = returns.by(ReturnsAnalysisQuery.Dimension.CUSTOMER, MARCH);
        ReturnRate c1 = customers.stream().filter(r -> r.label().equals("Retail Europe BV")).findFirst().orElseThrow();
        assertThat(c1.shipped()).isEqualTo(3);
        assertThat(c1.returned()).isEqualTo(1);
        ReturnRate c2 = customers.stream().filter(r -> r.label().equals("Web Shop US Inc.")).findFirst().orElseThrow();
        assertThat(c2.shipped()).isZero();
        assertThat(c2.rate()).isNull();

        assertThat(returns.by(ReturnsAnalysisQuery.Dimension.PRODUCT, MARCH)).singleElement()
                .satisfies(r -> {
                    assertThat(r.label()).isEqualTo("LT-14 Laptop 14");
                    assertThat(r.rate()).isCloseTo(2.0 / 3, within(1e-9));
                });
        assertThat(returns.by(ReturnsAnalysisQuery.Dimension.REASON, MARCH)).extracting(ReturnRate::label)
                .containsExactlyInAnyOrder("dead on arrival", "wrong item");
        assertThat(returns.worstLots(MARCH, 1)).extracting(ReturnRate::label).containsExactly("LT-14 lot LA");
    }

    @Test
    void contiguousRangesOfReturnedSerialsAreFound() {
        List<SerialRange> ranges = returns.serialRanges(MARCH, 5, 2);
        assertThat(ranges).singleElement().satisfies(r -> {
            assertThat(r.firstSerial()).isEqualTo("LT0001");
            assertThat(r.lastSerial()).isEqualTo("LT0002");
            assertThat(r.rate().shipped()).isEqualTo(2);
            assertThat(r.rate().returned()).isEqualTo(2);
        });
        assertThat(returns.serialRanges(MARCH, 5, 3)).isEmpty();
    }

    @Test
    void outliersAreJudgedAgainstTheirSizeNotAFixedThreshold() {
        double pooled = 0.02;
        ReturnRate bigLot = ReturnsAnalysisQuery.rate(1L, "big", 500, 30, pooled);       // 6 %, z ≈ 6.4
        ReturnRate smallLot = ReturnsAnalysisQuery.rate(2L, "small", 10, 1, pooled);     // 10 %, z ≈ 1.8
        assertThat(bigLot.outlier()).isTrue();
        assertThat(smallLot.outlier()).isFalse();
        assertThat(smallLot.rate()).isGreaterThan(bigLot.rate());
        double[] ci = ReturnsAnalysisQuery.wilson(5, 10);
        assertThat(ci[0]).isCloseTo(0.2366, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.7634, within(1e-4));
    }

    @Test
    void marchSignalsListTheirEvidence() {
        List<FraudSignal> march = signals.signals(MARCH, 100);
        assertThat(march).extracting(FraudSignal::reference, FraudSignal::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("WC-3", CLAIM_NEVER_SOLD),
                org.assertj.core.groups.Tuple.tuple("WC-4", CLAIM_NEVER_SOLD),
                org.assertj.core.groups.Tuple.tuple("WC-2", CLAIM_OTHER_CUSTOMER),
                org.assertj.core.groups.Tuple.tuple("RMA-2", RETURN_OTHER_REGION));
        FraudSignal other = march.stream().filter(s -> s.reference().equals("WC-2")).findFirst().orElseThrow();
        assertThat(other.evidence()).contains("Web Shop US Inc.").contains("shipped to Retail Europe BV").contains("OUT-1");
        FraudSignal unknown = march.stream().filter(s -> s.reference().equals("WC-3")).findFirst().orElseThrow();
        assertThat(unknown.unitId()).isNull();
        assertThat(unknown.evidence()).contains("FAKE123").contains("unknown to us");
        FraudSignal grey = march.stream().filter(s -> s.reference().equals("RMA-2")).findFirst().orElseThrow();
        assertThat(grey.evidence()).contains("US-East").contains("EU-West");
    }

    @Test
    void aprilHasANeverShippedReturnAndTwoClones() {
        List<FraudSignal> april = signals.signals(APRIL, 100);
        assertThat(april).extracting(FraudSignal::kind).containsExactlyInAnyOrder(RETURN_NEVER_SHIPPED, CLONE, CLONE);
        assertThat(april).filteredOn(s -> s.kind() == CLONE).extracting(FraudSignal::serial)
                .containsExactlyInAnyOrder("LT0100", "LT0101");
        FraudSignal clone = april.stream().filter(s -> "LT0101".equals(s.serial())).findFirst().orElseThrow();
        assertThat(clone.evidence()).contains("seen at S1").contains("at S2").contains("00:30:00");
        assertThat(april).filteredOn(s -> s.kind() == RETURN_NEVER_SHIPPED).extracting(FraudSignal::serial)
                .containsExactly("PU0001");
    }
}
