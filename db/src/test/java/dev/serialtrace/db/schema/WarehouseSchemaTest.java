package dev.serialtrace.db.schema;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.jooq.tables.records.UnitRecord;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules the database itself enforces, tried against a real PostgreSQL. */
class WarehouseSchemaTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.UTC);
    private HistoryFixture w;

    @BeforeEach
    void freshWarehouse() {
        DataSource ds = TestDatabase.fresh();
        w = new HistoryFixture(ds);
    }

    @Test
    void migrationsCreateTheWholeSchemaOnAnEmptyDatabase() {
        Migrations migrations = new Migrations(TestDatabase.fresh());
        assertThat(migrations.currentVersion()).contains(migrations.latestKnownVersion());
        assertThat(w.dsl.meta().getTables()).extracting(t -> t.getName())
                .contains("unit", "custody_event", "product", "party", "location", "lot", "stock", "shipment",
                        "return_authorisation", "warranty_claim", "sensor_reading", "spot_audit", "audit_scan",
                        "capture_exception", "sync_log", "signature");
    }

    @Test
    void theSameSerialTwiceForOneManufacturerIsRefusedEvenWrittenDifferently() {
        w.unit("LT-2025-A4K7");
        assertThatThrownBy(() -> w.unit("lt 2025 a4k7"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("unit_serial_per_manufacturer_key");
    }

    @Test
    void theSameSerialFromTwoManufacturersIsFine() {
        w.unit("SN-0001");
        w.unit("SN-0001", w.otherProduct, w.otherManufacturer, "09506000134369");
        assertThat(w.dsl.fetchCount(UNIT, UNIT.SERIAL_NORM.eq("SN0001"))).isEqualTo(2);
    }

    @Test
    void historyCannotBeUpdatedDeletedOrTruncated() {
        long unit = w.unit("SN-1");
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        assertThatThrownBy(() -> w.dsl.update(CUSTODY_EVENT).set(CUSTODY_EVENT.ACTOR, "someone else").execute())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> w.dsl.deleteFrom(CUSTODY_EVENT).execute()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> w.dsl.truncate(CUSTODY_EVENT).execute()).hasMessageContaining("append-only");
        assertThat(w.dsl.fetchCount(CUSTODY_EVENT)).isEqualTo(1);
    }

    @Test
    void currentStateFollowsTheLatestEventAndIgnoresLateOlderOnes() {
        long unit = w.unit("SN-2");
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        w.event(unit, T0.plusHours(2), BizStep.storing, Disposition.sellable_accessible, w.shelfA, w.shelfB);
        // arrives late, happened earlier: history grows, the current state stays
        w.event(unit, T0.plusHours(1), BizStep.inspecting, Disposition.non_sellable_other, null, w.shelfA);

        UnitRecord u = w.dsl.fetchOne(UNIT, UNIT.ID.eq(unit));
        assertThat(u.getStatus()).isEqualTo(Disposition.sellable_accessible);
        assertThat(u.getLastBizStep()).isEqualTo(BizStep.storing);
        assertThat(u.getLocationId()).isEqualTo(w.shelfB);
        assertThat(u.getEventCount()).isEqualTo(3);
        assertThat(u.getLastEventAt()).isEqualTo(T0.plusHours(2));
        assertThat(u.getFirstEventAt()).isEqualTo(T0);

        // an event from before everything else moves the first-event time back (history bounds stay right)
        w.event(unit, T0.minusDays(40), BizStep.commissioning, Disposition.active, null, null);
        assertThat(w.dsl.fetchOne(UNIT, UNIT.ID.eq(unit)).getFirstEventAt()).isEqualTo(T0.minusDays(40));
    }

    @Test
    void shippingTakesTheUnitOutOfTheBuilding() {
        long unit = w.unit("SN-3");
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        w.event(unit, T0.plusDays(1), BizStep.shipping, Disposition.in_transit, w.shelfA, null);
        UnitRecord u = w.dsl.fetchOne(UNIT, UNIT.ID.eq(unit));
        assertThat(u.getLocationId()).isNull();
        assertThat(u.getStatus()).isEqualTo(Disposition.in_transit);
    }

    @Test
    void currentStateCannotBeEditedDirectlyNorPresetOnInsert() {
        long unit = w.unit("SN-4");
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        assertThatThrownBy(() -> w.dsl.update(UNIT).set(UNIT.STATUS, Disposition.stolen).where(UNIT.ID.eq(unit)).execute())
                .hasMessageContaining("only by recording a custody event");
        assertThatThrownBy(() -> w.dsl.insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID,
                        UNIT.SERIAL, UNIT.STATUS)
                .values(99L, "U00000031", w.product, w.manufacturer, "SN-99", Disposition.active).execute())
                .hasMessageContaining("starts without state");
    }

    @Test
    void anEventForAnUnknownUnitOrLocationIsRefused() {
        assertThatThrownBy(() -> w.event(424242, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA))
                .hasMessageContaining("unknown unit");
        long unit = w.unit("SN-5");
        assertThatThrownBy(() -> w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, 987654L))
                .hasMessageContaining("unknown location");
    }

    @Test
    void aManualCaptureNeedsAReason() {
        long unit = w.unit("SN-6");
        assertThatThrownBy(() -> w.dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit).set(CUSTODY_EVENT.OCCURRED_AT, T0)
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC").set(CUSTODY_EVENT.BIZ_STEP, BizStep.receiving)
                .set(CUSTODY_EVENT.DISPOSITION, Disposition.in_progress)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, dev.serialtrace.db.jooq.enums.CaptureMethod.manual)
                .execute()).hasMessageContaining("check");
    }

    @Test
    void eventsLandInMonthlyPartitions() {
        long unit = w.unit("SN-7");
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        String partition = w.dsl.fetchOne("select tableoid::regclass::text as p from custody_event").get("p", String.class);
        assertThat(partition).isEqualTo("custody_event_2026_03");
    }
}
