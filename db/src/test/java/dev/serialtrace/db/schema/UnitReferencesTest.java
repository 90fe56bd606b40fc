package dev.serialtrace.db.schema;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.jooq.enums.PartyKind;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V193: a unit's product, manufacturer, lot, location and holder are checked per statement, as foreign keys did. */
class UnitReferencesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private DataSource ds;
    private HistoryFixture w;

    @BeforeEach
    void freshWarehouse() {
        ds = TestDatabase.fresh();
        w = new HistoryFixture(ds);
    }

    @Test
    void aStatementWithOneUnitNamingAnUnknownProductManufacturerOrLotInsertsNoUnit() {
        assertRefused(() -> insertTwoUnits(987654L, w.manufacturer, null));
        assertRefused(() -> insertTwoUnits(w.product, 987654L, null));
        assertRefused(() -> insertTwoUnits(w.product, w.manufacturer, 987654L));
        assertThat(w.dsl.fetchCount(UNIT)).isZero();

        insertTwoUnits(w.product, w.manufacturer, lot());
        assertThat(w.dsl.fetchCount(UNIT)).isEqualTo(2);
    }

    @Test
    void aUnitsProductManufacturerOrLotChangedToAnUnknownOneIsRefused() {
        long unit = w.unit("SN-1");
        assertRefused(() -> w.dsl.update(UNIT).set(UNIT.LOT_ID, 987654L).where(UNIT.ID.eq(unit)).execute());
        assertRefused(() -> w.dsl.update(UNIT).set(UNIT.PRODUCT_ID, 987654L).where(UNIT.ID.eq(unit)).execute());
        assertRefused(() -> w.dsl.update(UNIT).set(UNIT.MANUFACTURER_ID, 987654L).where(UNIT.ID.eq(unit)).execute());

        long lot = lot();
        w.dsl.update(UNIT).set(UNIT.LOT_ID, lot).where(UNIT.ID.eq(unit)).execute();
        assertThat(w.dsl.fetchValue(UNIT.LOT_ID, UNIT.ID.eq(unit))).isEqualTo(lot);
    }

    @Test
    void aProductPartyLotOrLocationAUnitNamesCannotBeDeletedOrRenumbered() {
        long lot = lot();
        long customer = w.dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.customer, "Shop")
                .returning(PARTY.ID).fetchOne().getId();
        long unit = insertUnit(1, w.product, w.manufacturer, lot);
        w.event(unit, T0, BizStep.receiving, Disposition.in_progress, null, w.shelfA);
        w.dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit).set(CUSTODY_EVENT.OCCURRED_AT, T0.plusHours(1))
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC").set(CUSTODY_EVENT.BIZ_STEP, BizStep.holding)
                .set(CUSTODY_EVENT.DISPOSITION, Disposition.in_progress)
                .set(CUSTODY_EVENT.DESTINATION_PARTY_ID, customer)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, dev.serialtrace.db.jooq.enums.CaptureMethod.scan).execute();
        assertThat(w.dsl.fetchValue(UNIT.HOLDER_PARTY_ID, UNIT.ID.eq(unit))).isEqualTo(customer);

        assertRefused(() -> w.dsl.deleteFrom(LOT).where(LOT.ID.eq(lot)).execute());
        assertRefused(() -> w.dsl.deleteFrom(PARTY).where(PARTY.ID.eq(customer)).execute());
        assertRefused(() -> w.dsl.deleteFrom(LOCATION).where(LOCATION.ID.eq(w.shelfA)).execute());
        assertRefused(() -> w.dsl.update(LOT).set(LOT.ID, 777L).where(LOT.ID.eq(lot)).execute());
        // the product and its maker are named by other tables' foreign keys as well; the unit's own
        // reference is what refuses them once those are gone
        w.dsl.execute("alter table lot drop constraint lot_product_id_fkey");
        w.dsl.execute("alter table product drop constraint product_manufacturer_id_fkey");
        assertRefused(() -> w.dsl.deleteFrom(PRODUCT).where(PRODUCT.ID.eq(w.product)).execute());
        assertRefused(() -> w.dsl.deleteFrom(PARTY).where(PARTY.ID.eq(w.manufacturer)).execute());
        assertThat(w.dsl.fetchCount(UNIT)).isEqualTo(1);

        // a row no unit names still goes, and a row's other columns still change
        w.dsl.update(LOT).set(LOT.EXPIRY, T0.toLocalDate().plusYears(2)).where(LOT.ID.eq(lot)).execute();
        assertThat(w.dsl.deleteFrom(LOCATION).where(LOCATION.ID.eq(w.shelfB)).execute()).isEqualTo(1);
    }

    @Test
    void aDeleteOfAProductWaitsForAUnitBeingInsertedAndIsThenRefused() throws Exception {
        long product = w.dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY,
                        PRODUCT.MANUFACTURER_ID, PRODUCT.GTIN)
                .values("NEW-1", "New", "electronics", w.manufacturer, "09506000134376")
                .returning(PRODUCT.ID).fetchOne().getId();
        try (Connection inserting = ds.getConnection(); Connection deleting = ds.getConnection()) {
            inserting.setAutoCommit(false);
            try (Statement s = inserting.createStatement()) {
                s.execute("insert into unit (id, internal_id, product_id, manufacturer_id, serial) values (5, '"
                        + InternalUnitId.format(5) + "', " + product + ", " + w.manufacturer + ", 'SN-5')");
            }
            int deleter = backendPid(deleting);
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> {
                try (Statement s = deleting.createStatement()) {
                    return s.executeUpdate("delete from product where id = " + product);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
                }
            });
            // the unit's insert holds the product's key-share lock: the delete waits for it
            awaitLockWait(deleter, Duration.ofSeconds(10));
            assertThat(delete).isNotDone();
            inserting.commit();

            assertThatThrownBy(delete::join).hasRootCauseInstanceOf(SQLException.class)
                    .hasMessageContaining(FOREIGN_KEY_VIOLATION).hasMessageContaining("named by a unit");
        }
        assertThat(w.dsl.fetchValue(UNIT.PRODUCT_ID, UNIT.ID.eq(5L))).isEqualTo(product);
        assertThat(w.dsl.fetchExists(PRODUCT, PRODUCT.ID.eq(product))).isTrue();
    }

    private void insertTwoUnits(long product, long manufacturer, Long lot) {
        w.dsl.insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.LOT_ID)
                .values(1L, InternalUnitId.format(1), w.product, w.manufacturer, "SN-A", null)
                .values(2L, InternalUnitId.format(2), product, manufacturer, "SN-B", lot)
                .execute();
    }

    private long insertUnit(long id, long product, long manufacturer, Long lot) {
        w.dsl.insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.LOT_ID)
                .values(id, InternalUnitId.format(id), product, manufacturer, "SN-" + id, lot).execute();
        return id;
    }

    private long lot() {
        return w.dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE).values(w.product, "L-" + System.nanoTime())
                .returning(LOT.ID).fetchOne().getId();
    }

    private void awaitLockWait(int pid, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!w.dsl.fetchExists(w.dsl.selectOne().from("pg_stat_activity")
                .where("pid = ? and wait_event_type = 'Lock'", pid))) {
            assertThat(System.nanoTime()).as("the delete waits for a lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void assertRefused(Executable write) {
        assertThatThrownBy(write::execute).isInstanceOfSatisfying(DataAccessException.class,
                e -> assertThat(e.sqlState()).isEqualTo(FOREIGN_KEY_VIOLATION));
    }
}
