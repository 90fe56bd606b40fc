package dev.serialtrace.db.kpi;

import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.ClaimOutcome;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.jooq.enums.LocationKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.RETURN_AUTHORISATION;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static dev.serialtrace.db.jooq.Tables.WARRANTY_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The operations charts on the hand-built {@link KpiFixture} (March 2026), answers worked out by hand. */
class KpiChartsTest {
    static final KpiFilter MARCH = KpiQueryTest.MARCH;
    static KpiFixture fx;
    static KpiChartsQuery charts;

    static final KpiFilter SEPTEMBER = KpiFilter.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));

    @BeforeAll
    static void build() {
        fx = new KpiFixture(TestDatabase.fresh());
        charts = new KpiChartsQuery(fx.dsl);
        zoneLosses();
    }

    /**
     * September 2026, losses in zones below the sites: S1/Z (shelf S1/Z/01) loses LZ01 (lost) and LZ02
     * (stolen), both recorded leaving the shelf (from-location only, as an audit's "mark lost" does); S1/Y
     * loses LZ03 on its shelf; S2/Z loses the pump PZ01 ("medical"); LZ05 is lost with no location at
     * all (site S1 from where the unit was); LZ04 is lost in S1/Z in October (outside the period).
     */
    private static void zoneLosses() {
        long s1z = location(fx.s1, "S1/Z", LocationKind.zone, "Zone Z");
        long s1z01 = location(fx.s1, "S1/Z/01", LocationKind.shelf, null);
        location(fx.s1, "S1/Y", LocationKind.zone, "Zone Y");
        long s1y01 = location(fx.s1, "S1/Y/01", LocationKind.shelf, null);
        long s2z01 = location(fx.s2, "S2/Z/01", LocationKind.shelf, null);
        long lz01 = unit(fx.laptop, "LZ01");
        long lz02 = unit(fx.laptop, "LZ02");
        long lz03 = unit(fx.laptop, "LZ03");
        long lz04 = unit(fx.laptop, "LZ04");
        long lz05 = unit(fx.laptop, "LZ05");
        long pz01 = unit(fx.pump, "PZ01");
        for (long u : new long[]{lz01, lz02, lz04}) {
            event(u, at(9, 1, 9), BizStep.storing, Disposition.sellable_accessible, null, s1z01);
        }
        event(lz03, at(9, 1, 9), BizStep.storing, Disposition.sellable_accessible, null, s1y01);
        event(lz05, at(9, 1, 9), BizStep.storing, Disposition.sellable_accessible, null, s1y01);
        event(pz01, at(9, 2, 9), BizStep.storing, Disposition.sellable_accessible, null, s2z01);
        event(lz01, at(9, 10, 10), BizStep.cycle_counting, Disposition.unknown, s1z01, null);
        event(lz02, at(9, 12, 10), BizStep.cycle_counting, Disposition.stolen, s1z01, null);
        event(lz03, at(9, 15, 10), BizStep.cycle_counting, Disposition.unknown, null, s1y01);
        event(pz01, at(9, 20, 10), BizStep.cycle_counting, Disposition.unknown, s2z01, null);
        event(lz05, at(9, 25, 10), BizStep.cycle_counting, Disposition.unknown, null, null);
        event(lz04, at(10, 5, 10), BizStep.cycle_counting, Disposition.unknown, s1z01, null);
        assertThat(s1z).isPositive();
    }

    private static OffsetDateTime at(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
    }

    private static long location(long site, String path, LocationKind kind, String name) {
        return fx.dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH, LOCATION.NAME)
                .values(site, kind, path.substring(path.lastIndexOf('/') + 1), path, name)
                .returning(LOCATION.ID).fetchOne().getId();
    }

    private static long nextUnit = 900;

    private static long unit(long product, String serial) {
        long maker = fx.dsl.select(PRODUCT.MANUFACTURER_ID).from(PRODUCT).where(PRODUCT.ID.eq(product)).fetchOne().value1();
        return fx.dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL)
                .values(InternalUnitId.format(nextUnit++), product, maker, serial).returning(UNIT.ID).fetchOne().getId();
    }

    private static void event(long unit, OffsetDateTime at, BizStep step, Disposition disposition, Long from, Long to) {
        fx.dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit)
                .set(CUSTODY_EVENT.OCCURRED_AT, at)
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC")
                .set(CUSTODY_EVENT.BIZ_STEP, step)
                .set(CUSTODY_EVENT.DISPOSITION, disposition)
                .set(CUSTODY_EVENT.FROM_LOCATION_ID, from)
                .set(CUSTODY_EVENT.TO_LOCATION_ID, to)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, step == BizStep.storing ? CaptureMethod.scan : CaptureMethod.system)
                .execute();
    }

    /**
     * The tiles read returns and claims from kpi_daily (V123), kept by triggers on the fact tables, which
     * are recomputed in place: a claim decided later, and a return received later, move between days.
     */
    @Test
    void tilesFollowClaimsAndReturnsAsTheyAreDecidedAndReceived() {
        KpiQuery kpi = new KpiQuery(fx.dsl);
        KpiFilter november = KpiFilter.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        long claim = fx.dsl.insertInto(WARRANTY_CLAIM, WARRANTY_CLAIM.CLAIM_NUMBER, WARRANTY_CLAIM.UNIT_ID,
                        WARRANTY_CLAIM.CLAIMED_SERIAL, WARRANTY_CLAIM.CLAIMANT_ID, WARRANTY_CLAIM.OPENED_AT, WARRANTY_CLAIM.OUTCOME)
                .values("WC-11", fx.l1, "LT0001", fx.c1, at(11, 2, 8), ClaimOutcome.pending)
                .returning(WARRANTY_CLAIM.ID).fetchOne().getId();
        long rma = fx.dsl.insertInto(RETURN_AUTHORISATION, RETURN_AUTHORISATION.RMA_NUMBER, RETURN_AUTHORISATION.CUSTOMER_ID,
                        RETURN_AUTHORISATION.AUTHORISED_UNIT_ID, RETURN_AUTHORISATION.AUTHORISED_SERIAL, RETURN_AUTHORISATION.REASON,
                        RETURN_AUTHORISATION.OPENED_AT)
                .values("RMA-11", fx.c1, fx.l1, "LT0001", "noisy fan", at(11, 2, 9))
                .returning(RETURN_AUTHORISATION.ID).fetchOne().getId();
        KpiValue time = value(kpi, november, KpiCode.CLAIM_TIME);
        assertThat(time.denominator()).isZero();
        assertThat(time.value()).isNull();
        assertThat(value(kpi, november, KpiCode.RETURN_AUTH_ACCURACY).denominator()).isZero();   // authorised, not received

        fx.dsl.update(WARRANTY_CLAIM).set(WARRANTY_CLAIM.DECIDED_AT, at(11, 5, 8)).set(WARRANTY_CLAIM.OUTCOME, ClaimOutcome.approved)
                .where(WARRANTY_CLAIM.ID.eq(claim)).execute();
        fx.dsl.update(RETURN_AUTHORISATION).set(RETURN_AUTHORISATION.RECEIVED_AT, at(11, 6, 9))
                .set(RETURN_AUTHORISATION.RECEIVED_UNIT_ID, fx.l2).set(RETURN_AUTHORISATION.RECEIVED_SERIAL, "LT0002")
                .where(RETURN_AUTHORISATION.ID.eq(rma)).execute();
        time = value(kpi, november, KpiCode.CLAIM_TIME);
        assertThat(time.denominator()).isEqualTo(1);
        assertThat(time.value()).isEqualTo(3 * 1440.0);   // 3 days
        KpiValue accuracy = value(kpi, november, KpiCode.RETURN_AUTH_ACCURACY);
        assertThat(accuracy.numerator()).isZero();   // LT0002 came back for LT0001
        assertThat(accuracy.denominator()).isEqualTo(1);

        // decided again a day later: the claim moves, nothing is counted twice
        fx.dsl.update(WARRANTY_CLAIM).set(WARRANTY_CLAIM.DECIDED_AT, at(11, 6, 8)).where(WARRANTY_CLAIM.ID.eq(claim)).execute();
        time = value(kpi, november, KpiCode.CLAIM_TIME);
        assertThat(time.denominator()).isEqualTo(1);
        assertThat(time.value()).isEqualTo(4 * 1440.0);
        assertThat(value(kpi, KpiFilter.of(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5)), KpiCode.CLAIM_TIME)
                .denominator()).isZero();
        // and the whole-month read (roll-up) agrees with the day read
        assertThat(value(kpi, november, KpiCode.CLAIM_TIME).denominator())
                .isEqualTo(value(kpi, KpiFilter.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 29)), KpiCode.CLAIM_TIME).denominator());
    }

    private static KpiValue value(KpiQuery kpi, KpiFilter f, KpiCode code) {
        return kpi.compute(f).stream().filter(v -> v.code().equals(code.name())).findFirst().orElseThrow();
    }

    @Test
    void lossesByZoneCountTheUnitsLostInEachZoneOfEachSite() {
        assertThat(charts.lossZones(SEPTEMBER))
                .extracting(LossZoneBar::label, LossZoneBar::zoneName, LossZoneBar::units)
                .containsExactly(tuple("S1/Z", "Zone Z", 2L), tuple("S1, no location", "no location", 1L),
                        tuple("S1/Y", "Zone Y", 1L), tuple("S2/Z", "Z", 1L));
        assertThat(charts.lossZones(new KpiFilter(SEPTEMBER.from(), SEPTEMBER.to(), fx.s2, null)))
                .extracting(LossZoneBar::label, LossZoneBar::units).containsExactly(tuple("S2/Z", 1L));
        assertThat(charts.lossZones(new KpiFilter(SEPTEMBER.from(), SEPTEMBER.to(), null, "medical")))
                .extracting(LossZoneBar::label).containsExactly("S2/Z");
        assertThat(charts.lossZones(new KpiFilter(SEPTEMBER.from(), SEPTEMBER.to(), null, "electronics")))
                .extracting(LossZoneBar::label).containsExactly("S1/Z", "S1, no location", "S1/Y");
        assertThat(charts.lossZones(KpiFilter.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14))))
                .extracting(LossZoneBar::label, LossZoneBar::units).containsExactly(tuple("S1/Z", 2L));
        assertThat(charts.lossZones(KpiFilter.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31))))
                .extracting(LossZoneBar::label, LossZoneBar::units).startsWith(tuple("S1/Z", 3L));
        // March: the fixture's one loss, on shelf S1/A1 directly below the site
        assertThat(charts.lossZones(MARCH)).extracting(LossZoneBar::label, LossZoneBar::units).containsExactly(tuple("S1/A1", 1L));
        // the zones add up to the theft-and-loss KPI
        assertThat(charts.lossZones(SEPTEMBER).stream().mapToLong(LossZoneBar::units).sum())
                .isEqualTo(new KpiQuery(fx.dsl).compute(SEPTEMBER).stream().filter(v -> v.code().equals("THEFT_LOSS"))
                        .findFirst().orElseThrow().numerator());
    }

    @Test
    void aZoneBarDrillsDownToTheUnitsLostThereNewestFirst() {
        LossZoneBar s1z = zone(SEPTEMBER, "S1/Z");
        assertThat(charts.drillDown(s1z, SEPTEMBER, 50, 0)).extracting(DrillRow::serial).containsExactly("LZ02", "LZ01");
        assertThat(charts.drillDown(s1z, SEPTEMBER, 1, 1)).extracting(DrillRow::serial).containsExactly("LZ01");
        assertThat(charts.drillDown(s1z, KpiFilter.of(LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 30)), 50, 0))
                .extracting(DrillRow::serial).containsExactly("LZ02");
        assertThat(charts.drillDown(s1z, new KpiFilter(SEPTEMBER.from(), SEPTEMBER.to(), null, "medical"), 50, 0)).isEmpty();
        List<DrillRow> stolen = charts.drillDown(s1z, SEPTEMBER, 1, 0);
        assertThat(stolen.get(0).what()).contains("stolen");
        assertThat(stolen.get(0).eventId()).isNotNull();
        assertThat(charts.drillDown(zone(SEPTEMBER, "S1, no location"), SEPTEMBER, 50, 0))
                .extracting(DrillRow::serial).containsExactly("LZ05");
        assertThat(charts.drillDown(zone(SEPTEMBER, "S2/Z"), SEPTEMBER, 50, 0)).extracting(DrillRow::serial).containsExactly("PZ01");
    }

    private static LossZoneBar zone(KpiFilter f, String label) {
        return charts.lossZones(f).stream().filter(z -> z.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void captureMixCountsEveryEventByStationShiftAndMethod() {
        // S1: receipts at dock D1 at 09:00 (2 scanned, L3 typed, L4 from the ASN), put away on A1 at 12:00 (3 scans),
        // L3 marked lost on A1 at 16:00 (system); S2: the pump received on D2 and stored on B2 (scans, 09:00 / 12:00)
        assertThat(charts.captureMix(MARCH))
                .extracting(CaptureMixCell::station, CaptureMixCell::shift, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(
                        tuple("A1", Shift.EARLY, "scan", 3L), tuple("A1", Shift.LATE, "system", 1L),
                        tuple("B2", Shift.EARLY, "scan", 1L),
                        tuple("D1", Shift.EARLY, "import", 1L), tuple("D1", Shift.EARLY, "manual", 1L),
                        tuple("D1", Shift.EARLY, "scan", 2L),
                        tuple("D2", Shift.EARLY, "scan", 1L));
        assertThat(charts.captureMix(new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null)))
                .extracting(CaptureMixCell::station).containsExactly("B2", "D2");
        assertThat(charts.captureMix(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical")))
                .extracting(CaptureMixCell::station).containsExactly("B2", "D2");
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)))).isEmpty();
    }

    @Test
    void aPeriodCuttingMonthsCountsOnlyItsOwnDays() {
        // Feb 10 – Mar 20: February as its month less Feb 1–9, March as its month less Mar 21–31 (L3 lost on the 25th)
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 20))))
                .extracting(CaptureMixCell::station, CaptureMixCell::shift, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(
                        tuple("A1", Shift.EARLY, "scan", 3L),
                        tuple("B2", Shift.EARLY, "scan", 1L),
                        tuple("D1", Shift.EARLY, "import", 1L), tuple("D1", Shift.EARLY, "manual", 1L),
                        tuple("D1", Shift.EARLY, "scan", 2L),
                        tuple("D2", Shift.EARLY, "scan", 1L));
        // Mar 3 – 24 (the month less Mar 1–2 and 25–31): only the pump's two scans of the 3rd
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 24))))
                .extracting(CaptureMixCell::station, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(tuple("B2", "scan", 1L), tuple("D2", "scan", 1L));
        // Mar 25 – Apr 5 (days only): the loss; Feb 25 – Mar 2 (days of each month): the receipts and put-away of the 2nd
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 5))))
                .extracting(CaptureMixCell::station, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(tuple("A1", "system", 1L));
        assertThat(charts.captureMix(KpiFilter.of(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 2))))
                .extracting(CaptureMixCell::station, CaptureMixCell::method, CaptureMixCell::captures)
                .containsExactly(tuple("A1", "scan", 3L), tuple("D1", "import", 1L), tuple("D1", "manual", 1L), tuple("D1", "scan", 2L));
    }

    @Test
    void theTypedSegmentOfACaptureMixBarDrillsDownToTheTypedCapturesOfThatStationAndShift() {
        CaptureMixCell d1Early = segment("D1", Shift.EARLY, "manual");
        List<DrillRow> rows = charts.drillDown(d1Early, MARCH, 50, 0);
        assertThat(rows).extracting(DrillRow::serial, DrillRow::reference).containsExactly(tuple("LT0003", "label damaged"));
        assertThat(rows.get(0).eventId()).isNotNull();
        assertThat(rows.get(0).what()).contains("S1/D1").contains("early shift");
        assertThat(charts.drillDown(new CaptureMixCell("A1", "", Shift.EARLY, "manual", 0), MARCH, 50, 0)).isEmpty();   // scans only
        assertThat(charts.drillDown(d1Early, new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null), 50, 0)).isEmpty();
        assertThat(charts.drillDown(new CaptureMixCell("D1", "", Shift.LATE, "manual", 0), MARCH, 50, 0)).isEmpty();
    }

    @Test
    void aCaptureMixSegmentDrillsDownToTheEventsOfItsMethod() {
        // D1 early: L1, L2 scanned, L4 imported from the ASN, L3 typed; A1 early: three scans; A1 late: L3 marked lost (system)
        assertThat(charts.drillDown(segment("D1", Shift.EARLY, "scan"), MARCH, 50, 0))
                .extracting(DrillRow::serial).containsExactlyInAnyOrder("LT0001", "LT0002");
        assertThat(charts.drillDown(segment("D1", Shift.EARLY, "import"), MARCH, 50, 0))
                .extracting(DrillRow::serial).containsExactly("LT0009");
        assertThat(charts.drillDown(segment("D1", Shift.EARLY, "manual"), MARCH, 50, 0))
                .extracting(DrillRow::serial).containsExactly("LT0003");
        List<DrillRow> lost = charts.drillDown(segment("A1", Shift.LATE, "system"), MARCH, 50, 0);
        assertThat(lost).extracting(DrillRow::serial).containsExactly("LT0003");
        assertThat(lost.get(0).what()).contains("S1/A1").contains("late shift");
        for (String method : List.of("scan", "import", "manual", "system")) {
            for (CaptureMixCell c : charts.captureMix(MARCH)) {
                if (c.method().equals(method)) {
                    List<DrillRow> rows = charts.drillDown(c, MARCH, 50, 0);
                    assertThat(rows).as(c.toString()).hasSize((int) c.captures());   // every event of the cell, no other
                    assertThat(methodsOf(rows)).as(c.toString()).containsOnly(method);
                }
            }
        }
        // paged newest first; the filters apply
        CaptureMixCell a1Scans = segment("A1", Shift.EARLY, "scan");
        assertThat(charts.drillDown(a1Scans, MARCH, 2, 0)).hasSize(2);
        assertThat(charts.drillDown(a1Scans, MARCH, 2, 2)).hasSize(1);
        assertThat(charts.drillDown(a1Scans, new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null), 50, 0)).isEmpty();
        assertThat(charts.drillDown(a1Scans, new KpiFilter(MARCH.from(), MARCH.to(), null, "medical"), 50, 0)).isEmpty();
        assertThat(charts.drillDown(segment("D2", Shift.EARLY, "scan"), new KpiFilter(MARCH.from(), MARCH.to(), null, "medical"), 50, 0))
                .extracting(DrillRow::serial).containsExactly("PU0001");
        assertThat(charts.drillDown(new CaptureMixCell("D1", "", Shift.NIGHT, "scan", 0), MARCH, 50, 0)).isEmpty();
    }

    private static List<String> methodsOf(List<DrillRow> rows) {
        return rows.stream().map(r -> fx.dsl.select(CUSTODY_EVENT.CAPTURE_METHOD).from(CUSTODY_EVENT)
                .where(CUSTODY_EVENT.ID.eq(r.eventId())).fetchOne(CUSTODY_EVENT.CAPTURE_METHOD).getLiteral()).toList();
    }

    private static CaptureMixCell segment(String station, Shift shift, String method) {
        return charts.captureMix(MARCH).stream()
                .filter(c -> c.station().equals(station) && c.shift() == shift && c.method().equals(method))
                .findFirst().orElseThrow();
    }

    @Test
    void lossesArePerSiteAndBucketWithEveryBucketOfThePeriod() {
        List<LossBar> bars = charts.losses(MARCH);
        assertThat(bars).hasSize(31);   // daily buckets for a month; only S1 lost anything
        assertThat(bars).filteredOn(b -> b.units() > 0)
                .extracting(LossBar::from, LossBar::site, LossBar::units)
                .containsExactly(tuple(LocalDate.of(2026, 3, 25), "S1", 1L));
        LossBar loss = bars.stream().filter(b -> b.units() > 0).findFirst().orElseThrow();
        assertThat(charts.drillDown(loss, MARCH, 50, 0)).extracting(DrillRow::serial).containsExactly("LT0003");
        LossBar dayBefore = bars.get(23);
        assertThat(dayBefore.from()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(charts.drillDown(dayBefore, MARCH, 50, 0)).isEmpty();

        KpiFilter quarter = KpiFilter.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));   // 181 days: weeks
        assertThat(charts.losses(quarter)).filteredOn(b -> b.units() > 0)
                .extracting(LossBar::from, LossBar::to).containsExactly(tuple(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 29)));
        assertThat(charts.losses(new KpiFilter(MARCH.from(), MARCH.to(), fx.s2, null))).isEmpty();
        assertThat(charts.losses(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical"))).isEmpty();
    }

    @Test
    void claimTimesFallIntoTheirBinsAndEachBinDrillsDown() {
        // decided in March: WC-2 after 1 hour, WC-1 after 2 days, WC-4 after 3 days (WC-3 is pending)
        List<ClaimTimeBin> bins = charts.claimTimes(MARCH);
        assertThat(bins).extracting(ClaimTimeBin::label).containsExactly(
                "< 1 d", "1–2 d", "2–3 d", "3–5 d", "5–7 d", "7–10 d", "10–14 d", "14–21 d", "21–30 d", "≥ 30 d");
        assertThat(bins).extracting(ClaimTimeBin::claims).containsExactly(1L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(charts.drillDown(bins.get(2), MARCH, 50, 0)).extracting(DrillRow::reference).containsExactly("WC-1");
        assertThat(charts.drillDown(bins.get(0), MARCH, 50, 0)).extracting(DrillRow::reference).containsExactly("WC-2");
        assertThat(charts.drillDown(bins.get(3), MARCH, 50, 0)).extracting(DrillRow::serial).containsExactly("LT0003");
        // WC-4's unit was never shipped: its site is unknown, so S1 has only WC-1 and WC-2
        assertThat(charts.claimTimes(new KpiFilter(MARCH.from(), MARCH.to(), fx.s1, null)))
                .extracting(ClaimTimeBin::claims).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(charts.claimTimes(new KpiFilter(MARCH.from(), MARCH.to(), null, "medical")))
                .allMatch(b -> b.claims() == 0);
    }
}
