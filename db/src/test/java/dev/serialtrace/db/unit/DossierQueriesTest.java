package dev.serialtrace.db.unit;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.warranty.ClaimSignals;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.enums.ClaimOutcome;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.jooq.enums.PartyKind;
import dev.serialtrace.db.jooq.enums.ShipmentDirection;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The dossier's queries on a small hand-built warehouse whose answers are known. */
class DossierQueriesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 2, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final NewCustodyEvent.Capture SCAN =
            new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, null, null, null);

    private DSLContext dsl;
    private long buyer, stranger, dock, fridge, vaccine, kit, speaker1, speaker2;
    private long site;

    @BeforeEach
    void warehouse() {
        dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        long maker = party(PartyKind.manufacturer, "Pharma Co");
        buyer = party(PartyKind.customer, "City Hospital");
        stranger = party(PartyKind.customer, "Someone Else");
        site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("US", "Dallas", maker, "America/Chicago").returning(SITE.ID).fetchOne().getId();
        dock = location("US/DOCK", LocationKind.dock);
        fridge = location("US/COLD/S1", LocationKind.shelf);
        long cold = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID,
                        PRODUCT.STORAGE_TEMP_MIN, PRODUCT.STORAGE_TEMP_MAX, PRODUCT.WARRANTY_MONTHS)
                .values("VAX", "Vaccine 10ml", "pharma", maker, new BigDecimal("2"), new BigDecimal("8"), (short) 12)
                .returning(PRODUCT.ID).fetchOne().getId();
        vaccine = unit(cold, maker, "VX-1");
        kit = unit(cold, maker, "KIT-1");
        speaker1 = unit(cold, maker, "SP-1");
        speaker2 = unit(cold, maker, "SP-2");

        CustodyCommands commands = new CustodyCommands(dsl);
        commands.record(event(vaccine, T0, BizStep.receiving, Disposition.in_progress, null, dock, null, null));
        commands.record(event(vaccine, T0.plusHours(1), BizStep.storing, Disposition.sellable_accessible, dock, fridge, null, null));
        commands.record(event(vaccine, T0.plusHours(3), BizStep.picking, Disposition.in_progress, fridge, dock, null, null));
        commands.record(event(vaccine, T0.plusHours(4), BizStep.shipping, Disposition.in_transit, dock, null, buyer, null));
        for (long child : List.of(speaker1, speaker2)) {
            commands.record(event(child, T0, BizStep.receiving, Disposition.in_progress, null, dock, null, null));
            commands.record(event(child, T0.plusMinutes(5), BizStep.packing, Disposition.in_progress, dock, dock, null, kit));
        }
        commands.record(event(kit, T0, BizStep.receiving, Disposition.in_progress, null, dock, null, null));

        // fridge readings every 30 min: two out of band (9.5 and 12.0) while the vaccine was there
        String[] temps = {"4.0", "9.5", "12.0", "5.0", "4.5", "4.0"};
        for (int i = 0; i < temps.length; i++) {
            dsl.insertInto(SENSOR_READING, SENSOR_READING.LOCATION_ID, SENSOR_READING.READ_AT, SENSOR_READING.TEMPERATURE_C)
                    .values(fridge, T0.plusHours(1).plusMinutes(30L * i), new BigDecimal(temps[i])).execute();
        }

        long shipment = dsl.insertInto(SHIPMENT, SHIPMENT.NUMBER, SHIPMENT.DIRECTION, SHIPMENT.SITE_ID, SHIPMENT.PARTY_ID,
                        SHIPMENT.REGION, SHIPMENT.CHANNEL, SHIPMENT.SHIPPED_AT)
                .values("SHP-1", ShipmentDirection.outbound, site, buyer, "US-South", "hospital", T0.plusHours(4))
                .returning(SHIPMENT.ID).fetchOne().getId();
        dsl.insertInto(SHIPMENT_UNIT, SHIPMENT_UNIT.SHIPMENT_ID, SHIPMENT_UNIT.UNIT_ID, SHIPMENT_UNIT.VERIFIED_BY_SCAN)
                .values(shipment, vaccine, true).execute();
        claim("WC-1", vaccine, buyer, "US-South", T0.plusDays(10));
        claim("WC-2", vaccine, stranger, "EU-West", T0.plusDays(20));
        claim("WC-3", speaker1, buyer, null, T0.plusDays(3));
        dsl.insertInto(RETURN_AUTHORISATION, RETURN_AUTHORISATION.RMA_NUMBER, RETURN_AUTHORISATION.CUSTOMER_ID,
                        RETURN_AUTHORISATION.AUTHORISED_UNIT_ID, RETURN_AUTHORISATION.AUTHORISED_SERIAL,
                        RETURN_AUTHORISATION.RECEIVED_SERIAL, RETURN_AUTHORISATION.REASON, RETURN_AUTHORISATION.OPENED_AT)
                .values("RMA-9", buyer, vaccine, "VX-1", "VX-7", "damaged in transit", T0.plusDays(30)).execute();
    }

    @Test
    void timelineListsEveryEventInOrderWithNames() {
        List<TimelineEntry> timeline = new UnitTimelineQuery(dsl).fetch(vaccine);
        assertThat(timeline).extracting(TimelineEntry::bizStep).containsExactly("receiving", "storing", "picking", "shipping");
        assertThat(timeline.get(1).fromLocation()).isEqualTo("US/DOCK");
        assertThat(timeline.get(1).toLocation()).isEqualTo("US/COLD/S1");
        assertThat(timeline.get(3).destinationParty()).isEqualTo("City Hospital");
        assertThat(timeline.get(0).documents()).isEqualTo("po PO-1");
    }

    @Test
    void kitShowsChildrenAndEachChildItsParent() {
        KitTree tree = new KitQuery(dsl).fetch(kit);
        assertThat(tree.parent()).isNull();
        assertThat(tree.children()).extracting(KitTree.Member::serial).containsExactly("SP-1", "SP-2");
        assertThat(new KitQuery(dsl).fetch(speaker2).parent().serial()).isEqualTo("KIT-1");
    }

    @Test
    void temperatureExposureCountsOnlyTheTimeInTheFridge() {
        TemperatureHistory history = new TemperatureQuery(dsl, Clock.systemUTC()).fetch(vaccine);
        // in the fridge from T0+1h to T0+3h: readings at +1h, +1h30 (9.5), +2h (12.0), +2h30; later ones are after it left
        assertThat(history.readings()).hasSize(4);
        assertThat(history.readings()).filteredOn(TemperatureHistory.Reading::outOfBand).hasSize(2);
        assertThat(history.exposure().minutesOutOfRange()).isEqualTo(60);
        assertThat(history.exposure().worst()).isEqualByComparingTo("12.0");
        assertThat(history.exposure().excursions()).hasSize(1);
    }

    @Test
    void warrantyFlagsClaimsThatDoNotFitTheSale() {
        WarrantyRecord w = new WarrantyQuery(dsl).fetch(vaccine);
        assertThat(w.customer()).isEqualTo("City Hospital");
        assertThat(w.warrantyEnds()).isEqualTo(T0.toLocalDate().plusMonths(12));
        assertThat(w.claims()).extracting(WarrantyRecord.ClaimEntry::claimNumber).containsExactly("WC-1", "WC-2");
        assertThat(w.claims().get(0).signals()).isEmpty();
        assertThat(w.claims().get(1).signals()).containsExactly(ClaimSignals.Signal.OTHER_CLAIMANT, ClaimSignals.Signal.REGION_MISMATCH);
        assertThat(new WarrantyQuery(dsl).fetch(speaker1).claims().get(0).signals()).containsExactly(ClaimSignals.Signal.NEVER_SOLD);
    }

    @Test
    void returnsShowTheWrongSerialReceived() {
        assertThat(new ReturnsQuery(dsl).fetch(vaccine)).singleElement().satisfies(r -> {
            assertThat(r.rmaNumber()).isEqualTo("RMA-9");
            assertThat(r.wrongSerialReceived()).isTrue();
        });
    }

    @Test
    void theWholeDossierLoadsTogether() {
        UnitDossier d = new UnitDossierQuery(dsl, Clock.systemUTC()).fetch(vaccine).orElseThrow();
        assertThat(d.identity().serial()).isEqualTo("VX-1");
        assertThat(d.identity().status()).isEqualTo("in_transit");
        assertThat(d.identity().holder()).isEqualTo("City Hospital");
        assertThat(d.identity().location()).isNull();
        assertThat(d.identity().eventCount()).isEqualTo(4);
        assertThat(d.identity().coldChain()).isTrue();
        assertThat(d.timeline()).hasSize(4);
        assertThat(d.temperature()).isNotNull();
        assertThat(new UnitDossierQuery(dsl, Clock.systemUTC()).fetch(424242)).isEmpty();
    }

    private long party(PartyKind kind, String name) {
        return dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(kind, name).returning(PARTY.ID).fetchOne().getId();
    }

    private long location(String path, LocationKind kind) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, kind, path, path).returning(LOCATION.ID).fetchOne().getId();
    }

    private long unit(long product, long maker, String serial) {
        long id = dsl.select(DSL.coalesce(DSL.max(UNIT.ID), 0L)).from(UNIT).fetchOne(0, Long.class) + 1;
        dsl.insertInto(UNIT, UNIT.ID, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL)
                .values(id, dev.serialtrace.core.unit.InternalUnitId.format(id), product, maker, serial).execute();
        return id;
    }

    private void claim(String number, long unit, long claimant, String region, OffsetDateTime opened) {
        dsl.insertInto(WARRANTY_CLAIM, WARRANTY_CLAIM.CLAIM_NUMBER, WARRANTY_CLAIM.UNIT_ID, WARRANTY_CLAIM.CLAIMED_SERIAL,
                        WARRANTY_CLAIM.CLAIMANT_ID, WARRANTY_CLAIM.REGION, WARRANTY_CLAIM.OPENED_AT, WARRANTY_CLAIM.OUTCOME)
                .values(number, unit, "x", claimant, region, opened, ClaimOutcome.pending).execute();
    }

    private static NewCustodyEvent event(long unit, OffsetDateTime at, BizStep step, Disposition d, Long from, Long to,
                                         Long destination, Long parent) {
        return new NewCustodyEvent(unit, at, "America/Chicago", step, d, from, to, null, destination, parent,
                List.of(new NewCustodyEvent.BizTransaction("po", "PO-1")), SCAN, null);
    }
}
