package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.unit.RecallQuery;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.join;
import static dev.serialtrace.reports.definitions.Texts.orNone;
import static dev.serialtrace.reports.definitions.Texts.percent;

/**
 * Report 3: recall / trace-forward for a lot, a serial range of a product, or a product made in a
 * period: every unit with its status and place, and for shipped units the customer, address and
 * shipment; then totals by status and by customer. Rows stream from a database cursor into a
 * virtualized fill, so 100,000 units do not need the heap. Status and place are the units' state
 * at generation (the as-of moment bounds history reports; a recall is about where units are now).
 */
public final class RecallReport implements ReportDefinition {
    public static final String NAME = "recall";
    private static final String NOT_SHIPPED = "(not shipped to a customer)";
    private static final java.time.format.DateTimeFormatter SHIPPED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Recall / trace-forward";
    }

    @Override
    public String description() {
        return "Every unit of a lot, serial range or product and period: status, place, customer and shipment; totals";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(
                ReportParameter.optional("lot", "Lot", ReportParameter.Type.LOT, "a lot code (alone, or with a product)"),
                ReportParameter.optional("product", "Product", ReportParameter.Type.PRODUCT, "a product SKU (needed with a serial range or period)"),
                ReportParameter.optional("serial-from", "Serial from", ReportParameter.Type.TEXT, "first serial of a range (inclusive)"),
                ReportParameter.optional("serial-to", "Serial to", ReportParameter.Type.TEXT, "last serial of a range (inclusive)"),
                ReportParameter.optional("made-from", "Made from", ReportParameter.Type.DATE, "first production day of a period"),
                ReportParameter.optional("made-to", "Made to", ReportParameter.Type.DATE, "last production day of a period"));
    }

    @Override
    public void validate(ReportArguments a) {
        ReportDefinition.super.validate(a);
        scope(a);
    }

    /** The recall's units from the report's parameter values (the form's), for an EPCIS export of the same units. */
    public static RecallQuery.Scope scope(java.util.Map<String, String> values) {
        return scope(ReportArguments.of(values));
    }

    static RecallQuery.Scope scope(ReportArguments a) {
        boolean lot = a.has("lot");
        boolean range = a.has("serial-from") || a.has("serial-to");
        boolean period = a.has("made-from") || a.has("made-to");
        int chosen = (lot ? 1 : 0) + (range ? 1 : 0) + (period ? 1 : 0);
        if (chosen != 1) {
            throw new ReportInputException("choose exactly one scope: a lot (--lot), a serial range (--product with "
                    + "--serial-from/--serial-to) or a period (--product with --made-from/--made-to)");
        }
        if (lot) {
            return RecallQuery.Scope.lot(a.text("lot"), a.text("product"));
        }
        if (!a.has("product")) {
            throw new ReportInputException("a serial range or period needs the product (--product SKU)");
        }
        if (range) {
            return RecallQuery.Scope.serialRange(a.text("product"), a.text("serial-from"), a.text("serial-to"));
        }
        if (a.has("made-from") && a.has("made-to") && a.date("made-from").isAfter(a.date("made-to"))) {
            throw new ReportInputException("the period ends (" + a.text("made-to") + ") before it starts (" + a.text("made-from") + ")");
        }
        return RecallQuery.Scope.period(a.text("product"), a.date("made-from"), a.date("made-to"));
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        RecallQuery query = new RecallQuery(ctx.dsl());
        RecallQuery.Scope scope = scope(args);
        sink.expect(query.count(scope));
        Section units = Section.of("units", "Units in scope", "Unit", "Serial", "Lot (expiry)", "Status",
                "Location or holder", "Customer", "Ship-to address", "Shipment (shipped, " + ctx.zone().getId() + ")");
        Map<String, long[]> byStatus = new TreeMap<>();
        Map<String, long[]> byCustomer = new TreeMap<>();
        long[] total = new long[1];
        query.stream(scope, u -> {
            total[0]++;
            byStatus.computeIfAbsent(orNone(u.status()), k -> new long[1])[0]++;
            byCustomer.computeIfAbsent(u.customer() == null ? NOT_SHIPPED : u.customer(), k -> new long[1])[0]++;
            sink.add(units.row(u.internalId(), u.serial(),
                    u.lot() == null ? NONE : u.lot() + (u.expiry() == null ? "" : " (" + u.expiry() + ")"),
                    orNone(u.status()), u.location() != null ? u.location() : orNone(u.holder()),
                    orNone(u.customer()), u.customer() == null ? "" : orNone(u.customerAddress()),
                    u.shipment() == null ? "" : join(", ", u.shipment(), shipped(u.shippedAt(), ctx.zone()))));
        });
        if (total[0] == 0) {
            sink.add(units.text("No unit matches this scope."));
        }
        sink.add(units.total(total[0] + " units", "", "", "", "", "", "", ""));
        totals(sink, Section.ofB("by-status", "Totals by status", "Status", "Units", "Share"), byStatus, total[0]);
        totals(sink, Section.ofB("by-customer", "Totals by customer", "Customer", "Units", "Share"), byCustomer, total[0]);
    }

    /** The shipping time in the reader's zone, which the column head names once (keeps a unit's row on one line). */
    private static String shipped(java.time.OffsetDateTime t, java.time.ZoneId zone) {
        return t == null ? NONE : t.atZoneSameInstant(zone).format(SHIPPED);
    }

    private static void totals(RowSink sink, Section section, Map<String, long[]> counts, long total) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        for (Map.Entry<String, long[]> e : entries) {
            sink.add(section.rowB(e.getKey(), String.valueOf(e.getValue()[0]), percent(e.getValue()[0], total)));
        }
        sink.add(section.rowB("All", String.valueOf(total), total == 0 ? NONE : "100.0 %"));
    }
}
