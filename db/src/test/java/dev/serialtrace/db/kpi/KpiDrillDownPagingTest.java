package dev.serialtrace.db.kpi;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.jooq.enums.PartyKind;
import dev.serialtrace.db.jooq.enums.ShipmentDirection;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SHIPMENT;
import static dev.serialtrace.db.jooq.Tables.SHIPMENT_UNIT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded drill-down reads (V150: tiles over evidence read from the newest counted days; V170: a
 * capture-mix segment reads one page of kpi_capture_event) on hand-built data in two time zones, answers worked out by hand — in particular pages of every size give the same rows in the
 * same order as one big page.
 */
class KpiDrillDownPagingTest {
    static final KpiFilter JUNE = KpiFilter.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
    static DSLContext dsl;
    static KpiQuery tiles;
    static KpiChartsQuery charts;
    static long chicago;
    static long amsterdam;
    static long chiDock;
    static long amsDock;
    static long laptop;
    static long maker;

    /**
     * Site CHI (America/Chicago, UTC−5 in June) and AMS (Europe/Amsterdam, UTC+2), each with a dock "D1".
     * Laptops (category "laptop", serials L…) and one battery ("cell", C1). Scans at D1 in June (UTC):
     *   CHI: L01 06-03 04:00 (23:00 local, night), L02 06-03 15:00 (10:00, early), L03 06-04 02:00 (21:00 on
     *        06-03, late), L04 06-10 05:30 (00:30, night), L05 06-10 10:00 (05:00, night), C1 06-10 09:00 (04:00, night);
     *   AMS: L06 06-03 21:00 (23:00 local, night), L07 06-04 03:00 (05:00, night), L08 06-10 04:00 (06:00, early),
     *        L09 06-20 22:30 (00:30 on 06-21, night);
     * and without any location (station "", site from the unit's location: none, so UTC): L10 06-05 23:00
     * (night), L11 06-05 12:00 (early). Typed captures: L01–L03 at CHI/D1 (days 06-03, 06-03, 06-04), L06 at AMS.
     */
    @BeforeAll
    static void build() {
        dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        maker = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.manufacturer, "Acme")
                .returning(PARTY.ID).fetchOne().getId();
        long own = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.own, "Us").returning(PARTY.ID).fetchOne().getId();
        long customer = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.customer, "Shop")
                .returning(PARTY.ID).fetchOne().getId();
        chicago = site("CHI", own, "America/Chicago");
        amsterdam = site("AMS", own, "Europe/Amsterdam");
        chiDock = location(chicago, "CHI/D1");
        amsDock = location(amsterdam, "AMS/D1");
        laptop = product("LT", "laptop", maker);
        long cell = product("CE", "cell", maker);
        List<Long> l = new ArrayList<>();
        l.add(0L);
        for (int i = 1; i <= 11; i++) {
            l.add(unit(laptop, maker, String.format("L%02d", i), i));
        }
        long c1 = unit(cell, maker, "C1", 12);
        scan(l.get(1), at(6, 3, 4, 0), chiDock, CaptureMethod.scan);
        scan(l.get(2), at(6, 3, 15, 0), chiDock, CaptureMethod.scan);
        scan(l.get(3), at(6, 4, 2, 0), chiDock, CaptureMethod.scan);
        scan(l.get(4), at(6, 10, 5, 30), chiDock, CaptureMethod.scan);
        scan(l.get(5), at(6, 10, 10, 0), chiDock, CaptureMethod.scan);
        scan(c1, at(6, 10, 9, 0), chiDock, CaptureMethod.scan);
        scan(l.get(6), at(6, 3, 21, 0), amsDock, CaptureMethod.scan);
        scan(l.get(7), at(6, 4, 3, 0), amsDock, CaptureMethod.scan);
        scan(l.get(8), at(6, 10, 4, 0), amsDock, CaptureMethod.scan);
        scan(l.get(9), at(6, 20, 22, 30), amsDock, CaptureMethod.scan);
        scan(l.get(10), at(6, 5, 23, 0), null, CaptureMethod.import_);
        scan(l.get(11), at(6, 5, 12, 0), null, CaptureMethod.import_);
        scan(l.get(1), at(6, 3, 4, 10), chiDock, CaptureMethod.manual);
        scan(l.get(2), at(6, 3, 15, 10), chiDock, CaptureMethod.manual);
        scan(l.get(3), at(6, 4, 2, 10), chiDock, CaptureMethod.manual);
        scan(l.get(6), at(6, 3, 21, 10), amsDock, CaptureMethod.manual);
        // dispatch from CHI on 06-12: L01, L02, L03 in one shipment (one time for all), none verified; L04 verified
        long out = dsl.insertInto(SHIPMENT, SHIPMENT.NUMBER, SHIPMENT.DIRECTION, SHIPMENT.SITE_ID, SHIPMENT.PARTY_ID, SHIPMENT.SHIPPED_AT)
                .values("OUT-9", ShipmentDirection.outbound, chicago, customer, at(6, 12, 16, 0)).returning(SHIPMENT.ID).fetchOne().getId();
        dsl.insertInto(SHIPMENT_UNIT, SHIPMENT_UNIT.SHIPMENT_ID, SHIPMENT_UNIT.UNIT_ID, SHIPMENT_UNIT.VERIFIED_BY_SCAN)
                .values(out, l.get(3), false).values(out, l.get(1), false).values(out, l.get(2), false).values(out, l.get(4), true)
                .execute();
        tiles = new KpiQuery(dsl);
        charts = new KpiChartsQuery(dsl);
    }

    @Test
    void aSegmentListsTheEventsOfItsShiftInEachSitesOwnTimeZoneNewestFirst() {
        assertThat(serials(segment("D1", Shift.NIGHT, "scan"), JUNE, 50, 0))
                .containsExactly("L09", "L05", "C1", "L04", "L07", "L06", "L01");
        assertThat(serials(segment("D1", Shift.EARLY, "scan"), JUNE, 50, 0)).containsExactly("L08", "L02");
        assertThat(serials(segment("D1", Shift.LATE, "scan"), JUNE, 50, 0)).containsExactly("L03");
        assertThat(serials(segment("", Shift.NIGHT, "import"), JUNE, 50, 0)).containsExactly("L10");
        assertThat(serials(segment("", Shift.EARLY, "import"), JUNE, 50, 0)).containsExactly("L11");
        // the filters: one site, one category, both
        CaptureMixCell night = segment("D1", Shift.NIGHT, "scan");
        assertThat(serials(night, new KpiFilter(JUNE.from(), JUNE.to(), chicago, null), 50, 0))
                .containsExactly("L05", "C1", "L04", "L01");
        assertThat(serials(night, new KpiFilter(JUNE.from(), JUNE.to(), amsterdam, null), 50, 0)).containsExactly("L09", "L07", "L06");
        assertThat(serials(night, new KpiFilter(JUNE.from(), JUNE.to(), null, "cell"), 50, 0)).containsExactly("C1");
        assertThat(serials(night, new KpiFilter(JUNE.from(), JUNE.to(), amsterdam, "cell"), 50, 0)).isEmpty();
        // a period that cuts the month: June 4–10 in the site's days as counted (UTC days)
        assertThat(serials(night, KpiFilter.of(LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 10)), 50, 0))
                .containsExactly("L05", "C1", "L04", "L07");
    }

    @Test
    void pagesOfAnySizeGiveTheSameRowsAsOneBigPage() {
        for (KpiFilter f : List.of(JUNE, new KpiFilter(JUNE.from(), JUNE.to(), chicago, null),
                new KpiFilter(JUNE.from(), JUNE.to(), null, "laptop"))) {
            for (CaptureMixCell c : charts.captureMix(f)) {
                List<DrillRow> all = charts.drillDown(c, f, 50, 0);
                assertThat(all).as(c + " " + f).hasSize((int) c.captures());
                for (int size = 1; size <= 3; size++) {
                    List<DrillRow> paged = new ArrayList<>();
                    for (int offset = 0; offset < all.size(); offset += size) {
                        paged.addAll(charts.drillDown(c, f, size, offset));
                    }
                    assertThat(paged).as(c + " " + f + " pages of " + size)
                            .extracting(DrillRow::eventId).containsExactlyElementsOf(all.stream().map(DrillRow::eventId).toList());
                }
            }
        }
    }

    @Test
    void aCaptureWithoutLocationIsListedUnderTheSiteAndShiftItWasCountedFor() {
        // in July (the June answers above stay as they are): L12 scanned at CHI, imported without a location
        // while there (07-02 18:00 UTC = 13:00 in Chicago: early shift), then moved to AMS
        long l12 = unit(laptop, maker, "L12", 13);
        scan(l12, at(7, 1, 10, 0), chiDock, CaptureMethod.scan);
        scan(l12, at(7, 2, 18, 0), null, CaptureMethod.import_);
        scan(l12, at(7, 3, 10, 0), amsDock, CaptureMethod.scan);
        KpiFilter july = KpiFilter.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));
        KpiFilter julyInChicago = new KpiFilter(july.from(), july.to(), chicago, null);
        KpiFilter julyInAmsterdam = new KpiFilter(july.from(), july.to(), amsterdam, null);
        CaptureMixCell imported = charts.captureMix(julyInChicago).stream()
                .filter(c -> c.station().isEmpty() && c.method().equals("import")).findFirst().orElseThrow();
        assertThat(imported.shift()).isEqualTo(Shift.EARLY);
        assertThat(imported.captures()).isEqualTo(1);
        assertThat(serials(imported, julyInChicago, 50, 0)).containsExactly("L12");
        assertThat(serials(imported, julyInAmsterdam, 50, 0)).isEmpty();
        assertThat(charts.captureMix(julyInAmsterdam)).noneMatch(c -> c.method().equals("import"));
    }

    @Test
    void aTileReadsItsEvidenceFromTheNewestCountedDaysWithTheSamePages() {
        assertThat(tileSerials(KpiCode.SCAN_RATIO, JUNE, 50, 0)).containsExactly("L03", "L06", "L02", "L01");
        assertThat(tileSerials(KpiCode.SCAN_RATIO, JUNE, 1, 0)).containsExactly("L03");
        assertThat(tileSerials(KpiCode.SCAN_RATIO, JUNE, 2, 1)).containsExactly("L06", "L02");
        assertThat(tileSerials(KpiCode.SCAN_RATIO, JUNE, 2, 3)).containsExactly("L01");
        assertThat(tileSerials(KpiCode.SCAN_RATIO, new KpiFilter(JUNE.from(), JUNE.to(), amsterdam, null), 50, 0)).containsExactly("L06");
        assertThat(tileSerials(KpiCode.SCAN_RATIO, new KpiFilter(JUNE.from(), JUNE.to(), null, "cell"), 50, 0)).isEmpty();
        assertThat(tileSerials(KpiCode.SCAN_RATIO, KpiFilter.of(LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 30)), 50, 0))
                .containsExactly("L03");
        // three lines of one shipment share its time: pages follow the unit order, none lost or repeated
        assertThat(tileSerials(KpiCode.DISPATCH_VERIFICATION, JUNE, 50, 0)).containsExactly("L01", "L02", "L03");
        assertThat(tileSerials(KpiCode.DISPATCH_VERIFICATION, JUNE, 2, 0)).containsExactly("L01", "L02");
        assertThat(tileSerials(KpiCode.DISPATCH_VERIFICATION, JUNE, 2, 2)).containsExactly("L03");
        assertThat(tileSerials(KpiCode.DISPATCH_VERIFICATION, new KpiFilter(JUNE.from(), JUNE.to(), amsterdam, null), 50, 0)).isEmpty();
    }

    @Test
    void aTilePageIsTheSameWhenThePeriodIsCutAtAnotherMidnightThanUtc() {
        // June 3 in Chicago = 06-03 05:00 … 06-04 05:00 UTC: L01's capture (04:10 UTC) is June 2 there, L03's
        // (06-04 02:10 UTC) June 3; the counters count UTC days, so they promise 4 rows where 3 are in the period
        assertThat(scanRatioInChicago(1)).containsExactly("L03");
        assertThat(scanRatioInChicago(3)).containsExactly("L03", "L06", "L02");
        assertThat(scanRatioInChicago(4)).containsExactly("L03", "L06", "L02");
    }

    private static List<String> scanRatioInChicago(int limit) {
        return dsl.connectionResult(c -> {
            try (var st = c.createStatement()) {
                st.execute("set time zone 'America/Chicago'");
                try (var rs = st.executeQuery("select u.serial from kpi_drilldown('SCAN_RATIO', date '2026-06-03', date '2026-06-03',"
                        + " null, null, " + limit + ", 0) d join unit u on u.id = d.unit_id order by d.occurred_at desc")) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                } finally {
                    st.execute("set time zone 'UTC'");
                }
            }
        });
    }

    private static List<String> tileSerials(KpiCode code, KpiFilter f, int limit, int offset) {
        return tiles.drillDown(code, f, limit, offset).stream().map(DrillRow::serial).toList();
    }

    private static List<String> serials(CaptureMixCell c, KpiFilter f, int limit, int offset) {
        return charts.drillDown(c, f, limit, offset).stream().map(DrillRow::serial).toList();
    }

    private static CaptureMixCell segment(String station, Shift shift, String method) {
        return charts.captureMix(JUNE).stream()
                .filter(c -> c.station().equals(station) && c.shift() == shift && c.method().equals(method))
                .findFirst().orElseThrow(() -> new AssertionError(station + " " + shift + " " + method + " not in " + charts.captureMix(JUNE)));
    }

    private static OffsetDateTime at(int month, int day, int hour, int minute) {
        return OffsetDateTime.of(2026, month, day, hour, minute, 0, 0, ZoneOffset.UTC);
    }

    private static long site(String code, long own, String zone) {
        return dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE).values(code, "Site " + code, own, zone)
                .returning(SITE.ID).fetchOne().getId();
    }

    private static long location(long site, String path) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, LocationKind.dock, path.substring(path.indexOf('/') + 1), path).returning(LOCATION.ID).fetchOne().getId();
    }

    private static long product(String sku, String category, long maker) {
        return dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID)
                .values(sku, sku, category, maker).returning(PRODUCT.ID).fetchOne().getId();
    }

    private static long unit(long product, long maker, String serial, long n) {
        return dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL)
                .values(InternalUnitId.format(5000 + n), product, maker, serial).returning(UNIT.ID).fetchOne().getId();
    }

    private static void scan(long unit, OffsetDateTime at, Long to, CaptureMethod method) {
        dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit)
                .set(CUSTODY_EVENT.OCCURRED_AT, at)
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC")
                .set(CUSTODY_EVENT.BIZ_STEP, BizStep.receiving)
                .set(CUSTODY_EVENT.DISPOSITION, Disposition.in_progress)
                .set(CUSTODY_EVENT.TO_LOCATION_ID, to)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, method)
                .set(CUSTODY_EVENT.MANUAL_REASON, method == CaptureMethod.manual ? "label torn" : null)
                .execute();
    }
}
