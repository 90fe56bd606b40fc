package dev.serialtrace.reports;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.*;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * A small warehouse with known answers for report tests: a DSCSA insulin unit received from a
 * supplier, stored cold (with one excursion), shipped to a hospital; a second insulin unit of the
 * same lot still in stock; a firearm received from a licensed distributor and sold to a licensed
 * dealer; a closed spot audit with two discrepancies and two signatures.
 */
public final class ReportFixture {
    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T14:00:00Z");
    public final DSLContext dsl;
    public final long own;
    public final long supplier;
    public final long hospital;
    public final long gunSupplier;
    public final long dealer;
    public final long site;
    public final long dock;
    public final long cold;
    public final long shelf;
    public final long cage;
    public final long insulin;
    public final long rifle;
    public final long lot;
    public final long insulinUnit;
    public final long secondInsulinUnit;
    public final long rifleUnit;
    public final long audit;
    public final List<Long> insulinEvents = new ArrayList<>();
    private long nextUnit = 1;

    public ReportFixture(DataSource ds) {
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        own = party(PartyKind.own, "Northwind Distribution", "1 Dock Road, Springfield IL 62701", null, "0614141000005");
        supplier = party(PartyKind.supplier, "PharmaSource Inc.", "200 Lab Way, Indianapolis IN 46225", "DL-IN-5521", "0614141000012");
        hospital = party(PartyKind.customer, "City Hospital Pharmacy", "5 Health Plaza, Chicago IL 60601", "PH-IL-0042", null);
        gunSupplier = party(PartyKind.supplier, "Ridge Arms Distributing", "9 Forge St, Boise ID 83702", "9-83-001-01-2F-12345", null);
        dealer = party(PartyKind.customer, "Lakeside Outdoor Sports", "77 Shore Dr, Duluth MN 55802", "3-41-137-01-3K-54321", null);
        long maker = party(PartyKind.manufacturer, "Lilly Labs", null, null, null);
        long gunMaker = party(PartyKind.manufacturer, "Ruger Works", null, null, null);
        site = dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values("US1", "Springfield DC", own, "America/Chicago").returning(SITE.ID).fetchOne().getId();
        long root = location(null, LocationKind.site, "US1", "US1", false);
        dock = location(root, LocationKind.dock, "D1", "US1/D1", false);
        cold = location(root, LocationKind.shelf, "C1", "US1/C1", true);
        shelf = location(root, LocationKind.shelf, "A1", "US1/A1", false);
        cage = location(root, LocationKind.shelf, "S1", "US1/S1", false);

        insulin = dsl.insertInto(PRODUCT).set(PRODUCT.SKU, "INS-10").set(PRODUCT.NAME, "Insulin glargine 10 ml")
                .set(PRODUCT.CATEGORY, "pharma").set(PRODUCT.GTIN, "00300028215018").set(PRODUCT.NDC, "0002-8215-01")
                .set(PRODUCT.MANUFACTURER_ID, maker).set(PRODUCT.COMPANY_PREFIX_LENGTH, (short) 7)
                .set(PRODUCT.STORAGE_TEMP_MIN, new BigDecimal("2.00")).set(PRODUCT.STORAGE_TEMP_MAX, new BigDecimal("8.00"))
                .set(PRODUCT.REGULATORY_TAGS, new String[]{"DSCSA"}).returning(PRODUCT.ID).fetchOne().getId();
        rifle = dsl.insertInto(PRODUCT).set(PRODUCT.SKU, "RF-10").set(PRODUCT.NAME, "Rifle 10/22")
                .set(PRODUCT.CATEGORY, "firearm").set(PRODUCT.MANUFACTURER_ID, gunMaker)
                .set(PRODUCT.FIREARM_TYPE, "rifle").set(PRODUCT.FIREARM_CALIBER, ".22 LR").set(PRODUCT.FIREARM_MODEL, "10/22 Carbine")
                .set(PRODUCT.REGULATORY_TAGS, new String[]{"ATF"}).returning(PRODUCT.ID).fetchOne().getId();
        lot = dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE, LOT.EXPIRY, LOT.PRODUCTION_DATE)
                .values(insulin, "L7734", LocalDate.of(2027, 9, 30), LocalDate.of(2026, 1, 15)).returning(LOT.ID).fetchOne().getId();

        insulinUnit = unit(insulin, maker, "SN4471AX09", "00300028215018", lot);
        secondInsulinUnit = unit(insulin, maker, "SN4471AX10", "00300028215018", lot);
        rifleUnit = unit(rifle, gunMaker, "RGR-0001234", null, null);

        insulinEvents.add(event(insulinUnit, T0, BizStep.receiving, Disposition.in_progress, null, dock, supplier, own,
                "[{\"type\":\"po\",\"id\":\"PO-000101\"},{\"type\":\"desadv\",\"id\":\"ASN-US1-000101\"}]"));
        insulinEvents.add(event(insulinUnit, T0.plusMinutes(30), BizStep.storing, Disposition.sellable_accessible, dock, cold, null, null, "[]"));
        insulinEvents.add(event(insulinUnit, T0.plusDays(3), BizStep.picking, Disposition.in_progress, cold, dock, null, null,
                "[{\"type\":\"inv\",\"id\":\"SO-US1-0000077\"}]"));
        insulinEvents.add(event(insulinUnit, T0.plusDays(3).plusHours(2), BizStep.shipping, Disposition.in_transit, dock, null, own, hospital,
                "[{\"type\":\"inv\",\"id\":\"SO-US1-0000077\"},{\"type\":\"bol\",\"id\":\"BOL-US1-0000009\"}]"));
        event(secondInsulinUnit, T0, BizStep.receiving, Disposition.in_progress, null, dock, supplier, own, "[]");
        event(secondInsulinUnit, T0.plusMinutes(40), BizStep.storing, Disposition.sellable_accessible, dock, cold, null, null, "[]");

        long order = dsl.insertInto(SALES_ORDER, SALES_ORDER.NUMBER, SALES_ORDER.CUSTOMER_ID, SALES_ORDER.SITE_ID, SALES_ORDER.ORDERED_AT)
                .values("SO-US1-0000077", hospital, site, T0.plusDays(2)).returning(SALES_ORDER.ID).fetchOne().getId();
        long shipment = dsl.insertInto(SHIPMENT).set(SHIPMENT.NUMBER, "OUT-US1-0000009").set(SHIPMENT.DIRECTION, ShipmentDirection.outbound)
                .set(SHIPMENT.SITE_ID, site).set(SHIPMENT.PARTY_ID, hospital).set(SHIPMENT.ORDER_ID, order)
                .set(SHIPMENT.SHIPPED_AT, T0.plusDays(3).plusHours(2)).returning(SHIPMENT.ID).fetchOne().getId();
        dsl.insertInto(SHIPMENT_UNIT, SHIPMENT_UNIT.SHIPMENT_ID, SHIPMENT_UNIT.UNIT_ID, SHIPMENT_UNIT.VERIFIED_BY_SCAN)
                .values(shipment, insulinUnit, true).execute();

        // cold room: 5.0 °C every 30 min, with one excursion at 9.5 and 10.0 °C (an hour out of band)
        for (int i = 0; i < 12; i++) {
            BigDecimal c = i == 4 ? new BigDecimal("9.50") : i == 5 ? new BigDecimal("10.00") : new BigDecimal("5.00");
            dsl.insertInto(SENSOR_READING, SENSOR_READING.LOCATION_ID, SENSOR_READING.READ_AT, SENSOR_READING.TEMPERATURE_C)
                    .values(cold, T0.plusHours(1).plusMinutes(30L * i), c).execute();
        }

        event(rifleUnit, OffsetDateTime.parse("2026-02-10T16:00:00Z"), BizStep.receiving, Disposition.in_progress, null, dock,
                gunSupplier, own, "[{\"type\":\"po\",\"id\":\"PO-000202\"}]");
        event(rifleUnit, OffsetDateTime.parse("2026-02-10T17:00:00Z"), BizStep.storing, Disposition.sellable_accessible, dock, cage, null, null, "[]");
        event(rifleUnit, OffsetDateTime.parse("2026-03-05T15:00:00Z"), BizStep.shipping, Disposition.in_transit, cage, null, own, dealer,
                "[{\"type\":\"inv\",\"id\":\"SO-US1-0000080\"}]");

        audit = dsl.insertInto(SPOT_AUDIT).set(SPOT_AUDIT.CODE, "AUD-US1-000001").set(SPOT_AUDIT.SITE_ID, site)
                .set(SPOT_AUDIT.SCOPE, JSONB.valueOf("{\"locations\": [\"US1/C1\"]}")).set(SPOT_AUDIT.AUDITOR, "mgarcia")
                .set(SPOT_AUDIT.STATUS, AuditStatus.signed).set(SPOT_AUDIT.PLANNED_AT, T0.plusDays(1))
                .set(SPOT_AUDIT.STARTED_AT, T0.plusDays(1).plusHours(1)).set(SPOT_AUDIT.CLOSED_AT, T0.plusDays(1).plusHours(2))
                .returning(SPOT_AUDIT.ID).fetchOne().getId();
        dsl.insertInto(AUDIT_EXPECTED, AUDIT_EXPECTED.AUDIT_ID, AUDIT_EXPECTED.UNIT_ID, AUDIT_EXPECTED.LOCATION_ID)
                .values(audit, insulinUnit, cold).values(audit, secondInsulinUnit, cold).execute();
        long scan1 = scan(1, "SN4471AX09", insulinUnit, ScanClassification.matched);
        scan(2, "SN4471AX09", insulinUnit, ScanClassification.duplicate);
        long scan3 = scan(3, "RGR-0001234", rifleUnit, ScanClassification.wrong_location);
        long missing = dsl.insertInto(AUDIT_DISCREPANCY).set(AUDIT_DISCREPANCY.AUDIT_ID, audit).set(AUDIT_DISCREPANCY.KIND, DiscrepancyKind.missing)
                .set(AUDIT_DISCREPANCY.UNIT_ID, secondInsulinUnit).set(AUDIT_DISCREPANCY.LOCATION_ID, cold)
                .set(AUDIT_DISCREPANCY.RESOLUTION, DiscrepancyResolution.recount).set(AUDIT_DISCREPANCY.RESOLUTION_REASON, "found behind tray on recount")
                .set(AUDIT_DISCREPANCY.RESOLVED_BY, "mgarcia").set(AUDIT_DISCREPANCY.RESOLVED_AT, T0.plusDays(1).plusHours(2))
                .returning(AUDIT_DISCREPANCY.ID).fetchOne().getId();
        dsl.insertInto(AUDIT_DISCREPANCY).set(AUDIT_DISCREPANCY.AUDIT_ID, audit).set(AUDIT_DISCREPANCY.KIND, DiscrepancyKind.wrong_location)
                .set(AUDIT_DISCREPANCY.UNIT_ID, rifleUnit).set(AUDIT_DISCREPANCY.SCAN_ID, scan3).set(AUDIT_DISCREPANCY.LOCATION_ID, cold).execute();
        signature("spot_audit", audit, "mgarcia", "Maria Garcia", SignatureMeaning.performed, T0.plusDays(1).plusHours(2).plusMinutes(5));
        signature("spot_audit", audit, "jlee", "Jordan Lee", SignatureMeaning.approved, T0.plusDays(1).plusHours(3));
        signature("audit_discrepancy", missing, "mgarcia", "Maria Garcia", SignatureMeaning.reviewed, T0.plusDays(1).plusHours(2).plusMinutes(1));
        if (scan1 == 0) {
            throw new IllegalStateException();
        }
    }

    private long party(PartyKind kind, String name, String address, String licence, String gln) {
        return dsl.insertInto(PARTY).set(PARTY.KIND, kind).set(PARTY.NAME, name).set(PARTY.ADDRESS, address)
                .set(PARTY.LICENCE_NUMBER, licence).set(PARTY.GLN, gln).set(PARTY.COUNTRY, "US").returning(PARTY.ID).fetchOne().getId();
    }

    private long location(Long parent, LocationKind kind, String code, String path, boolean isCold) {
        return dsl.insertInto(LOCATION).set(LOCATION.SITE_ID, site).set(LOCATION.PARENT_ID, parent).set(LOCATION.KIND, kind)
                .set(LOCATION.CODE, code).set(LOCATION.PATH, path).set(LOCATION.IS_COLD, isCold).returning(LOCATION.ID).fetchOne().getId();
    }

    public long unit(long product, long maker, String serial, String gtin, Long lotId) {
        long id = 1000 + nextUnit++;
        dsl.insertInto(UNIT).set(UNIT.ID, id).set(UNIT.INTERNAL_ID, InternalUnitId.format(id)).set(UNIT.PRODUCT_ID, product)
                .set(UNIT.MANUFACTURER_ID, maker).set(UNIT.SERIAL, serial).set(UNIT.GTIN, gtin).set(UNIT.LOT_ID, lotId).execute();
        return id;
    }

    public long event(long unit, OffsetDateTime at, BizStep step, Disposition disposition, Long from, Long to, Long source,
                      Long destination, String documents) {
        return dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit).set(CUSTODY_EVENT.OCCURRED_AT, at).set(CUSTODY_EVENT.OCCURRED_ZONE, "America/Chicago")
                .set(CUSTODY_EVENT.RECORDED_AT, at.plusSeconds(5))
                .set(CUSTODY_EVENT.BIZ_STEP, step).set(CUSTODY_EVENT.DISPOSITION, disposition)
                .set(CUSTODY_EVENT.FROM_LOCATION_ID, from).set(CUSTODY_EVENT.TO_LOCATION_ID, to)
                .set(CUSTODY_EVENT.SOURCE_PARTY_ID, source).set(CUSTODY_EVENT.DESTINATION_PARTY_ID, destination)
                .set(CUSTODY_EVENT.BIZ_TRANSACTIONS, JSONB.valueOf(documents))
                .set(CUSTODY_EVENT.CAPTURE_METHOD, CaptureMethod.scan).set(CUSTODY_EVENT.DEVICE, "HS-07").set(CUSTODY_EVENT.ACTOR, "kpatel")
                .returning(CUSTODY_EVENT.ID).fetchOne().getId();
    }

    private long scan(int seq, String raw, long unit, ScanClassification c) {
        return dsl.insertInto(AUDIT_SCAN).set(AUDIT_SCAN.AUDIT_ID, audit).set(AUDIT_SCAN.CLIENT_SCAN_ID, java.util.UUID.randomUUID())
                .set(AUDIT_SCAN.SEQ, seq).set(AUDIT_SCAN.SCANNED_AT, T0.plusDays(1).plusHours(1).plusMinutes(seq))
                .set(AUDIT_SCAN.LOCATION_ID, cold).set(AUDIT_SCAN.RAW_INPUT, raw).set(AUDIT_SCAN.CAPTURE_METHOD, CaptureMethod.scan)
                .set(AUDIT_SCAN.UNIT_ID, unit).set(AUDIT_SCAN.CLASSIFICATION, c).returning(AUDIT_SCAN.ID).fetchOne().getId();
    }

    private void signature(String type, long subject, String signer, String name, SignatureMeaning meaning, OffsetDateTime at) {
        dsl.insertInto(SIGNATURE).set(SIGNATURE.SUBJECT_TYPE, type).set(SIGNATURE.SUBJECT_ID, subject).set(SIGNATURE.SIGNER, signer)
                .set(SIGNATURE.PRINTED_NAME, name).set(SIGNATURE.MEANING, meaning).set(SIGNATURE.SIGNED_AT, at)
                .set(SIGNATURE.CONTENT_HASH, new byte[]{(byte) 0xab, (byte) 0xcd, 0x01}).execute();
    }

    public String internalId(long unit) {
        return dsl.select(UNIT.INTERNAL_ID).from(UNIT).where(UNIT.ID.eq(unit)).fetchOne().value1();
    }
}
