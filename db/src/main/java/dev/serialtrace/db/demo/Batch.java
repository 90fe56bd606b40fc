package dev.serialtrace.db.demo;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.lifecycle.LifecycleRules;
import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.copy.BinaryCopyBuffer;
import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One batch of generated rows. Units are copied first, then their events (so the
 * statement trigger derives the state of the whole batch at once), then rows that refer to units.
 */
final class Batch {

    /** A unit being written, and the step it was last left at (to flag illegal transitions). */
    static final class Track {
        final long id;
        final String serial;
        final MasterData.Product product;
        final MasterData.Site site;
        BizStep lastStep;
        Disposition lastDisposition;
        long lastAt;
        long lastRecordedAt;
        long location;
        int seq;

        Track(long id, String serial, MasterData.Product product, MasterData.Site site) {
            this.id = id;
            this.serial = serial;
            this.product = product;
            this.site = site;
        }
    }

    private static final String[] MANUAL_REASONS = {"label damaged", "barcode unreadable", "scanner battery empty",
            "label missing, serial read from housing", "scanner offline"};

    final CopyBuffer units = new CopyBuffer("unit", "id, internal_id, product_id, manufacturer_id, serial, gtin, "
            + "lot_id, expiry, production_date, created_at");
    private static final String EVENT_COLUMNS = "id, unit_id, occurred_at, occurred_zone, recorded_at, "
            + "biz_step, disposition, from_location_id, to_location_id, source_party_id, destination_party_id, "
            + "parent_unit_id, biz_transactions, capture_method, raw_scan, manual_reason, device, actor, "
            + "is_illegal_transition, is_out_of_order, flag_reason, chain_seq";
    private static final int EVENT_FIELDS = 22;
    /**
     * Events grouped by month, sent as one COPY: consecutive rows then go to the same partition,
     * which keeps PostgreSQL's multi-insert buffers full (with rows in unit order they would
     * switch partition on nearly every row).
     */
    private final List<BinaryCopyBuffer> eventsByMonth = new ArrayList<>();
    final CopyBuffer orders = new CopyBuffer("sales_order", "id, number, customer_id, site_id, channel, ordered_at");
    final CopyBuffer shipments = new CopyBuffer("shipment", "id, number, direction, site_id, party_id, order_id, "
            + "po_number, asn_number, carrier, ship_to_address, region, channel, shipped_at, received_at");
    final CopyBuffer shipmentUnits = new CopyBuffer("shipment_unit", "shipment_id, unit_id, verified_by_scan");
    final CopyBuffer returns = new CopyBuffer("return_authorisation", "id, rma_number, customer_id, "
            + "authorised_unit_id, authorised_serial, received_unit_id, received_serial, reason, opened_at, received_at");
    final CopyBuffer claims = new CopyBuffer("warranty_claim", "id, claim_number, unit_id, claimed_serial, "
            + "claimant_id, region, channel, opened_at, decided_at, outcome, reason");
    final CopyBuffer exceptions = new CopyBuffer("capture_exception", "id, kind, status, raw_input, product_id, "
            + "unit_id, shipment_id, site_id, location_id, occurred_at, captured_by, detail, resolution_reason, "
            + "resolved_by, resolved_at");

    final Ids ids;
    final long horizon;
    private final long firstDay;
    private final SplittableRandom random;
    long unitCount;

    Batch(Ids ids, SplittableRandom random, long firstDay, long horizon) {
        this.ids = ids;
        this.random = random;
        this.firstDay = firstDay;
        this.horizon = horizon;
    }

    void copyTo(CopyManager copy) throws SQLException {
        units.copyTo(copy);
        copyEvents(copy);
        for (CopyBuffer b : List.of(orders, shipments, shipmentUnits, returns, claims, exceptions)) {
            b.copyTo(copy);
        }
    }

    void copyEvents(CopyManager copy) throws SQLException {
        List<BinaryCopyBuffer> parts = new ArrayList<>();
        for (BinaryCopyBuffer b : eventsByMonth) {
            if (b != null) {
                parts.add(b);
            }
        }
        BinaryCopyBuffer.copyAll(copy, parts);
    }

    private BinaryCopyBuffer eventsAt(long epochSecond) {
        int month = (int) Math.max(0, (epochSecond / 86_400 - firstDay) / 30);
        while (eventsByMonth.size() <= month) {
            eventsByMonth.add(null);
        }
        BinaryCopyBuffer b = eventsByMonth.get(month);
        if (b == null) {
            b = new BinaryCopyBuffer("custody_event", EVENT_COLUMNS);
            eventsByMonth.set(month, b);
        }
        return b;
    }

    Track newUnit(MasterData.Product p, MasterData.Site site, String serial, long lot, long expiryDay,
                  long productionDay, long createdAt) {
        long id = ++ids.unit;
        units.num(id).text(InternalUnitId.format(id)).num(p.id()).num(p.manufacturerId()).text(serial).text(p.gtin())
                .id(lot);
        if (expiryDay == 0) {
            units.nul().nul();
        } else {
            units.date(expiryDay).date(productionDay);
        }
        units.time(createdAt).endRow();
        unitCount++;
        return new Track(id, serial, p, site);
    }

    /**
     * Writes one custody event unless it would lie beyond the history horizon. Floor scans are
     * sometimes typed by hand (with a reason); a step the lifecycle rules forbid is flagged.
     */
    long event(Track u, BizStep step, Disposition disposition, long at, long from, long to, long source,
               long destination, long parent, String bizTransactions, String rawScan) {
        if (at > horizon) {
            return 0;
        }
        long id = ++ids.event;
        String method;
        String reason = null;
        String device = null;
        String actor;
        long delay;
        if (step == BizStep.accepting) {
            method = "import";
            actor = "edi.carrier-pod";
            delay = 600 + random.nextInt(3 * 3600);
            rawScan = null;
        } else if (step == BizStep.cycle_counting && from != 0) {
            method = "manual";
            reason = "spot audit resolution";
            actor = supervisor(u.site);
            delay = 60 + random.nextInt(600);
            rawScan = null;
        } else if (random.nextInt(1000) < 30) {
            method = "manual";
            reason = MANUAL_REASONS[random.nextInt(MANUAL_REASONS.length)];
            actor = staff(u.site);
            delay = 30 + random.nextInt(900);
            rawScan = null;
        } else {
            method = "scan";
            device = "HH-" + u.site.code + "-" + (11 + random.nextInt(14));
            actor = staff(u.site);
            delay = 1 + random.nextInt(40);
            if (rawScan == null) {
                rawScan = u.serial;
            }
        }
        Optional<String> illegal = LifecycleRules.violation(u.lastStep, u.lastDisposition, step);
        long recordedAt = at + delay;
        eventsAt(at).row(EVENT_FIELDS).int8(id).int8(u.id).time(at).text(u.site.zone).time(recordedAt).text(step.name())
                .text(disposition.name()).id(from).id(to).id(source).id(destination).id(parent).jsonb(bizTransactions)
                .text(method).text(rawScan).text(reason).text(device).text(actor).bool(illegal.isPresent()).bool(false)
                .text(illegal.orElse(null)).int4(++u.seq);
        u.lastStep = step;
        u.lastDisposition = disposition;
        u.lastAt = at;
        u.lastRecordedAt = recordedAt;
        if (from != 0 || to != 0) {
            u.location = to;
        }
        if ("manual".equals(method) && step == BizStep.receiving && random.nextInt(3) == 0) {
            exception("manual_unverified", "matched", u.serial, u.product.id(), u.id, 0, u.site, to, at,
                    actor, "serial typed at receiving: " + reason, "serial checked against the supplier ASN", recordedAt + 7200);
        }
        return id;
    }

    /** An event that reached the database after a later one of the same unit: flagged, state unaffected. */
    void lateEvent(Track u, BizStep step, Disposition disposition, long at, String why) {
        long id = ++ids.event;
        long recordedAt = u.lastRecordedAt + 3600 + random.nextInt(6 * 3600);
        eventsAt(at).row(EVENT_FIELDS).int8(id).int8(u.id).time(at).text(u.site.zone).time(recordedAt).text(step.name())
                .text(disposition.name()).nul().nul().nul().nul().nul().jsonb("[]").text("scan").text(u.serial).nul()
                .text("HH-" + u.site.code + "-" + (11 + random.nextInt(14))).text(staff(u.site)).bool(false).bool(true)
                .text(why).int4(++u.seq);
    }

    long exception(String kind, String status, String raw, long productId, long unitId, long shipmentId,
                   MasterData.Site site, long location, long at, String capturedBy, String detail,
                   String resolution, long resolvedAt) {
        long id = ++ids.exception;
        boolean open = status.equals("open");
        exceptions.num(id).text(kind).text(status).text(raw).id(productId).id(unitId).id(shipmentId).num(site.id)
                .id(location).time(at).text(capturedBy).text(detail).text(open ? null : resolution)
                .text(open ? null : supervisor(site));
        if (open) {
            exceptions.nul();
        } else {
            exceptions.time(resolvedAt);
        }
        exceptions.endRow();
        return id;
    }

    String staff(MasterData.Site site) {
        return site.staffPrefix + STAFF[random.nextInt(STAFF.length)];
    }

    static String supervisor(MasterData.Site site) {
        return site.staffPrefix + (site.id == 1 ? ".cwright" : ".evandenberg");
    }

    private static final String[] STAFF = {".jmiller", ".agarcia", ".tnguyen", ".kjohnson", ".rpatel", ".lchen",
            ".mbrown", ".sdavis"};

    static String tx(String type, String id) {
        return "[{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}]";
    }

    static String tx(String type1, String id1, String type2, String id2) {
        return "[{\"type\":\"" + type1 + "\",\"id\":\"" + id1 + "\"},{\"type\":\"" + type2 + "\",\"id\":\"" + id2 + "\"}]";
    }

    /** Running numbers shared by all batches (ids are assigned here, sequences are set afterwards). */
    static final class Ids {
        long unit;
        long event;
        long order;
        long shipment;
        long rma;
        long claim;
        long exception;
        long receipt;
        long workOrder;
        final long[] serialCounters = new long[9];
    }
}
