package dev.serialtrace.db.kpi;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.jooq.enums.AuditStatus;
import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.ClaimOutcome;
import dev.serialtrace.db.jooq.enums.DiscrepancyKind;
import dev.serialtrace.db.jooq.enums.DiscrepancyResolution;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.jooq.enums.LocationKind;
import dev.serialtrace.db.jooq.enums.PartyKind;
import dev.serialtrace.db.jooq.enums.ScanClassification;
import dev.serialtrace.db.jooq.enums.ShipmentDirection;
import dev.serialtrace.db.jooq.enums.SyncStatus;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * A hand-built warehouse with known KPI answers for March 2026 (worked out in {@code KpiQueryTest})
 * and fraud signals in April 2026. Two sites: S1 (laptops, "electronics") and S2 (a pump, "medical").
 */
public final class KpiFixture {
    public final DSLContext dsl;
    public final long s1;
    public final long s2;
    final long dock1;
    final long shelf1;
    final long dock2;
    final long shelf2;
    final long laptop;
    final long pump;
    final long c1;
    final long c2;
    final long lotA;
    final long lotB;
    public final long l1;
    public final long l2;
    public final long l3;
    public final long l4;
    public final long p1;
    long clone1;
    long clone2;
    private long nextUnit = 1;

    public KpiFixture(DataSource ds) {
        dsl = DSL.using(ds, SQLDialect.POSTGRES);
        long maker = party(PartyKind.manufacturer, "Acme", null, null);
        long own = party(PartyKind.own, "Us", null, null);
        c1 = party(PartyKind.customer, "Retail Europe BV", "EU-West", "retail");
        c2 = party(PartyKind.customer, "Web Shop US Inc.", "US-East", "online");
        s1 = site("S1", own);
        s2 = site("S2", own);
        dock1 = location(s1, "S1/D1", LocationKind.dock);
        shelf1 = location(s1, "S1/A1", LocationKind.shelf);
        dock2 = location(s2, "S2/D2", LocationKind.dock);
        shelf2 = location(s2, "S2/B2", LocationKind.shelf);
        laptop = product("LT-14", "Laptop 14", "electronics", maker);
        pump = product("PU-2", "Infusion pump", "medical", maker);
        lotA = dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE).values(laptop, "LA").returning(LOT.ID).fetchOne().getId();
        lotB = dsl.insertInto(LOT, LOT.PRODUCT_ID, LOT.LOT_CODE).values(laptop, "LB").returning(LOT.ID).fetchOne().getId();
        l1 = unit(laptop, maker, "LT0001", lotA);
        l2 = unit(laptop, maker, "LT0002", lotA);
        l3 = unit(laptop, maker, "LT0003", null);
        l4 = unit(laptop, maker, "LT0009", lotB);
        p1 = unit(pump, maker, "PU0001", null);

        // receipts at S1: two scanned, one typed, one taken from the ASN without a capture
        event(l1, at(3, 2, 9), BizStep.receiving, Disposition.in_progress, dock1, CaptureMethod.scan);
        event(l2, at(3, 2, 9), BizStep.receiving, Disposition.in_progress, dock1, CaptureMethod.scan);
        event(l3, at(3, 2, 9), BizStep.receiving, Disposition.in_progress, dock1, CaptureMethod.manual);
        event(l4, at(3, 2, 9), BizStep.receiving, Disposition.in_progress, dock1, CaptureMethod.import_);
        event(p1, at(3, 3, 9), BizStep.receiving, Disposition.in_progress, dock2, CaptureMethod.scan);
        for (long u : new long[]{l1, l2, l3}) {
            event(u, at(3, 2, 12), BizStep.storing, Disposition.sellable_accessible, shelf1, CaptureMethod.scan);
        }
        event(p1, at(3, 3, 12), BizStep.storing, Disposition.sellable_accessible, shelf2, CaptureMethod.scan);
        // L3 not found in the audit: marked lost (a system event, not a capture)
        event(l3, at(3, 25, 16), BizStep.cycle_counting, Disposition.unknown, shelf1, CaptureMethod.system);

        // one shipment of L1, L2 (not verified) and L4 to c1
        long sh1 = dsl.insertInto(SHIPMENT, SHIPMENT.NUMBER, SHIPMENT.DIRECTION, SHIPMENT.SITE_ID, SHIPMENT.PARTY_ID,
                        SHIPMENT.REGION, SHIPMENT.CHANNEL, SHIPMENT.SHIPPED_AT)
                .values("OUT-1", ShipmentDirection.outbound, s1, c1, "EU-West", "retail", at(3, 5, 15))
                .returning(SHIPMENT.ID).fetchOne().getId();
        dsl.insertInto(SHIPMENT_UNIT, SHIPMENT_UNIT.SHIPMENT_ID, SHIPMENT_UNIT.UNIT_ID, SHIPMENT_UNIT.VERIFIED_BY_SCAN)
                .values(sh1, l1, true).values(sh1, l2, false).values(sh1, l4, true).execute();

        // returns: RMA-1 as authorised; RMA-2 from another customer and region, another serial than authorised
        rma("RMA-1", c1, l1, "LT0001", l1, "LT0001", "dead on arrival", at(3, 15, 10), at(3, 20, 10));
        rma("RMA-2", c2, l1, "LT0001", l2, "LT0002", "wrong item", at(3, 16, 10), at(3, 21, 10));

        // claims: normal (2 days), another customer from another region (1 h), unknown serial (pending), in-stock serial (3 days)
        claim("WC-1", l1, "LT0001", c1, "EU-West", "retail", at(3, 10, 8), at(3, 12, 8), ClaimOutcome.approved);
        claim("WC-2", l2, "LT0002", c2, "US-East", "online", at(3, 11, 8), at(3, 11, 9), ClaimOutcome.rejected);
        claim("WC-3", null, "FAKE123", c2, "US-East", "online", at(3, 12, 8), null, ClaimOutcome.pending);
        claim("WC-4", l3, "LT0003", c1, "EU-West", "retail", at(3, 13, 8), at(3, 16, 8), ClaimOutcome.rejected);

        // audit at S1: L2 and L3 expected; L2 matched, an unknown serial, a duplicate and an invalid scan
        long audit = dsl.insertInto(SPOT_AUDIT, SPOT_AUDIT.CODE, SPOT_AUDIT.SITE_ID, SPOT_AUDIT.SCOPE, SPOT_AUDIT.STATUS,
                        SPOT_AUDIT.STARTED_AT, SPOT_AUDIT.CLOSED_AT)
                .values("SA-1", s1, JSONB.valueOf("{}"), AuditStatus.closed, at(3, 25, 9), at(3, 25, 11))
                .returning(SPOT_AUDIT.ID).fetchOne().getId();
        dsl.insertInto(AUDIT_EXPECTED, AUDIT_EXPECTED.AUDIT_ID, AUDIT_EXPECTED.UNIT_ID, AUDIT_EXPECTED.LOCATION_ID)
                .values(audit, l2, shelf1).values(audit, l3, shelf1).execute();
        scan(audit, 1, "LT0002", l2, ScanClassification.matched);
        scan(audit, 2, "LTOOO2X", null, ScanClassification.unknown);
        scan(audit, 3, "LT0002", l2, ScanClassification.duplicate);
        scan(audit, 4, "]C1123", null, ScanClassification.invalid);
        dsl.insertInto(AUDIT_DISCREPANCY, AUDIT_DISCREPANCY.AUDIT_ID, AUDIT_DISCREPANCY.KIND, AUDIT_DISCREPANCY.UNIT_ID,
                        AUDIT_DISCREPANCY.LOCATION_ID, AUDIT_DISCREPANCY.RESOLUTION, AUDIT_DISCREPANCY.RESOLVED_AT)
                .values(audit, DiscrepancyKind.missing, l3, shelf1, DiscrepancyResolution.mark_lost, at(3, 25, 16)).execute();

        // sync: two successes and a failure
        sync(at(3, 1, 4), SyncStatus.success);
        sync(at(3, 2, 4), SyncStatus.success);
        sync(at(3, 3, 4), SyncStatus.failed);

        // customer queries answered after 30 and 90 minutes
        query("LT0001", l1, at(3, 5, 10), at(3, 5, 10).plusMinutes(30));
        query("LT0002", l2, at(3, 6, 10), at(3, 6, 10).plusMinutes(90));
    }

    /** April: a return of a never-shipped serial and two clones (across statements and within one). */
    public void aprilSignals() {
        rma("RMA-3", c1, p1, "PU0001", p1, "PU0001", "intermittent fault", at(4, 1, 10), at(4, 2, 10));
        long maker = dsl.select(PRODUCT.MANUFACTURER_ID).from(PRODUCT).where(PRODUCT.ID.eq(laptop)).fetchOne().value1();
        clone1 = unit(laptop, maker, "LT0100", null);
        clone2 = unit(laptop, maker, "LT0101", null);
        event(clone1, at(4, 10, 10), BizStep.storing, Disposition.sellable_accessible, shelf1, CaptureMethod.scan);
        event(clone1, at(4, 10, 11), BizStep.storing, Disposition.sellable_accessible, shelf2, CaptureMethod.scan);
        // one statement, two sites 30 minutes apart; a third event a day later is plausible
        dsl.insertInto(CUSTODY_EVENT, CUSTODY_EVENT.UNIT_ID, CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.OCCURRED_ZONE,
                        CUSTODY_EVENT.BIZ_STEP, CUSTODY_EVENT.DISPOSITION, CUSTODY_EVENT.TO_LOCATION_ID, CUSTODY_EVENT.CAPTURE_METHOD)
                .values(clone2, at(4, 12, 10), "UTC", BizStep.storing, Disposition.sellable_accessible, shelf1, CaptureMethod.scan)
                .values(clone2, at(4, 12, 10).plusMinutes(30), "UTC", BizStep.storing, Disposition.sellable_accessible, shelf2, CaptureMethod.scan)
                .values(clone2, at(4, 13, 12), "UTC", BizStep.storing, Disposition.sellable_accessible, shelf1, CaptureMethod.scan)
                .execute();
    }

    static OffsetDateTime at(int month, int day, int hour) {
        return OffsetDateTime.of(2026, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
    }

    private long party(PartyKind kind, String name, String region, String channel) {
        return dsl.insertInto(PARTY, PARTY.KIND, PARTY.NAME, PARTY.REGION, PARTY.SALES_CHANNEL)
                .values(kind, name, region, channel).returning(PARTY.ID).fetchOne().getId();
    }

    private long site(String code, long own) {
        return dsl.insertInto(SITE, SITE.CODE, SITE.NAME, SITE.PARTY_ID, SITE.TIME_ZONE)
                .values(code, "Site " + code, own, "UTC").returning(SITE.ID).fetchOne().getId();
    }

    private long location(long site, String path, LocationKind kind) {
        return dsl.insertInto(LOCATION, LOCATION.SITE_ID, LOCATION.KIND, LOCATION.CODE, LOCATION.PATH)
                .values(site, kind, path, path).returning(LOCATION.ID).fetchOne().getId();
    }

    private long product(String sku, String name, String category, long maker) {
        return dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.MANUFACTURER_ID)
                .values(sku, name, category, maker).returning(PRODUCT.ID).fetchOne().getId();
    }

    private long unit(long product, long maker, String serial, Long lot) {
        long n = nextUnit++;
        return dsl.insertInto(UNIT, UNIT.INTERNAL_ID, UNIT.PRODUCT_ID, UNIT.MANUFACTURER_ID, UNIT.SERIAL, UNIT.LOT_ID)
                .values(InternalUnitId.format(n), product, maker, serial, lot).returning(UNIT.ID).fetchOne().getId();
    }

    private void event(long unit, OffsetDateTime at, BizStep step, Disposition disposition, long to, CaptureMethod method) {
        dsl.insertInto(CUSTODY_EVENT)
                .set(CUSTODY_EVENT.UNIT_ID, unit)
                .set(CUSTODY_EVENT.OCCURRED_AT, at)
                .set(CUSTODY_EVENT.OCCURRED_ZONE, "UTC")
                .set(CUSTODY_EVENT.BIZ_STEP, step)
                .set(CUSTODY_EVENT.DISPOSITION, disposition)
                .set(CUSTODY_EVENT.TO_LOCATION_ID, to)
                .set(CUSTODY_EVENT.CAPTURE_METHOD, method)
                .set(CUSTODY_EVENT.MANUAL_REASON, method == CaptureMethod.manual ? "label damaged" : null)
                .execute();
    }

    private void rma(String number, long customer, long authorised, String authorisedSerial, long received,
                     String receivedSerial, String reason, OffsetDateTime opened, OffsetDateTime receivedAt) {
        dsl.insertInto(RETURN_AUTHORISATION, RETURN_AUTHORISATION.RMA_NUMBER, RETURN_AUTHORISATION.CUSTOMER_ID,
                        RETURN_AUTHORISATION.AUTHORISED_UNIT_ID, RETURN_AUTHORISATION.AUTHORISED_SERIAL,
                        RETURN_AUTHORISATION.RECEIVED_UNIT_ID, RETURN_AUTHORISATION.RECEIVED_SERIAL, RETURN_AUTHORISATION.REASON,
                        RETURN_AUTHORISATION.OPENED_AT, RETURN_AUTHORISATION.RECEIVED_AT)
                .values(number, customer, authorised, authorisedSerial, received, receivedSerial, reason, opened, receivedAt)
                .execute();
    }

    private void claim(String number, Long unit, String serial, long claimant, String region, String channel,
                       OffsetDateTime opened, OffsetDateTime decided, ClaimOutcome outcome) {
        dsl.insertInto(WARRANTY_CLAIM, WARRANTY_CLAIM.CLAIM_NUMBER, WARRANTY_CLAIM.UNIT_ID, WARRANTY_CLAIM.CLAIMED_SERIAL,
                        WARRANTY_CLAIM.CLAIMANT_ID, WARRANTY_CLAIM.REGION, WARRANTY_CLAIM.CHANNEL, WARRANTY_CLAIM.OPENED_AT,
                        WARRANTY_CLAIM.DECIDED_AT, WARRANTY_CLAIM.OUTCOME)
                .values(number, unit, serial, claimant, region, channel, opened, decided, outcome).execute();
    }

    private void scan(long audit, int seq, String raw, Long unit, ScanClassification classification) {
        dsl.insertInto(AUDIT_SCAN, AUDIT_SCAN.AUDIT_ID, AUDIT_SCAN.CLIENT_SCAN_ID, AUDIT_SCAN.SEQ, AUDIT_SCAN.SCANNED_AT,
                        AUDIT_SCAN.LOCATION_ID, AUDIT_SCAN.RAW_INPUT, AUDIT_SCAN.CAPTURE_METHOD, AUDIT_SCAN.UNIT_ID,
                        AUDIT_SCAN.CLASSIFICATION)
                .values(audit, UUID.randomUUID(), seq, at(3, 25, 10), shelf1, raw, CaptureMethod.scan, unit, classification)
                .execute();
    }

    private void sync(OffsetDateTime started, SyncStatus status) {
        dsl.insertInto(SYNC_LOG, SYNC_LOG.DIRECTION, SYNC_LOG.PARTNER, SYNC_LOG.FORMAT, SYNC_LOG.STARTED_AT, SYNC_LOG.STATUS)
                .values("import", "Partner", "epcis-json", started, status).execute();
    }

    private void query(String serial, long unit, OffsetDateTime received, OffsetDateTime answered) {
        dsl.insertInto(CUSTOMER_QUERY, CUSTOMER_QUERY.SERIAL, CUSTOMER_QUERY.UNIT_ID, CUSTOMER_QUERY.RECEIVED_AT,
                        CUSTOMER_QUERY.ANSWERED_AT).values(serial, unit, received, answered).execute();
    }
}
