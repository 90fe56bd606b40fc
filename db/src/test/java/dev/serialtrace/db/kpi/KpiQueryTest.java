package dev.serialtrace.db.kpi;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every KPI of DOMAIN.md §7 on the hand-built {@link KpiFixture}, with the answers worked out by hand. */
class KpiQueryTest {
    static final KpiFilter MARCH = KpiFilter.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    static KpiFixture fx;
    static KpiQuery query;

    @BeforeAll
    static void build() {
        fx = new KpiFixture(TestDatabase.fresh());
        query = new KpiQuery(fx.dsl);
    }

    static Map<KpiCode, KpiValue> compute(KpiFilter f) {
        return query.compute(f).stream().collect(Collectors.toMap(KpiValue::kpi, Function.identity()));
    }

    static void ratio(KpiValue v, long numerator, long denominator, TrafficLight state) {
        assertThat(v.numerator()).as(v.code() + " numerator").isEqualTo(numerator);
        assertThat(v.denominator()).as(v.code() + " denominator").isEqualTo(denominator);
        assertThat(v.value()).as(v.code() + " value").isCloseTo((double) numerator / denominator, within(1e-9));
        assertThat(v.state()).as(v.code() + " state").isEqualTo(state);
    }

    @Test
    void everyKpiOfMarchHasItsKnownNumeratorAndDenominator() {
        Map<KpiCode, KpiValue> k = compute(MARCH);
        assertThat(k).hasSize(KpiCode.values().length);
        ratio(k.get(KpiCode.CAPTURE_AT_RECEIVING), 4, 5, TrafficLight.RED);     // L4 came in from the ASN only
        ratio(k.get(KpiCode.SCAN_RATIO), 7, 8, TrafficLight.RED);               // L3 typed at receiving
        ratio(k.get(KpiCode.DISPATCH_VERIFICATION), 2, 3, TrafficLight.RED);    // L2 left unverified
        ratio(k.get(KpiCode.AUDIT_ACCURACY), 1, 3, TrafficLight.RED);           // 1 matched of 2 expected + 1 unknown
        ratio(k.get(KpiCode.GREY_MARKET), 2, 6, TrafficLight.TREND);            // RMA-2 and WC-2 of 2 returns + 4 claims
        ratio(k.get(KpiCode.RETURN_AUTH_ACCURACY), 1, 2, TrafficLight.TREND);   // RMA-2 sent LT0002 for LT0001
        ratio(k.get(KpiCode.RETURN_RATE), 2, 3, TrafficLight.TREND);
        ratio(k.get(KpiCode.SYNC_SUCCESS), 2, 3, TrafficLight.TREND);

        KpiValue claims = k.get(KpiCode.CLAIM_TIME);   // decided after 60, 2880 and 4320 minutes
        assertThat(claims.denominator()).isEqualTo(3);
        assertThat(claims.value()).isEqualTo(2880.0);   // from the claim-time histogram (V123): exact, one claim per bucket
        assertThat(claims.p90()).isEqualTo(4320.0);
        assertThat(claims.formattedValue()).isEqualTo("2 d 0 h");

        KpiValue queries = k.get(KpiCode.QUERY_RESOLUTION);   // answered after 30 and 90 minutes
        assertThat(queries.denominator()).isEqualTo(2);
        assertThat(queries.value()).isEqualTo(30.0);
        assertThat(queries.p90()).isEqualTo(90.0);

        KpiValue loss = k.get(KpiCode.THEFT_LOSS);
        assertThat(loss.numerator()).isEqualTo(1);
        assertThat(loss.value()).isEqualTo(1.0);
        assertThat(k.get(KpiCode.DB_GROWTH).numerator()).isEqualTo(10);
    }

    @Test
    void aSiteOrCategoryFilterCountsOnlyItsOwnUnits() {
        Map<KpiCode, KpiValue> s2 = compute(new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null));
        ratio(s2.get(KpiCode.CAPTURE_AT_RECEIVING), 1, 1, TrafficLight.GREEN);
        ratio(s2.get(KpiCode.SCAN_RATIO), 2, 2, TrafficLight.GREEN);
        assertThat(s2.get(KpiCode.DISPATCH_VERIFICATION).state()).isEqualTo(TrafficLight.NO_DATA);
        assertThat(s2.get(KpiCode.AUDIT_ACCURACY).value()).isNull();
        assertThat(s2.get(KpiCode.DB_GROWTH).numerator()).isEqualTo(2);

        Map<KpiCode, KpiValue> electronics = compute(new KpiFilter(MARCH.from(), MARCH.to(), null, "electronics"));
        ratio(electronics.get(KpiCode.CAPTURE_AT_RECEIVING), 3, 4, TrafficLight.RED);
        ratio(electronics.get(KpiCode.SCAN_RATIO), 5, 6, TrafficLight.RED);
    }

    @Test
    void thePreviousPeriodIsTheSameLengthJustBefore() {
        KpiFilter prev = MARCH.previous();
        assertThat(prev.from()).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(prev.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        Map<KpiCode, KpiValue> k = compute(prev);
        assertThat(k.get(KpiCode.CAPTURE_AT_RECEIVING).state()).isEqualTo(TrafficLight.NO_DATA);
        assertThat(k.get(KpiCode.CLAIM_TIME).value()).isNull();
    }

    @Test
    void trafficLightsFollowTheTargetsOfTheDomain() {
        assertThat(KpiCode.SCAN_RATIO.judge(0.96)).isEqualTo(TrafficLight.GREEN);
        assertThat(KpiCode.SCAN_RATIO.judge(0.95)).isEqualTo(TrafficLight.AMBER);    // the target is "> 95 %"
        assertThat(KpiCode.SCAN_RATIO.judge(0.90)).isEqualTo(TrafficLight.RED);
        assertThat(KpiCode.CAPTURE_AT_RECEIVING.judge(1.0)).isEqualTo(TrafficLight.GREEN);
        assertThat(KpiCode.CAPTURE_AT_RECEIVING.judge(0.997)).isEqualTo(TrafficLight.AMBER);
        assertThat(KpiCode.AUDIT_ACCURACY.judge(0.9995)).isEqualTo(TrafficLight.GREEN);
        assertThat(KpiCode.AUDIT_ACCURACY.judge(0.999)).isEqualTo(TrafficLight.AMBER);
    }

    @Test
    void weeklyTrendHasEveryWeekOfThePeriod() {
        KpiTrend t = query.trend(KpiCode.CAPTURE_AT_RECEIVING, MARCH, KpiTrend.Bucket.WEEK);
        assertThat(t.points()).extracting(KpiPoint::start).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16),
                LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 30));
        assertThat(t.points().get(0).value()).isNull();
        assertThat(t.points().get(1).value()).isEqualTo(0.8);
        assertThat(t.points().get(1).end()).isEqualTo(LocalDate.of(2026, 3, 8));
        KpiTrend claims = query.trend(KpiCode.CLAIM_TIME, MARCH, KpiTrend.Bucket.WEEK);
        assertThat(claims.points().get(2).value()).isEqualTo(60.0);      // week of 9 March: WC-2 (60) and WC-1 (2880)
    }

    @Test
    void everyTileDrillsDownToTheSerialsBehindIt() {
        assertThat(serials(KpiCode.CAPTURE_AT_RECEIVING)).containsExactly("LT0009");
        assertThat(serials(KpiCode.SCAN_RATIO)).containsExactly("LT0003");
        assertThat(serials(KpiCode.DISPATCH_VERIFICATION)).containsExactly("LT0002");
        assertThat(query.drillDown(KpiCode.DISPATCH_VERIFICATION, MARCH, 10, 0).get(0).reference()).isEqualTo("OUT-1");
        assertThat(serials(KpiCode.THEFT_LOSS)).containsExactly("LT0003");
        assertThat(serials(KpiCode.AUDIT_ACCURACY)).containsExactly("LT0003");
        assertThat(serials(KpiCode.RETURN_AUTH_ACCURACY)).containsExactly("LT0002");
        assertThat(serials(KpiCode.RETURN_RATE)).containsExactly("LT0002", "LT0001");
        assertThat(serials(KpiCode.CLAIM_TIME)).containsExactly("LT0003", "LT0001", "LT0002");
        assertThat(serials(KpiCode.GREY_MARKET)).containsExactly("LT0002", "LT0002");
        assertThat(serials(KpiCode.QUERY_RESOLUTION)).containsExactly("LT0002", "LT0001");
        assertThat(serials(KpiCode.SYNC_SUCCESS)).isEmpty();
        // paging
        assertThat(query.drillDown(KpiCode.CLAIM_TIME, MARCH, 1, 1)).extracting(DrillRow::serial).containsExactly("LT0001");
        // a site filter hides the other site's serials
        assertThat(query.drillDown(KpiCode.SCAN_RATIO, new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null), 10, 0)).isEmpty();
    }

    private static List<String> serials(KpiCode code) {
        return query.drillDown(code, MARCH, 50, 0).stream().map(DrillRow::serial).toList();
    }
}
