package dev.serialtrace.db.epcis;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.custody.CustodyCommands;
import dev.serialtrace.db.custody.NewCustodyEvent;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.jooq.enums.PartyKind;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * Hand-built master data shared by two trading partners (same products, parties, locations),
 * and on one side a history with known content: a cold-chain DSCSA vial commissioned with lot and
 * expiry, received, put away in a fridge, packed into a kit, shipped to a customer with PO and ASN.
 */
final class ExchangeFixture {
    static final String VIAL_GTIN = "00614141000012";   // company prefix 0614141 (7 digits)
    static final String KIT_GTIN = "00614141000029";
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(1));

    final DSLContext dsl;
    final long maker;
    final long customer;
    final long vialProduct;
    final long kitProduct;
    final long lot;
    final long dock;
    final long fridge;
    long vial;
    long vial2;
    long kit;

    ExchangeFixture(DSLContext dsl) {
        this.dsl = dsl;
        long own = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME, PARTY.GLN).values(PartyKind.own, "Serialtrace DC", "0614141000005")
                .returning(PARTY.ID).fetchOne().getId();
        maker = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME, PARTY.GLN).values(PartyKind.manufacturer, "Norvale", "0614141000012")
                .returning(PARTY.ID).fetchOne().getId();
        customer = dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME).values(PartyKind.customer, "St. Mary's Pharmacy")
                .returning(PARTY.ID).fetchOne().getId();
        vialProduct = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.GTIN, PRODUCT.MANUFACTURER_ID,
                        PRODUCT.COMPANY_PREFIX_LENGTH, PRODUCT.STORAGE_TEMP_MIN, PRODUCT.STORAGE_TEMP_MAX, PRODUCT.REGULATORY_TAGS)
                .values("VIAL-10", "Insulin vial", "pharma", VIAL_GTIN, maker, (short) 7, new BigDecimal("2"), new BigDecimal("8"),
                        new String[] {"DSCSA"})
                .returning(PRODUCT.ID).fetchOne().getId();
        kitProduct = dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.GTIN, PRODUCT.MANUFACTURER_ID,
                        PRODUCT.COMPANY_PREFIX_LENGTH, PRODUCT.IS_KIT)
                .values("KIT-1", "Starter kit", "pharma", KIT_GTIN, maker, (short) 7, true)
                .returning(PRODUCT.ID).fetchOne().getId();
        long site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("NL", "Venlo", own, "Europe/Amsterdam").returning(SITE.ID).fetchOne().getId();
        dock = dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, LocationKind.dock, "D1", "NL/D1").returning(LOCATION.ID).fetchOne().getId();
        fridge = dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH, LOCATION.IS_COLD)
                .values(site, LocationKind.shelf, "F1", "NL/F1", true).returning(LOCATION.ID).fetchOne().getId();
        lot = dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE, LOT.EXPIRY).values(vialProduct, "LOT-7", LocalDate.of(2027, 6, 30))
                .returning(LOT.ID).fetchOne().getId();
    }

    /** The known history, on this side only. */
    ExchangeFixture history() {
        vial = unit(vialProduct, "SN-1001", lot);
        vial2 = unit(vialProduct, "SN-1002", lot);
        kit = unit(kitProduct, "KIT-9", null);
        CustodyCommands c = new CustodyCommands(dsl);
        for (long u : new long[] {vial, vial2}) {
            c.record(event(u, 0, BizStep.commissioning, Disposition.active, null, null, maker, null, null, List.of()));
            c.record(event(u, 2, BizStep.receiving, Disposition.in_progress, null, dock, maker, null, null,
                    List.of(new NewCustodyEvent.BizTransaction("desadv", "ASN-77"))));
            c.record(event(u, 3, BizStep.storing, Disposition.sellable_accessible, dock, fridge, null, null, null, List.of()));
        }
        c.record(event(kit, 1, BizStep.commissioning, Disposition.active, null, null, maker, null, null, List.of()));
        c.record(event(vial, 30, BizStep.packing, Disposition.in_progress, fridge, dock, null, null, kit, List.of()));
        c.record(event(kit, 31, BizStep.shipping, Disposition.in_transit, dock, null, null, customer, null,
                List.of(new NewCustodyEvent.BizTransaction("po", "PO-123"))));
        for (int h = 3; h <= 30; h++) {
            dsl.insertInto(SENSOR_READING, SENSOR_READING.LOCATION_ID, SENSOR_READING.READ_AT, SENSOR_READING.TEMPERATURE_C)
                    .values(fridge, T0.plusHours(h), new BigDecimal(h == 12 ? "9.5" : "4.0")).execute();
        }
        return this;
    }

    private long next = 1;

    long unit(long product, String serial, Long lotId) {
        String gtin = dsl.select(PRODUCT.GTIN).from(PRODUCT).where(PRODUCT.ID.eq(product)).fetchOne().value1();
        return dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.GTIN, UNIT.LOT_ID)
                .values(InternalUnitId.format(1000 + next++), product, maker, serial, gtin, lotId).returning(UNIT.ID).fetchOne().getId();
    }

    private static NewCustodyEvent event(long unit, int hours, BizStep step, Disposition d, Long from, Long to, Long source,
                                         Long destination, Long parent, List<NewCustodyEvent.BizTransaction> tx) {
        return new NewCustodyEvent(unit, T0.plusHours(hours), "Europe/Amsterdam", step, d, from, to, source, destination, parent,
                tx, new NewCustodyEvent.Capture(NewCustodyEvent.Capture.Method.scan, null, null, null), null);
    }

    /** Internal ids, for drill-down assertions. */
    record Ids(DSLContext dsl) {
        String internalId(long unit) {
            return dsl.select(UNIT.INTERNAL_ID).from(UNIT).where(UNIT.ID.eq(unit)).fetchOne().value1();
        }
    }
}
