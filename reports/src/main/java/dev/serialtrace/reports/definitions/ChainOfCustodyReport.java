package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.custody.CustodyRecordQuery;
import dev.serialtrace.db.custody.CustodyRecordQuery.CustodyRecord;
import dev.serialtrace.db.custody.CustodyRecordQuery.PartyRef;
import dev.serialtrace.db.custody.CustodyRecordQuery.UnitHead;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.arrow;
import static dev.serialtrace.reports.definitions.Texts.at;
import static dev.serialtrace.reports.definitions.Texts.join;
import static dev.serialtrace.reports.definitions.Texts.orNone;

/**
 * Report 1: chain of custody of one unit or a list of units. Per unit: the product identifier,
 * every custody event recorded up to the as-of moment (oldest first, time in the zone where it
 * happened, one line each where it fits), its count and status; then for DSCSA products the
 * transaction information (each change of ownership) and the transaction statement.
 */
public final class ChainOfCustodyReport implements ReportDefinition {
    /** Units whose events are read in one query (and held in memory until printed). */
    private static final int UNITS_PER_QUERY = 250;
    public static final String NAME = "chain-of-custody";
    static final String STATEMENT = "Transaction statement (DSCSA, 21 U.S.C. 360eee(27)). The entity transferring "
            + "ownership in each transaction above confirms that it (1) is authorized as required under the Drug Supply "
            + "Chain Security Act; (2) received the product from a person that is authorized as required; (3) received "
            + "transaction information and a transaction statement from the prior owner of the product; (4) did not "
            + "knowingly ship a suspect or illegitimate product; (5) had systems and processes in place to comply with "
            + "verification requirements; (6) did not knowingly provide false transaction information; and (7) did not "
            + "knowingly alter the transaction history.";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Chain of custody";
    }

    @Override
    public String description() {
        return "Every custody event of one unit or a list of units, with DSCSA transaction information and statement";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.required("units", "Units", ReportParameter.Type.UNITS,
                "internal ids, serials or scans, one per line or comma-separated (up to 10,000)"));
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        CustodyRecordQuery query = new CustodyRecordQuery(ctx.dsl());
        List<UnitHead> heads = query.heads(UnitResolver.resolve(ctx.dsl(), args.list("units")));
        // One table for every unit: a bar with the unit's identifiers, then one line per event (wrapping only
        // where a cell does not fit), then its count and status. The column heads repeat on each page.
        Section ev = Section.of("events", "Chain of custody",
                "Occurred (local time, zone)", "Step / disposition", "Place (from → to)", "Parties (from → to)",
                "Documents", "Capture / actor", "Event / note");
        List<Transfers> dscsa = new ArrayList<>();
        long events = 0;
        long flagged = 0;
        Map<Long, List<CustodyRecord>> batch = Map.of();
        for (int i = 0; i < heads.size(); i++) {
            if (i % UNITS_PER_QUERY == 0) {
                batch = query.events(heads.subList(i, Math.min(heads.size(), i + UNITS_PER_QUERY)), ctx.asOf());
            }
            UnitHead u = heads.get(i);
            sink.add(ev.bar(join("    ", "Unit " + u.internalId(), u.productName(), u.productSku(),
                    u.gtin() == null ? null : "GTIN " + u.gtin(), u.ndc() == null ? null : "NDC " + u.ndc(),
                    "Serial " + u.serial(), u.lot() == null ? null : "Lot " + u.lot(),
                    u.expiry() == null ? null : "Expiry " + u.expiry(), "Manufacturer " + u.manufacturer(),
                    u.regulatoryTags().isEmpty() ? "Regulatory " + NONE : "Regulatory " + String.join(", ", u.regulatoryTags()))));
            if (u.historyKnownFrom() != null) {
                sink.add(ev.kv("History known from", at(u.historyKnownFrom(), ctx.zone()) + " (serial retrofitted; earlier history unknown)"));
            }
            List<CustodyRecord> transfers = new ArrayList<>();
            long[] counts = new long[2];
            String[] state = new String[3];   // disposition, step, place after the last event up to the as-of moment
            for (CustodyRecord e : batch.get(u.unitId())) {
                counts[0]++;
                state[0] = e.disposition();
                state[1] = e.bizStep();
                if (e.toLocation() != null) {
                    state[2] = e.toLocation();
                } else if (e.destination() != null) {
                    state[2] = "with " + e.destination().name();
                }
                if (e.flagged()) {
                    counts[1]++;
                }
                if (u.dscsa() && e.transfersOwnership()) {
                    transfers.add(e);
                }
                sink.add(ev.flaggedRow(e.flagged(), at(e.occurredAt(), e.occurredZone()), e.bizStep() + " / " + orNone(e.disposition()),
                        arrow(e.fromLocation(), e.toLocation()),
                        arrow(e.source() == null ? null : e.source().name(), e.destination() == null ? null : e.destination().name()),
                        e.documents(), join("; ", capture(e), e.actor()), note(e)));
            }
            if (counts[0] == 0) {
                sink.add(ev.text("No custody events recorded up to the as-of moment."));
            }
            // the status comes from the history up to the as-of moment, not the live state: the report stays reproducible
            sink.add(ev.kv(counts[0] + " events", join("    ", counts[1] == 0 ? "none flagged" : counts[1] + " flagged",
                    counts[0] == 0 ? null : "status as of the as-of moment: " + join("    ", state[0], "after " + state[1],
                            state[2] == null ? null : state[2].startsWith("with ") ? state[2] : "at " + state[2]))));
            events += counts[0];
            flagged += counts[1];
            if (u.dscsa()) {
                dscsa.add(new Transfers(u, transfers));
            }
        }
        if (!dscsa.isEmpty()) {
            transactionInformation(sink, dscsa);
            // the same statement covers every transaction listed above
            sink.add(Section.of("statement", "DSCSA transaction statement").text(STATEMENT));
        }
        Section sum = Section.of("summary", "Summary");
        sink.add(sum.kv("Units", String.valueOf(heads.size())));
        sink.add(sum.kv("Custody events", String.valueOf(events)));
        sink.add(sum.kv("Flagged events", flagged + " (illegal transition, out of order, or correction; shown in red)"));
        if (!dscsa.isEmpty()) {
            sink.add(sum.kv("DSCSA units", String.valueOf(dscsa.size())));
        }
    }

    private record Transfers(UnitHead unit, List<CustodyRecord> transfers) {
    }

    /** Per DSCSA unit: the product (name, NDC, container, serial, lot, expiry), then each change of ownership. */
    private static void transactionInformation(RowSink sink, List<Transfers> dscsa) {
        Section ti = Section.ofB("dscsa", "DSCSA transaction information",
                "Transaction date", "Shipment / receipt", "Documents", "Transferor (seller): address, licence",
                "Transferee (buyer): address, licence");
        for (Transfers t : dscsa) {
            UnitHead u = t.unit();
            sink.add(ti.bar(join("    ", "Unit " + u.internalId(), "Product " + u.productName(),
                    u.ndc() == null ? null : "NDC " + u.ndc(), "container: 1 unit", "serial " + u.serial(),
                    u.lot() == null ? null : "lot " + u.lot(), u.expiry() == null ? null : "expiry " + u.expiry())));
            if (t.transfers().isEmpty()) {
                sink.add(ti.text("No change of ownership recorded."));
            }
            for (CustodyRecord r : t.transfers()) {
                sink.add(ti.rowB(at(r.occurredAt(), r.occurredZone()), r.bizStep(), orNone(r.documents()),
                        join("; ", r.source().name(), partyDetail(r.source())),
                        join("; ", r.destination().name(), partyDetail(r.destination()))));
            }
        }
    }

    private static String capture(CustodyRecord e) {
        return join("; ", e.captureMethod(), e.device(), e.manualReason() == null ? null : "reason: " + e.manualReason());
    }

    private static String note(CustodyRecord e) {
        List<String> parts = new ArrayList<>();
        parts.add("#" + e.eventId());
        if (e.correctsEventId() != null) {
            parts.add("corrects #" + e.correctsEventId());
        }
        if (e.illegalTransition()) {
            parts.add("illegal transition");
        }
        if (e.outOfOrder()) {
            parts.add("out of order");
        }
        if (e.flagReason() != null) {
            parts.add(e.flagReason());
        }
        return String.join("; ", parts);
    }

    private static String partyDetail(PartyRef p) {
        return join("; ", p.address(), p.licence() == null ? null : "licence " + p.licence(), p.gln() == null ? null : "GLN " + p.gln());
    }
}
