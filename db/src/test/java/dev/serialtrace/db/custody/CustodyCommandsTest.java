package dev.serialtrace.db.custody;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.jooq.tables.records.CustodyEventRecord;
import dev.serialtrace.db.jooq.tables.records.UnitRecord;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustodyCommandsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 5, 4, 8, 0, 0, 0, ZoneOffset.ofHours(2));
    private static final NewCustodyEvent.Capture SCAN = new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan,
            "]d2010950600013435221SN-1", null, "scanner-7");

    private DSLContext dsl;
    private CustodyCommands commands;
    private long unit;
    private long dock;
    private long shelf;
    private long customer;

    @BeforeEach
    void warehouse() {
        dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        commands = new CustodyCommands(dsl);
        long maker = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(dev.serialtrace.db.jooq.enums.PartyKind.manufacturer, "Acme")
                .returning(PARTY.ID).fetchOne().getId();
        customer = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(dev.serialtrace.db.jooq.enums.PartyKind.customer, "Mrs Smith")
                .returning(PARTY.ID).fetchOne().getId();
        long product = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID)
                .values("TV-65", "65\" TV", "electronics", maker).returning(PRODUCT.ID).fetchOne().getId();
        long site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("NL", "Venlo", maker, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        dock = dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, dev.serialtrace.db.jooq.enums.LocationKind.dock, "D1", "NL/D1").returning(LOCATION.ID).fetchOne().getId();
        shelf = dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, dev.serialtrace.db.jooq.enums.LocationKind.shelf, "B4", "NL/B4").returning(LOCATION.ID).fetchOne().getId();
        unit = dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL)
                .values("U00000019", product, maker, "TV-8K-2025-X4M9").returning(UNIT.ID).fetchOne().getId();
    }

    private RecordedEvent record(OffsetDateTime at, BizStep step, Disposition d, Long from, Long to, Long dest) {
        return commands.record(new NewCustodyEvent(unit, at, "Europe/Amsterdam", step, d, from, to, null, dest, null,
                List.of(new NewCustodyEvent.BizTransaction("po", "PO-1")), SCAN, null));
    }

    @Test
    void recordingAnEventMovesTheUnitInTheSameTransaction() {
        RecordedEvent received = record(T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(T0.plusHours(1), BizStep.storing, Disposition.sellable_accessible, dock, shelf, null);

        UnitRecord u = dsl.fetchOne(UNIT, UNIT.ID.eq(unit));
        assertThat(u.getLocationId()).isEqualTo(shelf);
        assertThat(u.getStatus()).hasToString("sellable_accessible");
        assertThat(received.illegalTransition()).isFalse();
        CustodyEventRecord stored = dsl.fetchOne(CUSTODY_EVENT, CUSTODY_EVENT.ID.eq(received.eventId()));
        assertThat(stored.getBizTransactions().data()).contains("PO-1");
        assertThat(stored.getRawScan()).isEqualTo(SCAN.rawScan());
        assertThat(stored.getActor()).isEqualTo("postgres");
    }

    @Test
    void anIllegalStepIsRecordedAndFlaggedNotDropped() {
        record(T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(T0.plusHours(1), BizStep.picking, Disposition.in_progress, dock, dock, null);
        record(T0.plusHours(2), BizStep.shipping, Disposition.in_transit, dock, null, customer);

        RecordedEvent pickedAgain = record(T0.plusHours(3), BizStep.picking, Disposition.in_progress, shelf, dock, null);

        assertThat(pickedAgain.illegalTransition()).isTrue();
        assertThat(pickedAgain.flagReason()).hasValueSatisfying(r -> assertThat(r).contains("picking").contains("shipped"));
        assertThat(dsl.fetchCount(CUSTODY_EVENT, CUSTODY_EVENT.UNIT_ID.eq(unit))).isEqualTo(4);
        assertThat(dsl.fetchOne(UNIT, UNIT.ID.eq(unit)).getHolderPartyId()).isEqualTo(customer);
    }

    @Test
    void anEventThatHappenedBeforeTheLatestIsFlaggedOutOfOrder() {
        record(T0, BizStep.receiving, Disposition.in_progress, null, dock, null);
        record(T0.plusHours(2), BizStep.storing, Disposition.sellable_accessible, dock, shelf, null);

        RecordedEvent late = record(T0.plusHours(1), BizStep.inspecting, Disposition.in_progress, null, null, null);

        assertThat(late.outOfOrder()).isTrue();
        assertThat(dsl.fetchOne(UNIT, UNIT.ID.eq(unit)).getLocationId()).isEqualTo(shelf);
    }

    @Test
    void eventsInMonthsWithoutAPartitionGetOne() {
        record(OffsetDateTime.of(2031, 7, 1, 0, 30, 0, 0, ZoneOffset.ofHours(2)),
                BizStep.receiving, Disposition.in_progress, null, dock, null);
        assertThat(dsl.fetchOne("select tableoid::regclass::text as p from custody_event").get("p", String.class))
                .isEqualTo("custody_event_2031_06");
    }

    @Test
    void manualEntryWithoutAReasonIsRejectedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.manual, null, " ", null))
                .hasMessageContaining("needs a reason");
    }
}
